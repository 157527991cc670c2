/**
 * Answers recorded per second through the real path a click takes: `bot.handleAction`
 * (rate limit, round lookup, one transaction with the answer, six score rows, the
 * attempt and the FSRS card), one transaction per click as in production. On a SQLite
 * file in WAL mode, and on PostgreSQL (pool of 10, as DATABASE_POOL_SIZE defaults):
 * one click at a time, and 32 in flight as a crowd answering a round would be.
 */
import { performance } from 'node:perf_hooks';
import type { Bot, IncomingAction, ManualClock, Store } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { pgBenchDb } from './postgres-fixtures.js';
import { benchDb } from './quiz-fixtures.js';

const CHANNELS = 10;
const PEOPLE = 2_000;
const WARMUP_PEOPLE = 500;
const IN_FLIGHT = 32;

interface Target {
  bot: Bot;
  store: Store;
  clock: ManualClock;
}

function person(channel: number, user: number): Omit<IncomingAction, 'actionId' | 'value'> {
  return { platform: 'slack', workspaceId: 'T1', channelId: `C${channel}`, userId: `U${user}`, userName: `user ${user}`, isAdmin: false };
}

/** Opens one round per channel (channel 0 warms up), as an admin would with `post`. */
async function openRounds(b: Target, channels: number): Promise<number[]> {
  const roundIds: number[] = [];
  for (let c = 0; c <= channels; c++) {
    await b.bot.handleCommand({ ...person(c, 0), userId: 'lead', userName: 'lead', isAdmin: true, text: 'post' });
    const [open] = await b.store.rounds.openInChannel(await b.store.people.channelKey({ platform: 'slack', workspaceId: 'T1', channelId: `C${c}` }));
    if (!open) throw new Error('the bench could not open a round');
    roundIds.push(open.id);
  }
  return roundIds;
}

/** Every person answers in every channel; `inFlight` clicks at once. Returns answers/s and per-click times. */
async function measure(b: Target, inFlight: number, people: number): Promise<{ perSecond: number; times: number[] }> {
  const roundIds = await openRounds(b, CHANNELS);
  const click = (c: number, user: number) => b.bot.handleAction({ ...person(c, user), actionId: 'quiz.answer', value: `${roundIds[c]}:${user % 4}` });
  for (let user = 0; user < WARMUP_PEOPLE; user++) await click(0, user);
  const jobs: [number, number][] = [];
  for (let c = 1; c <= CHANNELS; c++) for (let user = 0; user < people; user++) jobs.push([c, user]);
  const times: number[] = [];
  let recorded = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const [c, user] = jobs[next++]!;
        b.clock.advance(3);
        const t = performance.now();
        const reply = await click(c, user);
        times.push(performance.now() - t);
        if (reply.messages[0]?.failure === undefined) recorded++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  if (recorded !== jobs.length) throw new Error(`only ${recorded} of ${jobs.length} answers were recorded`);
  return { perSecond: Math.round(recorded / seconds), times };
}

function figures(prefix: string, result: { perSecond: number; times: number[] }): Figure[] {
  return [
    { name: `${prefix}recorded_per_s`, value: result.perSecond, unit: 'answers/s' },
    { name: `${prefix}click_p50`, value: round(percentile(result.times, 50)), unit: 'ms' },
    { name: `${prefix}click_p99`, value: round(percentile(result.times, 99)), unit: 'ms' },
  ];
}

export async function benchAnswers(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const inFlight of [1, IN_FLIGHT]) {
    const suffix = inFlight === 1 ? '' : `concurrent${inFlight}.`;
    const sqlite = benchDb('2026-12-01T09:00:00Z');
    try {
      out.push(...figures(`quiz.answers.${suffix}`, await measure(sqlite, inFlight, PEOPLE)));
    } finally {
      sqlite.dispose();
    }
    const postgres = await pgBenchDb('2026-12-01T09:00:00Z');
    try {
      // A fifth of the people: PostgreSQL pays a network round trip per statement, and the figure is a rate.
      out.push(...figures(`quiz.answers.postgres.${suffix}`, await measure(postgres, inFlight, PEOPLE / 5)));
    } finally {
      await postgres.dispose();
    }
  }
  return out;
}
