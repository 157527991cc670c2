import { CronExpressionParser } from 'cron-parser';
import type { CoreDeps } from '../commands/deps.js';
import { closeRound, openRound, postRound, revealRound, ROUND_MAX_OPEN_MS } from '../quiz/round-lifecycle.js';
import type { StoredSchedule } from '../store/quiz-ports.js';
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
export async function runTick(deps: CoreDeps, nowMs: number): Promise<TickReport> {
  const report: TickReport = { closed: 0, opened: 0, retried: 0, missed: 0, failed: 0 };

  for (const round of deps.store.rounds.dueToClose(nowMs, BATCH)) {
    if (await closeRound(deps, round, nowMs)) report.closed++;
  }
  for (const round of deps.store.rounds.unrevealed(BATCH)) {
    if (!(await revealRound(deps, round))) report.failed++;
  }
  for (const round of deps.store.rounds.claimedPending(BATCH)) {
    if (nowMs >= round.closesMs) {
      deps.store.rounds.markMissed(round.id, nowMs);
      deps.logger.warn({ channel: round.channel.channelId, round: round.id, slotMs: round.slotMs }, 'round missed: its window passed before it could be posted');
      report.missed++;
      continue;
    }
    if (await postRound(deps, round, nowMs)) report.retried++;
    else report.failed++;
  }
  for (const schedule of deps.store.schedules.due(nowMs, BATCH)) {
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
async function fireSchedule(deps: CoreDeps, schedule: StoredSchedule, nowMs: number): Promise<{ opened: number; missed: number }> {
  const { cron, zone } = schedule.spec;
  const following = nextFire(cron, zone, nowMs);
  const latest = latestSlotAtOrBefore(cron, zone, nowMs, schedule.nextFireMs);
  const missed = countSlots(cron, zone, schedule.nextFireMs, latest);
  if (missed > 0) deps.logger.warn({ channel: schedule.channel.channelId, missed }, 'slots passed while the bot was down');
  const closesMs = Math.min(latest + ROUND_MAX_OPEN_MS, following);
  if (nowMs >= closesMs) {
    deps.store.schedules.setNextFire(schedule.channelKey, following);
    return { opened: 0, missed: missed + 1 };
  }
  const round = await openRound(
    deps,
    { channel: schedule.channel, channelKey: schedule.channelKey, slotMs: latest, kind: 'scheduled', closesMs, nextFireMs: following },
    nowMs,
  );
  if (!round) deps.store.schedules.setNextFire(schedule.channelKey, following);
  return { opened: round ? 1 : 0, missed };
}

/** The last fire time at or before `nowMs` (at least `floorMs`, the slot the schedule is due for). */
function latestSlotAtOrBefore(cron: string, zone: string, nowMs: number, floorMs: number): number {
  const it = CronExpressionParser.parse(cron, { tz: zone, currentDate: new Date(nowMs + 1) });
  const previous = it.prev().getTime();
  return Math.max(previous, floorMs);
}

/** Slots from `fromMs` (inclusive) to `toMs` (exclusive), counted up to a cap. */
function countSlots(cron: string, zone: string, fromMs: number, toMs: number): number {
  let count = 0;
  let slot = fromMs;
  while (slot < toMs && count < 1000) {
    count++;
    slot = nextFire(cron, zone, slot);
  }
  return count;
}
