import { CronExpressionParser } from 'cron-parser';
import { closeRound, openRound, PLATFORM_CALL_LEASE_MS, postRound, revealRound, ROUND_MAX_OPEN_MS } from '../quiz/round-lifecycle.js';
import type { RoundDeps } from '../quiz/quiz-deps.js';
import type { StoredSchedule } from '../store/ports/index.js';
import { nextFire } from './next-fire.js';

import type { TickReport } from './tick-report.js';

export type { TickReport };

/** How much one tick takes on, so a backlog never makes one tick run for minutes. */
const BATCH = 500;

/**
 * The one clock tick: reveal rounds whose time is up, retry rounds claimed but not
 * posted (a crash or a platform failure), then open every channel whose slot is due.
 * Safe to run twice at the same time or after a restart: each slot is claimed once.
 */
export async function runTick(deps: RoundDeps, nowMs: number): Promise<TickReport> {
  const report: TickReport = { closed: 0, opened: 0, retried: 0, missed: 0, failed: 0 };

  for (const round of await deps.store.rounds.dueToClose(nowMs, BATCH)) {
    if (await closeRound(deps, round, nowMs)) report.closed++;
  }
  // A retry first takes the round's lease: a post or reveal still in flight elsewhere is left alone.
  const lease = nowMs + PLATFORM_CALL_LEASE_MS;
  for (const round of await deps.store.rounds.unrevealed(nowMs, BATCH)) {
    if (!(await deps.store.rounds.takeLease(round.id, nowMs, lease))) continue;
    if (!(await revealRound(deps, round))) report.failed++;
  }
  for (const round of await deps.store.rounds.claimedPending(nowMs, BATCH)) {
    if (!(await deps.store.rounds.takeLease(round.id, nowMs, lease))) continue;
    if (nowMs >= round.closesMs) {
      await deps.store.rounds.markMissed(round.id, nowMs);
      deps.logger.warn({ channel: round.channel.channelId, round: round.id, slotMs: round.slotMs }, 'round missed: its window passed before it could be posted');
      report.missed++;
      continue;
    }
    if (await postRound(deps, round, nowMs)) report.retried++;
    else report.failed++;
  }
  for (const schedule of await deps.store.schedules.due(nowMs, BATCH)) {
    const outcome = await fireSchedule(deps, schedule, nowMs);
    report.opened += outcome.opened;
    report.missed += outcome.missed;
  }
  return report;
}

/**
 * Opens the latest slot of a due schedule if its window is still open; slots that passed
 * entirely while the bot was down are counted as missed, never posted late.
 */
async function fireSchedule(deps: RoundDeps, schedule: StoredSchedule, nowMs: number): Promise<{ opened: number; missed: number }> {
  const { latest, passed, following } = slotsUpTo(schedule.spec.cron, schedule.spec.zone, schedule.nextFireMs, nowMs);
  if (passed > 0) deps.logger.warn({ channel: schedule.channel.channelId, missed: passed }, 'slots passed while the bot was down');
  const closesMs = Math.min(latest + ROUND_MAX_OPEN_MS, following);
  if (nowMs >= closesMs) {
    await deps.store.schedules.setNextFire(schedule.channelKey, following);
    return { opened: 0, missed: passed + 1 };
  }
  const outcome = await openRound(
    deps,
    { channel: schedule.channel, channelKey: schedule.channelKey, slotMs: latest, kind: 'scheduled', closesMs, nextFireMs: following },
    nowMs,
  );
  if (outcome.kind !== 'opened') await deps.store.schedules.setNextFire(schedule.channelKey, following);
  return { opened: outcome.kind === 'opened' ? 1 : 0, missed: passed + (outcome.kind === 'no_questions' ? 1 : 0) };
}

/** A daily schedule down for this many slots has bigger problems than a slot count. */
const MAX_WALK = 10_000;

/**
 * Walks a schedule's slots forward from the one it is due for (`dueMs`): the latest slot at
 * or before `nowMs`, how many earlier ones passed, and the first slot after `nowMs`.
 * Walking forward yields exactly the slots `nextFire` yields; stepping back from now does
 * not across DST changes (it misses a spring-forward slot and invents a second fall-back one).
 */
function slotsUpTo(cron: string, zone: string, dueMs: number, nowMs: number): { latest: number; passed: number; following: number } {
  const it = CronExpressionParser.parse(cron, { tz: zone, currentDate: new Date(dueMs) });
  let latest = dueMs;
  let passed = 0;
  let next = it.next().getTime();
  for (let step = 0; next <= nowMs && step < MAX_WALK; step++) {
    latest = next;
    passed++;
    next = it.next().getTime();
  }
  return { latest, passed, following: next > nowMs ? next : nextFire(cron, zone, nowMs) };
}
