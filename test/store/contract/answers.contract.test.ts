import { describe, expect, it } from 'vitest';
import { periodKey, pointsFor, scoreKeys, seededRandom, type AnswerInput, type Round } from '../../../src/index.js';
import { openRoundFor, seedPeople, STORES, T0 } from './stores.js';

const DAY = 86_400_000;

function answer(round: Round, userKey: number, choiceIndex: number, atMs: number): AnswerInput {
  const correct = choiceIndex === round.correctIndex;
  return { roundId: round.id, userKey, choiceIndex, correct, answeredMs: atMs, pointsFor: (first) => pointsFor(correct, first), scoreKeys: scoreKeys(round.channel, atMs, 'UTC') };
}

describe.each(STORES)('answers and boards on %s', (_name, openStore) => {
  it('GIVEN one person clicking every choice at once THEN one answer counts and the others are told which one', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 1);
    const round = await openRoundFor(store, channelKey);
    const outcomes = await Promise.all([0, 1, 2, 3].map((i) => store.answers.submit(answer(round, users[0]!, i, T0 + 10))));
    const recorded = outcomes.filter((o) => o.kind === 'recorded');
    expect(recorded).toHaveLength(1);
    const kept = await store.answers.answerOf(round.id, users[0]!);
    for (const o of outcomes) if (o.kind === 'duplicate') expect(o.choiceIndex).toBe(kept!.choiceIndex);
    expect((await store.rounds.results(round.id)).answered).toBe(1);
  });

  it('GIVEN many people answering right at the same moment THEN exactly one gets the first-correct bonus', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 30);
    const round = await openRoundFor(store, channelKey);
    const outcomes = await Promise.all(users.map((u) => store.answers.submit(answer(round, u, 1, T0 + 10))));
    const firsts = outcomes.filter((o) => o.kind === 'recorded' && o.firstCorrect);
    expect(firsts).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'recorded').map((o) => (o.kind === 'recorded' ? o.points : 0)).sort((a, b) => b - a)).toEqual([15, ...Array<number>(29).fill(10)]);
    const results = await store.rounds.results(round.id);
    const board = await store.answers.leaderboard(`c:slack:T1:C1`, 'all', 1);
    expect(results.firstCorrect?.userKey).toBe(board[0]?.userKey);
    expect(board[0]?.points).toBe(15);
  });

  it('GIVEN a month of random answers THEN every board (channel and workspace, week, month, all) matches a recount of the answers', async () => {
    const store = await openStore();
    const random = seededRandom(11);
    const { channelKey, users } = await seedPeople(store, 12);
    const other = (await seedPeople(store, 0, 'C2')).channelKey;
    const expected = new Map<string, Map<number, number>>();
    const add = (scope: string, period: string, user: number, points: number): void => {
      const key = `${scope}|${period}`;
      const board = expected.get(key) ?? new Map<number, number>();
      board.set(user, (board.get(user) ?? 0) + points);
      expected.set(key, board);
    };
    for (let day = 0; day < 30; day++) {
      for (const channel of [channelKey, other]) {
        const round = await openRoundFor(store, channel, T0 + day * DAY);
        const answered = users.filter(() => random() < 0.6);
        const outcomes = await Promise.all(answered.map((u, i) => store.answers.submit(answer(round, u, Math.floor(random() * 4), T0 + day * DAY + i))));
        outcomes.forEach((o, i) => {
          if (o.kind !== 'recorded') throw new Error('a first answer was refused');
          const at = T0 + day * DAY + i;
          for (const key of scoreKeys(round.channel, at, 'UTC')) add(key.scope, key.period, answered[i]!, o.points);
        });
      }
    }
    for (const [key, board] of expected) {
      const [scope, period] = key.split('|') as [string, string];
      const rows = await store.answers.leaderboard(scope, period, 100);
      expect(new Map(rows.map((r) => [r.userKey, r.points]))).toEqual(board);
      const points = rows.map((r) => r.points);
      expect(points).toEqual([...points].sort((a, b) => b - a));
    }
    expect(expected.has(`w:slack:T1|${periodKey('week', T0, 'UTC')}`)).toBe(true);
  });

  it('GIVEN a tie THEN whoever reached the score first ranks first', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 2);
    const round = await openRoundFor(store, channelKey);
    await store.answers.submit(answer(round, users[1]!, 2, T0 + 5));
    await store.answers.submit(answer(round, users[0]!, 0, T0 + 9));
    const second = await openRoundFor(store, channelKey, T0 + DAY);
    await store.answers.submit(answer(second, users[0]!, 1, T0 + DAY + 1));
    await store.answers.submit(answer(second, users[1]!, 1, T0 + DAY + 2));
    const third = await openRoundFor(store, channelKey, T0 + 2 * DAY);
    await store.answers.submit(answer(third, users[1]!, 1, T0 + 2 * DAY + 1));
    await store.answers.submit(answer(third, users[0]!, 1, T0 + 2 * DAY + 2));
    // Both have 15 + 10; person 1 reached 25 on day 3 before person 0 did.
    const board = await store.answers.leaderboard('c:slack:T1:C1', 'all', 10);
    expect(board.map((r) => [r.name, r.points, r.correct, r.answered])).toEqual([
      ['person 1', 25, 2, 3],
      ['person 0', 25, 2, 3],
    ]);
  });

  it('GIVEN scheduled rounds closing in turn THEN streaks grow, break, and a round counted twice does not grow them twice', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 2);
    const [a, b] = users as [number, number];
    await store.answers.advanceStreaks(channelKey, T0, null, [a, b]);
    await store.answers.advanceStreaks(channelKey, T0 + DAY, T0, [a]);
    await store.answers.advanceStreaks(channelKey, T0 + DAY, T0, [a]);
    await store.answers.advanceStreaks(channelKey, T0 + 2 * DAY, T0 + DAY, [a, b]);
    expect(await store.answers.streak(channelKey, a, T0 + 2 * DAY)).toEqual({ current: 3, best: 3 });
    expect(await store.answers.streak(channelKey, b, T0 + 2 * DAY)).toEqual({ current: 1, best: 1 });
    expect(await store.answers.streak(channelKey, a, T0 + 3 * DAY)).toEqual({ current: 0, best: 3 });
    await store.answers.advanceStreaks(channelKey, T0 + 3 * DAY, T0 + 2 * DAY, []);
    await store.answers.advanceStreaks(channelKey, T0 + 4 * DAY, T0 + 3 * DAY, [a]);
    expect(await store.answers.streak(channelKey, a, T0 + 4 * DAY)).toEqual({ current: 1, best: 3 });
    expect(await store.answers.correctUsers(999)).toEqual([]);
  });
});
