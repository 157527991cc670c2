import type { LibraryView } from '../library/library.js';
import type { ChatPort } from '../chat-port.js';
import { asBotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PLATFORM_CALL_LEASE_MS } from '../quiz/round-lifecycle.js';
import { periodKey } from '../quiz/scoring.js';
import { digestMessage } from '../quiz/weekly-digest.js';
import type { Digest, DigestDue, StoreView } from '../store/ports/index.js';
import { DEFAULT_DIGEST, DIGEST_WINDOW_MS, digestSlotsUpTo, nextDigestSlot } from './digest-slots.js';

/** What the digest part of the tick uses. */
export interface DigestDeps {
  /** The live banks (a reload replaces them). */
  library: LibraryView;
  store: StoreView<'digests' | 'answers' | 'rounds' | 'insights' | 'schedules'>;
  chat: ChatPort;
  logger: Logger;
  /** The slash command's name, for hints in the digest. */
  commandName: string;
}

/** What one tick did with digests. */
export interface DigestReport {
  posted: number;
  missed: number;
  failed: number;
}

/** How much one tick takes on (as for rounds). */
const BATCH = 500;

/**
 * The digest part of the tick (docs/design.md, "Weekly digest"), restart-safe exactly
 * like rounds: retry digests claimed but not posted (their lease ran out: a crash, a
 * failed post) while their window is open, then claim and post every channel's digest
 * whose slot has come. A channel has at most one digest per week (a unique key claimed in
 * a transaction before posting), so two ticks at once, or a restart, never post two.
 */
export async function runDigests(deps: DigestDeps, nowMs: number): Promise<DigestReport> {
  const report: DigestReport = { posted: 0, missed: 0, failed: 0 };
  const lease = nowMs + PLATFORM_CALL_LEASE_MS;
  for (const digest of await deps.store.digests.pending(nowMs, BATCH)) {
    if (!(await deps.store.digests.takeLease(digest.id, nowMs, lease))) continue;
    if (nowMs >= digest.closesMs) {
      await deps.store.digests.markMissed(digest.id, nowMs);
      deps.logger.warn({ channel: digest.channel.channelId, digest: digest.id, week: digest.weekKey }, 'digest missed: its window passed before it could be posted');
      report.missed++;
      continue;
    }
    if (await postDigest(deps, digest, nowMs)) report.posted++;
    else report.failed++;
  }
  for (const due of await deps.store.digests.due(nowMs, BATCH)) {
    const outcome = await fireDigest(deps, due, nowMs);
    report.posted += outcome.posted;
    report.missed += outcome.missed;
    report.failed += outcome.failed;
  }
  return report;
}

/**
 * A due channel: a slot never worked out is worked out (nothing is posted for a slot
 * that was never scheduled); otherwise the latest slot is claimed and posted if its
 * window is still open, and slots that passed entirely are counted as missed.
 */
async function fireDigest(deps: DigestDeps, due: DigestDue, nowMs: number): Promise<DigestReport> {
  const settings = due.settings ?? DEFAULT_DIGEST;
  if (settings.nextFireMs === null) {
    await deps.store.digests.setNextFire(due.channelKey, nextDigestSlot(settings, due.quiz, nowMs));
    return { posted: 0, missed: 0, failed: 0 };
  }
  const { latest, passed, following } = digestSlotsUpTo(settings, due.quiz, settings.nextFireMs, nowMs);
  const closesMs = latest + DIGEST_WINDOW_MS;
  if (nowMs >= closesMs) {
    await deps.store.digests.setNextFire(due.channelKey, following);
    deps.logger.warn({ channel: due.channel.channelId, missed: passed + 1 }, 'digest slots passed while the bot was down');
    return { posted: 0, missed: passed + 1, failed: 0 };
  }
  const digest = await deps.store.digests.claim(
    { channelKey: due.channelKey, weekKey: periodKey('week', latest, due.quiz.zone), slotMs: latest, claimedMs: nowMs, closesMs },
    nowMs + PLATFORM_CALL_LEASE_MS,
    following,
  );
  if (!digest) {
    deps.logger.info({ channel: due.channel.channelId, slotMs: latest }, 'digest for this week already claimed');
    return { posted: 0, missed: passed, failed: 0 };
  }
  deps.logger.info({ channel: due.channel.channelId, digest: digest.id, week: digest.weekKey }, 'digest claimed');
  const posted = await postDigest(deps, digest, nowMs);
  return { posted: posted ? 1 : 0, missed: passed, failed: posted ? 0 : 1 };
}

/** Builds and posts a claimed digest; on failure it stays claimed and the next tick retries within its window. */
async function postDigest(deps: DigestDeps, digest: Digest, nowMs: number): Promise<boolean> {
  try {
    const zone = (await deps.store.schedules.get(digest.channelKey))?.spec.zone ?? 'UTC';
    const message = await digestMessage(deps, { channel: digest.channel, channelKey: digest.channelKey, zone, slotMs: digest.slotMs });
    const { messageId } = await deps.chat.post(digest.channel, message);
    await deps.store.digests.markPosted(digest.id, messageId, nowMs);
    deps.logger.info({ channel: digest.channel.channelId, digest: digest.id, messageId }, 'digest posted');
    return true;
  } catch (error) {
    await deps.store.digests.recordPostFailure(digest.id);
    const err = asBotError(error, 'chat.post_failed');
    deps.logger.warn({ channel: digest.channel.channelId, digest: digest.id, attempts: digest.postAttempts + 1, err }, 'posting a digest failed; retrying at the next tick');
    return false;
  }
}
