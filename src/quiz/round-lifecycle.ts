import type { ChannelRef } from '../chat-port.js';
import type { CoreDeps } from '../commands/deps.js';
import { asBotError } from '../errors.js';
import type { Round, RoundKind } from '../store/quiz-ports.js';
import { buildQuestion, selectEntry } from './build-question.js';
import { revealMessage, resultsMessage, roundMessage } from './round-view.js';

/** Rounds stay open at most this long (DESIGN.md, Quiz rules). */
export const ROUND_MAX_OPEN_MS = 8 * 3_600_000;

/**
 * How long a post or reveal in flight is left alone before another tick (in this process
 * or another one on the same database) may retry it. Long enough for a slow platform
 * call, short enough that a crash mid-post delays the round by a couple of minutes only.
 */
export const PLATFORM_CALL_LEASE_MS = 2 * 60_000;

/** The zone a channel's rounds, weeks and months follow: its schedule's, or UTC. */
export function channelZone(deps: CoreDeps, channelKey: number): string {
  return deps.store.schedules.get(channelKey)?.spec.zone ?? 'UTC';
}

export interface OpenRequest {
  channel: ChannelRef;
  channelKey: number;
  slotMs: number;
  kind: RoundKind;
  closesMs: number;
  /** For scheduled rounds: the schedule's next slot, moved on in the same transaction as the claim. */
  nextFireMs?: number;
}

/**
 * Claims the slot (at most one round per channel and slot), closes the channel's
 * previous round, then posts. Returns the claimed round, or null if the slot was
 * already taken. A failed post leaves the round claimed for the next tick to retry.
 */
export async function openRound(deps: CoreDeps, request: OpenRequest, nowMs: number): Promise<Round | null> {
  const entries = deps.catalogue.allEntries();
  const entry = selectEntry(entries, deps.store.rounds.entryStats(request.channelKey), deps.random);
  if (!entry) return null;
  const items = deps.catalogue.banks.flatMap((b) => b.quizItems);
  const question = buildQuestion(entry, items, deps.store.rounds.itemUses(request.channelKey), deps.random);
  const round = deps.store.rounds.claim(
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
    return null;
  }
  deps.logger.info({ channel: request.channel.channelId, round: round.id, entry: round.entryId, slotMs: round.slotMs, kind: round.kind }, 'round claimed');
  for (const previous of deps.store.rounds.openInChannel(request.channelKey)) {
    if (previous.id !== round.id) await closeRound(deps, previous, nowMs);
  }
  await postRound(deps, round, nowMs);
  return round;
}

/** Posts a claimed round; on failure it stays claimed and the next tick tries again. */
export async function postRound(deps: CoreDeps, round: Round, nowMs: number): Promise<boolean> {
  const prompt = promptOf(deps, round);
  try {
    const { messageId } = await deps.chat.post(round.channel, roundMessage(round, prompt, channelZone(deps, round.channelKey)));
    deps.store.rounds.markOpen(round.id, messageId, nowMs);
    deps.logger.info({ channel: round.channel.channelId, round: round.id, messageId }, 'round posted');
    return true;
  } catch (error) {
    deps.store.rounds.recordPostFailure(round.id);
    const err = asBotError(error, 'chat.post_failed');
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, attempts: round.postAttempts + 1, err }, 'posting a round failed; retrying at the next tick');
    return false;
  }
}

/**
 * Closes an open round once (a second caller gets false), moves streaks on for a
 * scheduled round, then reveals the answer on the round message and posts the results.
 */
export async function closeRound(deps: CoreDeps, round: Round, nowMs: number): Promise<boolean> {
  const closed = deps.store.transaction(() => {
    if (!deps.store.rounds.close(round.id, nowMs, nowMs + PLATFORM_CALL_LEASE_MS)) return false;
    // Recall rounds are self-graded: they count for progress, not for streaks or points.
    if (round.kind === 'scheduled' && round.mode === 'choice') {
      const previous = deps.store.rounds.previousScheduledSlot(round.channelKey, round.slotMs);
      deps.store.answers.advanceStreaks(round.channelKey, round.slotMs, previous, deps.store.answers.correctUsers(round.id));
    }
    return true;
  });
  if (!closed) return false;
  deps.logger.info({ channel: round.channel.channelId, round: round.id }, 'round closed');
  await revealRound(deps, round);
  return true;
}

/** Shows the reveal on the round message and the results in its thread; retried by the tick until shown. */
export async function revealRound(deps: CoreDeps, round: Round): Promise<boolean> {
  const entry = deps.catalogue.entry(round.entryId);
  if (!entry || !round.messageId) {
    deps.store.rounds.markRevealed(round.id);
    return true;
  }
  const item = round.itemId ? deps.catalogue.item(round.itemId) : undefined;
  const results = deps.store.rounds.results(round.id);
  try {
    await deps.chat.update(round.channel, round.messageId, revealMessage(round, entry, item, promptOf(deps, round), results));
  } catch (error) {
    deps.store.rounds.releaseLease(round.id);
    const err = asBotError(error, 'chat.update_failed');
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, err }, 'revealing a round failed; retrying at the next tick');
    return false;
  }
  deps.store.rounds.markRevealed(round.id);
  try {
    await deps.chat.reply(round.channel, round.messageId, resultsMessage(round, results));
  } catch (error) {
    deps.logger.warn({ channel: round.channel.channelId, round: round.id, err: asBotError(error, 'chat.post_failed') }, 'posting round results failed');
  }
  return true;
}

/** The prompt of a round: its quiz item's, or the entry's question in recall mode. */
export function promptOf(deps: CoreDeps, round: Round): string {
  if (round.itemId) {
    const item = deps.catalogue.item(round.itemId);
    if (item) return item.prompt;
  }
  return deps.catalogue.entry(round.entryId)?.question ?? 'This question is no longer in the bank.';
}
