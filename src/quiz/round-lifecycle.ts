import type { Catalogue } from '../bank/catalogue.js';
import type { ChannelRef } from '../chat-port.js';
import { asBotError } from '../errors.js';
import type { Round, RoundKind } from '../store/ports/index.js';
import { buildQuestion, selectEntry } from './build-question.js';
import { channelZone } from './channel-zone.js';
import type { RoundDeps } from './quiz-deps.js';
import { revealMessage, resultsMessage, roundMessage } from './round-view.js';

/** Rounds stay open at most this long (docs/design.md, "Quiz rules"). */
export const ROUND_MAX_OPEN_MS = 8 * 3_600_000;

/**
 * How long a post or reveal in flight is left alone before another tick (in this process
 * or another one on the same database) may retry it. Long enough for a slow platform
 * call, short enough that a crash mid-post delays the round by a couple of minutes only.
 */
export const PLATFORM_CALL_LEASE_MS = 2 * 60_000;

export interface OpenRequest {
  channel: ChannelRef;
  channelKey: number;
  slotMs: number;
  kind: RoundKind;
  closesMs: number;
  /** For scheduled rounds: the schedule's next slot, moved on in the same transaction as the claim. */
  nextFireMs?: number;
}

/** What opening a round came to. */
export type OpenOutcome =
  | { kind: 'opened'; round: Round }
  /** Another caller (a second tick, another replica) claimed the slot first. */
  | { kind: 'taken' }
  /** None of the channel's banks is loaded, so there is nothing to ask. */
  | { kind: 'no_questions' };

/**
 * Claims the slot (at most one round per channel and slot), closes the channel's
 * previous round, then posts. The question comes from the channel's own banks
 * (docs/design.md, "Curriculum"). A failed post leaves the round claimed for the next
 * tick to retry.
 */
export async function openRound(deps: RoundDeps, request: OpenRequest, nowMs: number): Promise<OpenOutcome> {
  const { catalogue } = deps.library.current();
  const chosen = await deps.store.channelBanks.get(request.channelKey);
  const banks = catalogue.banksAmong(chosen?.slugs ?? null);
  const entries = banks.flatMap((b) => b.entries);
  const entry = selectEntry(entries, await deps.store.rounds.entryStats(request.channelKey), deps.random);
  if (!entry) {
    deps.logger.warn({ channel: request.channel.channelId, banks: chosen?.slugs ?? 'all' }, 'no round: none of the channel\'s banks is loaded');
    return { kind: 'no_questions' };
  }
  const items = banks.flatMap((b) => b.quizItems);
  const question = buildQuestion(entry, items, await deps.store.rounds.itemUses(request.channelKey), deps.random);
  const round = await deps.store.rounds.claim(
    {
      channelKey: request.channelKey,
      slotMs: request.slotMs,
      kind: request.kind,
      entryId: question.entryId,
      itemId: question.itemId,
      mode: question.mode,
      choices: question.choices,
      correctIndex: question.correctIndex,
      claimedMs: nowMs,
      closesMs: request.closesMs,
    },
    nowMs + PLATFORM_CALL_LEASE_MS,
    request.nextFireMs,
  );
  if (!round) {
    deps.logger.info({ channel: request.channel.channelId, slotMs: request.slotMs }, 'round slot already claimed');
    return { kind: 'taken' };
  }
  deps.logger.info({ channel: request.channel.channelId, round: round.id, entry: round.entryId, slotMs: round.slotMs, kind: round.kind }, 'round claimed');
  for (const previous of await deps.store.rounds.openInChannel(request.channelKey)) {
    if (previous.id !== round.id) await closeRound(deps, previous, nowMs);
  }
  await postRound(deps, round, nowMs);
  return { kind: 'opened', round };
}

/** Posts a claimed round; on failure it stays claimed and the next tick tries again. */
export async function postRound(deps: RoundDeps, round: Round, nowMs: number): Promise<boolean> {
  const { catalogue } = deps.library.current();
  const prompt = promptOf(catalogue, round);
  const zone = await channelZone(deps.store, round.channelKey);
  try {
    const { messageId } = await deps.chat.post(round.channel, roundMessage(round, prompt, zone, bankNote(catalogue, round.entryId)));
    await deps.store.rounds.markOpen(round.id, messageId, nowMs);
    deps.logger.info({ channel: round.channel.channelId, round: round.id, messageId }, 'round posted');
    return true;
  } catch (error) {
    await deps.store.rounds.recordPostFailure(round.id);
    const err = asBotError(error, 'chat.post_failed');
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, attempts: round.postAttempts + 1, err }, 'posting a round failed; retrying at the next tick');
    return false;
  }
}

/**
 * Closes an open round once (a second caller gets false), moves streaks on for a
 * scheduled round, then reveals the answer on the round message and posts the results.
 */
export async function closeRound(deps: RoundDeps, round: Round, nowMs: number): Promise<boolean> {
  const closed = await deps.store.transaction(async (tx) => {
    if (!(await tx.rounds.close(round.id, nowMs, nowMs + PLATFORM_CALL_LEASE_MS))) return false;
    // Added up once, as it closes: the dashboard and the digest read these, never the answers.
    await tx.insights.tallyRound(round.id);
    // Recall rounds are self-graded: they count for progress, not for streaks or points.
    if (round.kind === 'scheduled' && round.mode === 'choice') {
      const previous = await tx.rounds.previousScheduledSlot(round.channelKey, round.slotMs);
      await tx.answers.advanceStreaks(round.channelKey, round.slotMs, previous, await tx.answers.correctUsers(round.id));
    }
    return true;
  });
  if (!closed) return false;
  deps.logger.info({ channel: round.channel.channelId, round: round.id }, 'round closed');
  await revealRound(deps, round);
  return true;
}

/** Shows the reveal on the round message and the results in its thread; retried by the tick until shown. */
export async function revealRound(deps: RoundDeps, round: Round): Promise<boolean> {
  const { catalogue } = deps.library.current();
  const entry = catalogue.entry(round.entryId);
  if (!round.messageId) {
    await deps.store.rounds.markRevealed(round.id);
    return true;
  }
  const item = round.itemId ? catalogue.item(round.itemId) : undefined;
  const results = await deps.store.rounds.results(round.id);
  try {
    await deps.chat.update(round.channel, round.messageId, revealMessage(round, entry, item, promptOf(catalogue, round), results, catalogue.severalBanks));
  } catch (error) {
    await deps.store.rounds.releaseLease(round.id);
    const err = asBotError(error, 'chat.update_failed');
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, err }, 'revealing a round failed; retrying at the next tick');
    return false;
  }
  await deps.store.rounds.markRevealed(round.id);
  try {
    await deps.chat.reply(round.channel, round.messageId, resultsMessage(round, results));
  } catch (error) {
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, err: asBotError(error, 'chat.post_failed') }, 'posting round results failed');
  }
  return true;
}

/** The prompt of a round: its quiz item's, or the entry's question in recall mode. */
export function promptOf(catalogue: Catalogue, round: Round): string {
  if (round.itemId) {
    const item = catalogue.item(round.itemId);
    if (item) return item.prompt;
  }
  return catalogue.entry(round.entryId)?.question ?? 'This question is no longer in the bank.';
}

/** With several banks loaded, a round says which bank it is from; with one, nothing. */
function bankNote(catalogue: Catalogue, entryId: string): string | null {
  const entry = catalogue.entry(entryId);
  const bank = entry && catalogue.severalBanks ? catalogue.bank(entry.bankSlug) : undefined;
  return bank ? `From ${bank.title} (${bank.slug}).` : null;
}
