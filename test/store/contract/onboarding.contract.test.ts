/**
 * The ports the onboarding views read and the weekly digest claims through, run unchanged
 * on SQLite and PostgreSQL: digests (settings, due, one claim per channel and week, leases,
 * retries, misses) and insights (workspace channels, cohorts, latest attempts, tallies,
 * per-channel gaps, streaks).
 */
import { describe, expect, it } from 'vitest';
import { pointsFor, scoreKeys, type AnswerInput, type NewDigest, type Round, type Store } from '../../../src/index.js';
import { openRoundFor, seedPeople, STORES, T0 } from './stores.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const quiz = { time: '10:00', zone: 'UTC', days: 'weekdays', cron: '0 10 * * 1-5' };

function digest(channelKey: number, overrides: Partial<NewDigest> = {}): NewDigest {
  return { channelKey, weekKey: 'w2026-49', slotMs: T0, claimedMs: T0, closesMs: T0 + 12 * HOUR, ...overrides };
}

function answer(round: Round, userKey: number, right: boolean, atMs: number): AnswerInput {
  const choiceIndex = right ? round.correctIndex! : (round.correctIndex! + 1) % 4;
  return { roundId: round.id, userKey, choiceIndex, correct: right, answeredMs: atMs, pointsFor: (first) => pointsFor(right, first), scoreKeys: scoreKeys(round.channel, atMs, 'UTC') };
}

/** Closes a round as the tick does: close, then add it up, in one transaction. */
async function closeAndTally(store: Store, round: Round, atMs: number): Promise<void> {
  await store.transaction(async (tx) => {
    expect(await tx.rounds.close(round.id, atMs, atMs)).toBe(true);
    await tx.insights.tallyRound(round.id);
  });
}

describe.each(STORES)('digests on %s', (_name, openStore) => {
  it('GIVEN quiz channels THEN each is due until its slot is worked out, then only when its slot comes; off channels never', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    const b = (await seedPeople(store, 0, 'B')).channelKey;
    const noQuiz = (await seedPeople(store, 0, 'C')).channelKey;
    await store.schedules.upsert(a, quiz, T0, 'lead', T0);
    await store.schedules.upsert(b, { ...quiz, zone: 'Europe/Berlin' }, T0, 'lead', T0);
    await store.digests.setNextFire(noQuiz, T0);
    const due = await store.digests.due(T0, 10);
    expect(due).toEqual([
      { channelKey: a, channel: { platform: 'slack', workspaceId: 'T1', channelId: 'A' }, quiz, settings: null },
      { channelKey: b, channel: { platform: 'slack', workspaceId: 'T1', channelId: 'B' }, quiz: { ...quiz, zone: 'Europe/Berlin' }, settings: null },
    ]);
    await store.digests.setNextFire(a, T0 + DAY);
    await store.digests.configure(b, { day: 1, time: '16:30', enabled: false, nextFireMs: T0 });
    expect(await store.digests.settings(a)).toEqual({ day: 5, time: null, enabled: true, nextFireMs: T0 + DAY });
    expect(await store.digests.settings(b)).toEqual({ day: 1, time: '16:30', enabled: false, nextFireMs: T0 });
    expect(await store.digests.due(T0, 10)).toEqual([]);
    expect((await store.digests.due(T0 + DAY, 10)).map((d) => [d.channelKey, d.settings?.nextFireMs])).toEqual([[a, T0 + DAY]]);
    // The channel without a quiz has settings but is never due, and does not move the console's clock.
    expect(await store.digests.earliest()).toBe(T0 + DAY);
  });

  it('GIVEN two claims of one week at once THEN one wins, the next slot moves on either way, and the next week claims again', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    await store.schedules.upsert(channelKey, quiz, T0, 'lead', T0);
    const claims = await Promise.all([1, 2, 3].map(() => store.digests.claim(digest(channelKey), T0 + 120_000, T0 + 7 * DAY)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ channelKey, channel: { channelId: 'C1' }, weekKey: 'w2026-49', slotMs: T0, status: 'claimed', messageId: null, postAttempts: 0 });
    expect((await store.digests.settings(channelKey))?.nextFireMs).toBe(T0 + 7 * DAY);
    expect(await store.digests.claim(digest(channelKey, { weekKey: 'w2026-50', slotMs: T0 + 7 * DAY }), T0 + 7 * DAY, T0 + 14 * DAY)).not.toBeNull();
    expect((await store.digests.history(channelKey, 10)).map((d) => d.weekKey)).toEqual(['w2026-50', 'w2026-49']);
  });

  it('GIVEN a claim whose post failed THEN it waits for its lease, one caller retries it, and once posted or missed it is never pending again', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    const claimed = (await store.digests.claim(digest(channelKey), T0 + 120_000, T0 + 7 * DAY))!;
    expect(await store.digests.pending(T0 + 60_000, 10)).toEqual([]);
    expect(await store.digests.earliest()).toBe(T0 + 120_000);
    expect((await store.digests.pending(T0 + 120_000, 10)).map((d) => d.id)).toEqual([claimed.id]);
    await store.digests.recordPostFailure(claimed.id);
    const leases = await Promise.all([1, 2].map(() => store.digests.takeLease(claimed.id, T0 + 1_000, T0 + 200_000)));
    expect(leases.filter(Boolean)).toHaveLength(1);
    await store.digests.markPosted(claimed.id, 'msg-1', T0 + 2_000);
    expect(await store.digests.pending(T0 + DAY, 10)).toEqual([]);
    expect(await store.digests.takeLease(claimed.id, T0 + DAY, T0 + DAY + 1)).toBe(false);
    expect((await store.digests.history(channelKey, 1))[0]).toMatchObject({ status: 'posted', messageId: 'msg-1', postedMs: T0 + 2_000, postAttempts: 2 });
    const other = (await store.digests.claim(digest(channelKey, { weekKey: 'w2026-50', slotMs: T0 + 7 * DAY }), 0, T0 + 14 * DAY))!;
    await store.digests.markMissed(other.id, T0 + DAY);
    await store.digests.markPosted(other.id, 'late', T0 + DAY);
    expect((await store.digests.history(channelKey, 1))[0]).toMatchObject({ status: 'missed', messageId: null });
  });
});

describe.each(STORES)('insights on %s', (_name, openStore) => {
  it('GIVEN two workspaces THEN quiz channels are only those of the one asked for that have had a round', async () => {
    const store = await openStore();
    const mine = (await seedPeople(store, 0, 'C1')).channelKey;
    await seedPeople(store, 0, 'C2');
    const theirs = await store.people.channelKey({ platform: 'slack', workspaceId: 'T2', channelId: 'C1' });
    await openRoundFor(store, mine);
    await openRoundFor(store, theirs);
    expect(await store.insights.quizChannels('slack', 'T1')).toEqual([{ channelKey: mine, channelId: 'C1' }]);
    expect(await store.insights.quizChannels('slack', 'T2')).toEqual([{ channelKey: theirs, channelId: 'C1' }]);
    expect(await store.insights.quizChannels('discord', 'T1')).toEqual([]);
  });

  it('GIVEN answers THEN the cohort is everyone with points here (most answers first, with a total), and boards carry platform ids', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 3);
    const first = await openRoundFor(store, channelKey);
    const second = await openRoundFor(store, channelKey, T0 + DAY);
    await store.answers.submit(answer(first, users[0]!, true, T0 + 1));
    await store.answers.submit(answer(first, users[1]!, false, T0 + 2));
    await store.answers.submit(answer(second, users[1]!, true, T0 + DAY + 1));
    const cohort = await store.insights.members('c:slack:T1:C1', 10);
    expect(cohort.total).toBe(2);
    expect(cohort.rows).toEqual([
      { userKey: users[1], userId: 'u1', name: 'person 1', points: 15, correct: 1, answered: 2 },
      { userKey: users[0], userId: 'u0', name: 'person 0', points: 15, correct: 1, answered: 1 },
    ]);
    expect((await store.insights.members('c:slack:T1:C1', 1)).rows.map((r) => r.userId)).toEqual(['u1']);
    // Ties go to whoever reached the score first, as on the leaderboard.
    expect((await store.insights.board('c:slack:T1:C1', 'all', 10)).map((r) => r.userId)).toEqual(['u0', 'u1']);
    expect(await store.insights.points('c:slack:T1:C1', ['all', 'w1999-01'], users[1]!)).toEqual(new Map([['all', { points: 15, correct: 1, answered: 2 }]]));
  });

  it('GIVEN attempts of several people THEN each gets the latest attempt per entry, and nobody else does', async () => {
    const store = await openStore();
    const { users } = await seedPeople(store, 3);
    const [a, b, c] = users as [number, number, number];
    const attempt = (userKey: number, entryId: string, correct: boolean, atMs: number) => store.learning.recordAttempt({ userKey, entryId, source: 'round', correct, channelKey: null, atMs });
    await attempt(a, 'mesh-q1', false, T0);
    await attempt(a, 'mesh-q1', true, T0 + 5);
    await attempt(b, 'mesh-q1', true, T0);
    await attempt(b, 'mesh-q1', false, T0 + 9);
    await attempt(c, 'mesh-q2', true, T0);
    const rows = await store.insights.attempts([a, b]);
    const sorted = [...rows].sort((x, y) => x.userKey - y.userKey);
    expect(sorted).toEqual([
      { userKey: a, entryId: 'mesh-q1', attempts: 2, everCorrect: true, lastCorrect: true, lastAtMs: T0 + 5 },
      { userKey: b, entryId: 'mesh-q1', attempts: 2, everCorrect: true, lastCorrect: false, lastAtMs: T0 + 9 },
    ]);
    expect(await store.insights.attempts([])).toEqual([]);
  });

  it('GIVEN rounds closing THEN each is added up once, per round and per entry, and a round still open is not', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 4);
    const q7 = await openRoundFor(store, channelKey, T0);
    const q2 = await openRoundFor(store, channelKey, T0 + DAY, { entryId: 'mesh-q2', itemId: 'mesh-q2-i1' });
    const again = await openRoundFor(store, channelKey, T0 + 2 * DAY);
    const open = await openRoundFor(store, channelKey, T0 + 3 * DAY);
    for (const [i, u] of users.entries()) {
      await store.answers.submit(answer(q7, u, i === 0, T0 + i));
      await store.answers.submit(answer(q2, u, i < 3, T0 + DAY + i));
      await store.answers.submit(answer(open, u, true, T0 + 3 * DAY + i));
    }
    await store.answers.submit(answer(again, users[0]!, true, T0 + 2 * DAY));
    await closeAndTally(store, q7, T0 + HOUR);
    await closeAndTally(store, q2, T0 + DAY + HOUR);
    await closeAndTally(store, again, T0 + 2 * DAY + HOUR);
    await store.insights.tallyRound(q7.id);
    expect(await store.insights.roundTallies(channelKey, T0, T0 + 2 * DAY)).toEqual([
      { roundId: q7.id, entryId: 'mesh-q7', slotMs: T0, answered: 4, correct: 1 },
      { roundId: q2.id, entryId: 'mesh-q2', slotMs: T0 + DAY, answered: 4, correct: 3 },
    ]);
    expect(await store.insights.entryTallies(channelKey)).toEqual([
      { entryId: 'mesh-q2', rounds: 1, answered: 4, correct: 3 },
      { entryId: 'mesh-q7', rounds: 2, answered: 5, correct: 2 },
    ]);
  });

  it('GIVEN lookups in several channels and workspaces THEN a channel\'s gaps are its own unanswered ones', async () => {
    const store = await openStore();
    const base = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', confidence: 0.1, topEntryId: null, answered: false };
    await store.lookups.record({ ...base, query: 'Kafka lag', atMs: T0 });
    await store.lookups.record({ ...base, query: 'kafka lag ', atMs: T0 + 2, topEntryId: 'mesh-q3' });
    await store.lookups.record({ ...base, query: 'terraform', atMs: T0 + 1 });
    await store.lookups.record({ ...base, query: 'mtls', answered: true, topEntryId: 'mesh-q4', confidence: 0.9, atMs: T0 });
    await store.lookups.record({ ...base, channelId: 'C2', query: 'kafka lag', atMs: T0 });
    await store.lookups.record({ ...base, workspaceId: 'T2', query: 'kafka lag', atMs: T0 });
    await store.lookups.record({ ...base, query: 'old question', atMs: T0 - 10 * DAY });
    expect(await store.insights.gaps('slack', 'T1', 'C1', T0 - DAY, 10)).toEqual([
      { query: 'kafka lag', count: 2, lastAtMs: T0 + 2, closestEntryId: 'mesh-q3' },
      { query: 'terraform', count: 1, lastAtMs: T0 + 1, closestEntryId: null },
    ]);
    expect(await store.insights.gaps('slack', 'T1', 'C1', T0 - DAY, 1)).toHaveLength(1);
  });

  it('GIVEN streaks in two channels THEN a person sees each, and a channel lists the running ones longest first', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 3);
    const other = (await seedPeople(store, 0, 'C2')).channelKey;
    await store.answers.advanceStreaks(channelKey, T0, null, users);
    await store.answers.advanceStreaks(channelKey, T0 + DAY, T0, [users[0]!, users[1]!]);
    await store.answers.advanceStreaks(channelKey, T0 + 2 * DAY, T0 + DAY, [users[0]!]);
    await store.answers.advanceStreaks(other, T0, null, [users[0]!]);
    expect(await store.insights.streaksOf(users[0]!)).toEqual([
      { channelKey, channelId: 'C1', current: 3, best: 3, lastSlotMs: T0 + 2 * DAY },
      { channelKey: other, channelId: 'C2', current: 1, best: 1, lastSlotMs: T0 },
    ]);
    expect(await store.insights.runningStreaks(channelKey, T0 + 2 * DAY, 10)).toEqual([{ userKey: users[0], name: 'person 0', current: 3 }]);
    // As of an earlier round: whoever's streak stopped there.
    expect(await store.insights.runningStreaks(channelKey, T0 + DAY, 10)).toEqual([{ userKey: users[1], name: 'person 1', current: 2 }]);
    expect(await store.insights.runningStreaks(channelKey, T0 + 9 * DAY, 10)).toEqual([]);
  });
});
