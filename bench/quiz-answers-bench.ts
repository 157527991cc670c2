/**
 * Answers recorded per second through the real path a click takes: `bot.handleAction`
 * (rate limit, round lookup, one IMMEDIATE transaction with the answer, six score rows,
 * the attempt and the FSRS card), one transaction per click as in production, on a
 * database file in WAL mode.
 */
import { performance } from 'node:perf_hooks';
import type { IncomingAction } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { benchDb } from './quiz-fixtures.js';

const CHANNELS = 10;
const PEOPLE = 2_000;
const WARMUP_PEOPLE = 500;

function person(channel: number, user: number): Omit<IncomingAction, 'actionId' | 'value'> {
  return { platform: 'slack', workspaceId: 'T1', channelId: `C${channel}`, userId: `U${user}`, userName: `user ${user}`, isAdmin: false };
}

export async function benchAnswers(): Promise<Figure[]> {
  const b = benchDb('2026-12-01T09:00:00Z');
  try {
    // One open round per channel (channel 0 warms up), opened as an admin would with `post`.
    const roundIds: number[] = [];
    for (let c = 0; c <= CHANNELS; c++) {
      await b.bot.handleCommand({ ...person(c, 0), userId: 'lead', userName: 'lead', isAdmin: true, text: 'post' });
      const [open] = await b.store.rounds.openInChannel((await b.store.people.channelKey({ platform: 'slack', workspaceId: 'T1', channelId: `C${c}` })));
      if (!open) throw new Error('the bench could not open a round');
      roundIds.push(open.id);
    }
    const click = (c: number, user: number) => b.bot.handleAction({ ...person(c, user), actionId: 'quiz.answer', value: `${roundIds[c]}:${user % 4}` });

    for (let user = 0; user < WARMUP_PEOPLE; user++) await click(0, user);

    const perAnswerMs: number[] = [];
    let recorded = 0;
    const start = performance.now();
    for (let c = 1; c <= CHANNELS; c++) {
      for (let user = 0; user < PEOPLE; user++) {
        b.clock.advance(3);
        const t = performance.now();
        const reply = await click(c, user);
        perAnswerMs.push(performance.now() - t);
        if (reply.messages[0]?.failure === undefined) recorded++;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    if (recorded !== CHANNELS * PEOPLE) throw new Error(`only ${recorded} of ${CHANNELS * PEOPLE} answers were recorded`);
    return [
      { name: 'quiz.answers.recorded_per_s', value: Math.round(recorded / seconds), unit: 'answers/s' },
      { name: 'quiz.answers.click_p50', value: round(percentile(perAnswerMs, 50)), unit: 'ms' },
      { name: 'quiz.answers.click_p99', value: round(percentile(perAnswerMs, 99)), unit: 'ms' },
    ];
  } finally {
    b.dispose();
  }
}
