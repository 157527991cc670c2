import { describe, expect, it } from 'vitest';
import { seedPeople, STORES, T0 } from './stores.js';

const HOUR = 3_600_000;
const spec = { time: '10:00', zone: 'Europe/Berlin', days: 'weekdays', cron: '0 10 * * 1-5' };

describe.each(STORES)('repositories on %s', (_name, openStore) => {
  it('GIVEN people and channels THEN keys are stable, a new display name is kept, and unknown people are not invented', async () => {
    const store = await openStore();
    const ref = { platform: 'discord' as const, workspaceId: 'G1', channelId: 'C9' };
    const key = await store.people.channelKey(ref);
    expect(await Promise.all([store.people.channelKey(ref), store.people.channelKey(ref)])).toEqual([key, key]);
    const alice = await store.people.userKey({ platform: 'discord', workspaceId: 'G1', userId: 'U1', userName: 'alice' });
    expect(await store.people.userKey({ platform: 'discord', workspaceId: 'G1', userId: 'U1', userName: 'Alice Liddell' })).toBe(alice);
    expect(await store.people.displayName(alice)).toBe('Alice Liddell');
    expect(await store.people.findUser('discord', 'G1', 'U1')).toEqual({ key: alice, name: 'Alice Liddell' });
    expect(await store.people.findUser('discord', 'G2', 'U1')).toBeUndefined();
  });

  it('GIVEN schedules THEN they are kept per channel, found when due in slot order, moved on and removed', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    const b = (await seedPeople(store, 0, 'B')).channelKey;
    await store.schedules.upsert(a, spec, T0 + HOUR, 'lead', T0);
    await store.schedules.upsert(b, { ...spec, zone: 'UTC' }, T0, 'lead', T0);
    expect(await store.schedules.get(a)).toEqual({ channelKey: a, channel: { platform: 'slack', workspaceId: 'T1', channelId: 'A' }, spec, nextFireMs: T0 + HOUR, updatedBy: 'lead', updatedMs: T0 });
    expect((await store.schedules.due(T0 + HOUR, 10)).map((s) => s.channelKey)).toEqual([b, a]);
    expect(await store.schedules.earliestFire()).toBe(T0);
    await store.schedules.setNextFire(b, T0 + 2 * HOUR);
    expect((await store.schedules.due(T0 + HOUR, 10)).map((s) => s.channelKey)).toEqual([a]);
    expect(await store.schedules.remove(a)).toBe(true);
    expect(await store.schedules.remove(a)).toBe(false);
    expect(await store.schedules.get(a)).toBeUndefined();
  });

  it('GIVEN attempts, cards and private questions THEN progress follows the latest attempt, cards come due in order, and a question is answered once', async () => {
    const store = await openStore();
    const { users } = await seedPeople(store, 1);
    const u = users[0]!;
    await store.learning.recordAttempt({ userKey: u, entryId: 'mesh-q1', source: 'round', correct: true, channelKey: null, atMs: T0 });
    await store.learning.recordAttempt({ userKey: u, entryId: 'mesh-q1', source: 'practice', correct: false, channelKey: null, atMs: T0 + 1 });
    await store.learning.recordAttempt({ userKey: u, entryId: 'mesh-q2', source: 'review', correct: true, channelKey: null, atMs: T0 });
    expect(await store.learning.progress(u)).toEqual(
      new Map([
        ['mesh-q1', { attempts: 2, everCorrect: true, lastCorrect: false }],
        ['mesh-q2', { attempts: 1, everCorrect: true, lastCorrect: true }],
      ]),
    );
    await store.learning.saveCard(u, 'mesh-q1', T0 + 2 * HOUR, '{"v":1}');
    await store.learning.saveCard(u, 'mesh-q2', T0 + HOUR, '{"v":2}');
    await store.learning.saveCard(u, 'mesh-q1', T0 + 3 * HOUR, '{"v":3}');
    expect(await store.learning.card(u, 'mesh-q1')).toBe('{"v":3}');
    expect(await store.learning.dueCards(u, T0 + 3 * HOUR, 5)).toEqual([
      { entryId: 'mesh-q2', dueMs: T0 + HOUR },
      { entryId: 'mesh-q1', dueMs: T0 + 3 * HOUR },
    ]);
    expect(await store.learning.nextDue(u)).toEqual({ entryId: 'mesh-q2', dueMs: T0 + HOUR });
    const id = await store.learning.createPractice({ userKey: u, kind: 'practice', entryId: 'mesh-q4', itemId: null, mode: 'recall', choices: [], correctIndex: null, createdMs: T0 });
    expect(await store.learning.practice(id)).toMatchObject({ id, userKey: u, kind: 'practice', entryId: 'mesh-q4', choices: [], answeredMs: null });
    const answers = await Promise.all([1, 2, 3].map(() => store.learning.answerPractice(id, T0 + 5)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('GIVEN lookups and votes THEN gaps and unhelpful answers are grouped by query, and a repeated delivery is logged once', async () => {
    const store = await openStore();
    const base = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', confidence: 0.1, topEntryId: 'mesh-q7', answered: false };
    await store.lookups.record({ ...base, query: 'React hooks', atMs: T0 });
    await store.lookups.record({ ...base, query: ' react hooks ', atMs: T0 + 1, topEntryId: 'mesh-q2' });
    const first = await store.lookups.record({ ...base, query: 'canary', answered: true, confidence: 0.9, atMs: T0 + 2, deliveryKey: 'slack:trigger-1', ref: 'k3x9q0a1b2c3' });
    expect(await store.lookups.record({ ...base, query: 'canary', answered: true, confidence: 0.9, atMs: T0 + 3, deliveryKey: 'slack:trigger-1', ref: 'zzzzzzzzzzzz' })).toBe(first);
    expect(await store.lookups.count()).toEqual({ total: 3, answered: 1 });
    expect(await store.lookups.gaps(0, 10)).toEqual([{ query: 'react hooks', count: 2, lastAtMs: T0 + 1, closestEntryId: 'mesh-q2' }]);
    // Votes find the lookup by the reference its buttons carry; the repeat's reference was never logged.
    expect(await store.lookups.vote('k3x9q0a1b2c3', 'U2', false, T0 + 10)).toBe(true);
    expect(await store.lookups.vote('k3x9q0a1b2c3', 'U3', false, T0 + 11)).toBe(true);
    expect(await store.lookups.vote('zzzzzzzzzzzz', 'U3', false, T0 + 11)).toBe(false);
    expect(await store.lookups.vote('999999', 'U3', false, T0 + 11)).toBe(false);
    expect(await store.lookups.unhelpful(0, 10)).toEqual([{ query: 'canary', entryId: 'mesh-q7', votes: 2, lastAtMs: T0 + 11 }]);
    await store.lookups.vote('k3x9q0a1b2c3', 'U2', true, T0 + 12);
    expect((await store.lookups.unhelpful(0, 10))[0]?.votes).toBe(1);
  });

  it('GIVEN a batch of lookups THEN they are all logged, votable by reference, and a delivery already logged is skipped', async () => {
    const store = await openStore();
    const base = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', confidence: 0.5, topEntryId: 'mesh-q7', answered: true };
    await store.lookups.record({ ...base, query: 'retry storm', atMs: T0, deliveryKey: 'slack:t-0', ref: 'aaaaaaaaaaa0' });
    await store.lookups.recordMany([
      { ...base, query: 'retry storm', atMs: T0 + 1, deliveryKey: 'slack:t-0', ref: 'aaaaaaaaaaa1' },
      { ...base, query: 'circuit breaking', atMs: T0 + 2, deliveryKey: 'slack:t-1', ref: 'aaaaaaaaaaa2' },
      { ...base, query: 'kafka', answered: false, topEntryId: null, atMs: T0 + 3, ref: 'aaaaaaaaaaa3' },
    ]);
    await store.lookups.recordMany([]);
    expect(await store.lookups.count()).toEqual({ total: 3, answered: 2 });
    expect(await store.lookups.vote('aaaaaaaaaaa2', 'U9', false, T0 + 9)).toBe(true);
    expect(await store.lookups.vote('aaaaaaaaaaa1', 'U9', false, T0 + 9)).toBe(false);
    expect(await store.lookups.gaps(0, 10)).toEqual([{ query: 'kafka', count: 1, lastAtMs: T0 + 3, closestEntryId: null }]);
  });

  it('GIVEN platform deliveries THEN each is taken once, its reply kept for repeats, and old ones forgotten', async () => {
    const store = await openStore();
    const takes = await Promise.all([1, 2, 3].map(() => store.deliveries.claim('slack:t1', T0)));
    expect(takes.filter(Boolean)).toHaveLength(1);
    expect(await store.deliveries.reply('slack:t1')).toBeNull();
    await store.deliveries.saveReply('slack:t1', '{"text":"hi"}');
    expect(await store.deliveries.reply('slack:t1')).toBe('{"text":"hi"}');
    await store.deliveries.claim('slack:t2', T0 + HOUR);
    expect(await store.deliveries.prune(T0 + 1)).toBe(1);
    expect(await store.deliveries.claim('slack:t1', T0 + 2 * HOUR)).toBe(true);
    expect(await store.deliveries.claim('slack:t2', T0 + 2 * HOUR)).toBe(false);
  });

  it('GIVEN counters and the console transcript THEN counters never repeat and an edit makes a message the newest', async () => {
    const store = await openStore();
    const values = await Promise.all(Array.from({ length: 20 }, () => store.sequences.next('ids')));
    expect(new Set(values).size).toBe(20);
    expect(Math.max(...values)).toBe(20);
    const message = (id: string, text: string) => ({ id, channel: 'general', visibleTo: null, text, buttons: [{ label: 'A', actionId: 'quiz.answer', value: '1:0' }] });
    await store.consoleTranscript.save(message('m1', 'one'));
    await store.consoleTranscript.save(message('m2', 'two'));
    await store.consoleTranscript.save(message('m1', 'one, edited'));
    expect((await store.consoleTranscript.recent(10)).map((m) => [m.id, m.text])).toEqual([
      ['m2', 'two'],
      ['m1', 'one, edited'],
    ]);
    expect((await store.consoleTranscript.recent(1))[0]?.buttons).toEqual([{ label: 'A', actionId: 'quiz.answer', value: '1:0' }]);
  });

  it('GIVEN a transaction that throws THEN none of its writes stay, while writes outside it do', async () => {
    const store = await openStore();
    const outside = store.sequences.next('outside');
    await expect(
      store.transaction(async (tx) => {
        await tx.sequences.next('inside');
        await tx.people.channelKey({ platform: 'slack', workspaceId: 'T1', channelId: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await outside).toBe(1);
    expect(await store.sequences.next('inside')).toBe(1);
    // The channel's key from inside the rolled-back transaction must not linger in a cache.
    const fresh = await store.people.channelKey({ platform: 'slack', workspaceId: 'T1', channelId: 'rolled-back' });
    await store.schedules.upsert(fresh, spec, T0, 'lead', T0);
    expect((await store.schedules.get(fresh))?.channel.channelId).toBe('rolled-back');
  });

  it('GIVEN concurrent transactions that read then write THEN none loses an update', async () => {
    const store = await openStore();
    await store.sequences.next('total');
    // Each reads the counter's card, then writes it back one higher, inside a transaction.
    const { users } = await seedPeople(store, 1);
    await store.learning.saveCard(users[0]!, 'counter', 0, '0');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.transaction(async (tx) => {
          const practice = await tx.learning.createPractice({ userKey: users[0]!, kind: 'practice', entryId: 'x', itemId: null, mode: 'recall', choices: [], correctIndex: null, createdMs: 0 });
          if (!(await tx.learning.answerPractice(practice, 1))) throw new Error('not answered');
          await tx.sequences.next('total');
        }),
      ),
    );
    expect(await store.sequences.next('total')).toBe(12);
  });

  it('GIVEN a migrated store THEN it reports itself reachable and migrated', async () => {
    const store = await openStore();
    expect(await store.health()).toEqual({ reachable: true, migrated: true });
    expect(await store.leader.tryLead()).toBe(true);
    expect(store.leader.isLeading()).toBe(true);
  });
});
