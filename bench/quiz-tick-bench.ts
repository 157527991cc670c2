/**
 * The scheduler tick with 10,000 scheduled channels (spread over six zones and the
 * working day, each with 20 closed rounds of history), with a ChatPort that does nothing:
 * an idle tick (nothing due, the common case every minute); a whole day ticked minute by
 * minute (each channel opens its round, and closes it 8 hours later); and a crowd of
 * 2,000 channels due at the same minute (each opens a round: pick a question, claim the
 * slot, close the previous round and reveal it, post).
 */
import { nextFire, type ScheduleSpec } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { benchDb, timeRuns, type BenchDb } from './quiz-fixtures.js';

const CHANNELS = 10_000;
const HISTORY_ROUNDS = 20;
const DUE_TOGETHER = 2_000;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles'];
const NOW_MS = Date.parse('2026-12-01T05:30:30Z');

/** Channel i's weekday schedule: a zone, an hour from 07 to 16, a minute (a few channels share each). */
function spec(i: number): ScheduleSpec {
  const minute = (i * 7) % 60;
  const hour = 7 + (Math.floor(i / 60) % 10);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { time, zone: ZONES[Math.floor(i / 600) % ZONES.length]!, days: 'weekdays', cron: `${minute} ${hour} * * 1-5` };
}

/** 10,000 channels with schedules and closed rounds; returns their keys. */
function load(b: BenchDb): number[] {
  const insertRound = b.db.prepare(`INSERT INTO rounds (channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, message_id,
      claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
    VALUES (?, ?, 'scheduled', ?, ?, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', ?, ?, ?, ?, 1, 1)`);
  // Raw inserts: the bench loads channels, it does not measure loading them.
  const insertChannel = b.db.prepare("INSERT INTO channels (platform, workspace_id, channel_id) VALUES ('slack', ?, ?) RETURNING id").pluck();
  const insertSchedule = b.db.prepare(`INSERT INTO schedules (channel_key, time_of_day, zone, days, cron, next_fire_ms, updated_by, updated_ms)
    VALUES (?, ?, ?, ?, ?, ?, 'lead', ?)`);
  const keys: number[] = [];
  b.db.transaction(() => {
    for (let i = 0; i < CHANNELS; i++) {
      const key = insertChannel.get(`T${i % 50}`, `C${i}`) as number;
      const s = spec(i);
      insertSchedule.run(key, s.time, s.zone, s.days, s.cron, nextFire(s.cron, s.zone, NOW_MS), NOW_MS);
      for (let r = 1; r <= HISTORY_ROUNDS; r++) {
        const slot = NOW_MS - r * 86_400_000;
        const entry = ((i + r) % 14) + 1;
        insertRound.run(key, slot, `mesh-q${entry}`, `mesh-q${entry}-i1`, slot, slot, slot + 8 * 3_600_000, slot + 8 * 3_600_000);
      }
      keys.push(key);
    }
  })();
  b.db.exec('ANALYZE');
  return keys;
}

export async function benchTick(): Promise<Figure[]> {
  const b = benchDb(new Date(NOW_MS).toISOString());
  try {
    const keys = load(b);
    const next = await b.bot.nextJobAt();
    if (next === null || next <= NOW_MS) throw new Error(`the idle tick should have no work until the first slot (next job at ${next})`);
    const idle = await timeRuns(200, 20, () => b.bot.tick());

    // A working day, ticking every minute as node-cron does: every channel opens its round
    // at its own time and closes it 8 hours later.
    const dayTicks: number[] = [];
    let dayOpened = 0;
    for (let at = NOW_MS + 60_000; at <= NOW_MS + 86_400_000; at += 60_000) {
      b.clock.set(new Date(at));
      const start = performance.now();
      const report = await b.bot.tick();
      dayTicks.push(performance.now() - start);
      dayOpened += report.opened;
    }
    if (dayOpened !== CHANNELS) throw new Error(`a day opened ${dayOpened} rounds, not ${CHANNELS}`);

    // A crowd falls due at the same minute: the next ticks work through it in batches.
    const crowdAt = b.clock.now().getTime();
    for (const key of keys.slice(0, DUE_TOGETHER)) await b.store.schedules.setNextFire(key, crowdAt);
    const dueTicks: number[] = [];
    let opened = 0;
    const drainStart = performance.now();
    while (opened < DUE_TOGETHER) {
      const start = performance.now();
      const report = await b.bot.tick();
      dueTicks.push(performance.now() - start);
      if (report.opened === 0) throw new Error('a due tick opened nothing');
      opened += report.opened;
    }
    const drainMs = performance.now() - drainStart;
    return [
      { name: 'quiz.tick.channels', value: CHANNELS, unit: 'schedules' },
      { name: 'quiz.tick.idle_p50', value: round(percentile(idle, 50)), unit: 'ms' },
      { name: 'quiz.tick.idle_p99', value: round(percentile(idle, 99)), unit: 'ms' },
      { name: 'quiz.tick.day_busiest_minute', value: round(Math.max(...dayTicks), 1), unit: 'ms' },
      { name: 'quiz.tick.day_p99', value: round(percentile(dayTicks, 99)), unit: 'ms' },
      { name: 'quiz.tick.crowd_tick_max', value: round(Math.max(...dueTicks), 1), unit: 'ms' },
      { name: 'quiz.tick.crowd_rounds_per_tick', value: Math.round(DUE_TOGETHER / dueTicks.length), unit: 'rounds' },
      { name: 'quiz.tick.crowd_per_round', value: round(drainMs / DUE_TOGETHER), unit: 'ms' },
    ];
  } finally {
    b.dispose();
  }
}
