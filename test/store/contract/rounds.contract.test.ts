import { describe, expect, it } from 'vitest';
import { newRound, openRoundFor, seedPeople, STORES, T0 } from './stores.js';

const HOUR = 3_600_000;

describe.each(STORES)('rounds on %s', (_name, openStore) => {
  it('GIVEN a slot THEN exactly one of many concurrent claims wins it, and the schedule moves on', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    await store.schedules.upsert(channelKey, { time: '10:00', zone: 'UTC', days: 'daily', cron: '0 10 * * *' }, T0, 'lead', T0 - HOUR);
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.rounds.claim(newRound(channelKey), T0 + 120_000, T0 + 24 * HOUR)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ channelKey, slotMs: T0, status: 'claimed', choices: ['a', 'b', 'c', 'd'], correctIndex: 1, channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } });
    expect((await store.schedules.get(channelKey))?.nextFireMs).toBe(T0 + 24 * HOUR);
  });

  it('GIVEN a claimed round THEN its lease keeps other retries off until it runs out, and a failed post gives it up', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    const round = (await store.rounds.claim(newRound(channelKey), T0 + 120_000))!;
    expect(await store.rounds.claimedPending(T0 + 60_000, 10)).toEqual([]);
    expect(await store.rounds.takeLease(round.id, T0 + 60_000, T0 + 180_000)).toBe(false);
    expect((await store.rounds.claimedPending(T0 + 120_000, 10)).map((r) => r.id)).toEqual([round.id]);
    expect(await store.rounds.takeLease(round.id, T0 + 120_000, T0 + 240_000)).toBe(true);
    await store.rounds.recordPostFailure(round.id);
    expect(await store.rounds.takeLease(round.id, T0 + 121_000, T0 + 241_000)).toBe(true);
    expect((await store.rounds.get(round.id))?.postAttempts).toBe(1);
    expect(await store.rounds.nextRetryAt()).toBe(T0 + 241_000);
  });

  it('GIVEN an open round THEN it closes once, its reveal is leased, and it leaves the queues once revealed', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    const round = await openRoundFor(store, channelKey);
    expect(round).toMatchObject({ status: 'open', messageId: `msg-${round.id}`, openedMs: T0, postAttempts: 1 });
    expect((await store.rounds.openInChannel(channelKey)).map((r) => r.id)).toEqual([round.id]);
    expect(await store.rounds.earliestClose()).toBe(T0 + 8 * HOUR);
    expect(await store.rounds.dueToClose(T0 + 8 * HOUR - 1, 10)).toEqual([]);
    expect((await store.rounds.dueToClose(T0 + 8 * HOUR, 10)).map((r) => r.id)).toEqual([round.id]);
    const closes = await Promise.all([1, 2, 3].map(() => store.rounds.close(round.id, T0 + 8 * HOUR, T0 + 8 * HOUR + 120_000)));
    expect(closes.filter(Boolean)).toHaveLength(1);
    expect(await store.rounds.unrevealed(T0 + 8 * HOUR, 10)).toEqual([]);
    await store.rounds.releaseLease(round.id);
    expect((await store.rounds.unrevealed(T0 + 8 * HOUR, 10)).map((r) => r.id)).toEqual([round.id]);
    await store.rounds.markRevealed(round.id);
    expect(await store.rounds.unrevealed(T0 + 9 * HOUR, 10)).toEqual([]);
    expect(await store.rounds.nextRetryAt()).toBeNull();
    expect((await store.rounds.get(round.id))?.status).toBe('closed');
  });

  it('GIVEN a round whose window passed unposted THEN it is marked missed, and a posted round cannot be', async () => {
    const store = await openStore();
    const { channelKey } = await seedPeople(store, 0);
    const missed = (await store.rounds.claim(newRound(channelKey, T0), T0 + 120_000))!;
    const posted = await openRoundFor(store, channelKey, T0 + 24 * HOUR);
    await store.rounds.markMissed(missed.id, T0 + 9 * HOUR);
    await store.rounds.markMissed(posted.id, T0 + 25 * HOUR);
    expect((await store.rounds.get(missed.id))?.status).toBe('missed');
    expect((await store.rounds.get(posted.id))?.status).toBe('open');
    expect(await store.rounds.get(999_999)).toBeUndefined();
  });

  it('GIVEN a channel\'s history THEN entry stats, item uses and the scheduled slots before a round are counted per channel', async () => {
    const store = await openStore();
    const { channelKey, users } = await seedPeople(store, 2);
    const other = (await seedPeople(store, 0, 'C2')).channelKey;
    const first = await openRoundFor(store, channelKey, T0);
    const second = await openRoundFor(store, channelKey, T0 + 24 * HOUR, { entryId: 'mesh-q3', itemId: 'mesh-q3-i2' });
    await openRoundFor(store, channelKey, T0 + 30 * HOUR, { kind: 'manual' });
    await openRoundFor(store, other, T0);
    const score = { pointsFor: () => 0, scoreKeys: [] };
    await store.answers.submit({ roundId: first.id, userKey: users[0]!, choiceIndex: 1, correct: true, answeredMs: T0 + 1, ...score });
    await store.answers.submit({ roundId: first.id, userKey: users[1]!, choiceIndex: 0, correct: false, answeredMs: T0 + 2, ...score });
    for (const r of [first, second]) await store.rounds.close(r.id, T0 + 48 * HOUR, 0);
    const stats = await store.rounds.entryStats(channelKey);
    expect(stats.get('mesh-q7')).toEqual({ rounds: 2, answers: 2, correct: 1, lastSlotMs: T0 + 30 * HOUR });
    expect(stats.get('mesh-q3')).toEqual({ rounds: 1, answers: 0, correct: 0, lastSlotMs: T0 + 24 * HOUR });
    expect(await store.rounds.itemUses(channelKey)).toEqual(new Map([['mesh-q7-i1', 2], ['mesh-q3-i2', 1]]));
    expect(await store.rounds.previousScheduledSlot(channelKey, T0 + 24 * HOUR)).toBe(T0);
    expect(await store.rounds.previousScheduledSlot(channelKey, T0)).toBeNull();
    expect(await store.rounds.latestScheduledSlot(channelKey)).toBe(T0 + 24 * HOUR);
    expect(await store.rounds.latestScheduledSlot(other)).toBeNull();
    expect(await store.rounds.results(first.id)).toEqual({ answered: 2, correct: 1, firstCorrect: { userKey: users[0], name: 'person 0' }, correctNames: ['person 0'] });
  });
});
