import { describe, expect, it } from 'vitest';
import type { LookupRecord, Store } from '../../../src/index.js';
import { STORES, T0 } from './stores.js';

const MINUTE = 60_000;

/** Logs a lookup by `asker` with its reference, as the core does after a reply. */
async function logLookup(store: Store, ref: string, query: string, answered: boolean, topEntryId: string | null, atMs: number, asker = 'U1'): Promise<void> {
  const row: LookupRecord = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: asker, query, topEntryId, answered, confidence: answered ? 0.8 : 0.2, atMs, ref };
  await store.lookups.record(row);
}

describe.each(STORES)('lookup evidence on %s', (_name, openStore) => {
  it('GIVEN picks and votes THEN each becomes one evidence row of the right kind, newest first', async () => {
    const store = await openStore();
    await logLookup(store, 'nomatch00001', 'how do pods prove who they are', false, 'mesh-q4', T0);
    await logLookup(store, 'answered0001', 'who pushes config to the envoys', true, 'mesh-q3', T0 + MINUTE, 'U2');
    await logLookup(store, 'answered0002', 'canary', true, 'mesh-q6', T0 + 2 * MINUTE, 'U3');
    // No match: the closest topic opened (the first one too) is a pick.
    await store.lookupEvidence.pick('nomatch00001', 'U1', 'mesh-q5', T0 + 10);
    // Answered: "Not helpful", then another entry (the vote may come after the pick, too).
    await store.lookupEvidence.pick('answered0001', 'U2', 'mesh-q2', T0 + MINUTE + 20);
    await store.lookups.vote('answered0001', 'U2', false, T0 + MINUTE + 30);
    // Answered and voted helpful, with a related entry opened beside it.
    await store.lookups.vote('answered0002', 'U3', true, T0 + 2 * MINUTE + 10);
    await store.lookupEvidence.pick('answered0002', 'U3', 'mesh-q7', T0 + 2 * MINUTE + 20);
    // Opening the entry the lookup answered with shows nothing new.
    await store.lookupEvidence.pick('answered0002', 'U3', 'mesh-q6', T0 + 2 * MINUTE + 30);

    const slack = { platform: 'slack', workspaceId: 'T1' };
    expect(await store.lookupEvidence.evidence(0, 100)).toEqual([
      { ...slack, query: 'canary', entryId: 'mesh-q7', userId: 'U3', kind: 'beside_answer', atMs: T0 + 2 * MINUTE + 20 },
      { ...slack, query: 'canary', entryId: 'mesh-q6', userId: 'U3', kind: 'helpful', atMs: T0 + 2 * MINUTE + 10 },
      { ...slack, query: 'who pushes config to the envoys', entryId: 'mesh-q3', userId: 'U2', kind: 'unhelpful', atMs: T0 + MINUTE + 30 },
      { ...slack, query: 'who pushes config to the envoys', entryId: 'mesh-q2', userId: 'U2', kind: 'after_unhelpful', atMs: T0 + MINUTE + 20 },
      { ...slack, query: 'how do pods prove who they are', entryId: 'mesh-q5', userId: 'U1', kind: 'after_no_match', atMs: T0 + 10 },
    ]);
    // A window and a limit: the newest rows since a time.
    expect((await store.lookupEvidence.evidence(T0 + MINUTE, 2)).map((r) => [r.entryId, r.kind])).toEqual([
      ['mesh-q7', 'beside_answer'],
      ['mesh-q6', 'helpful'],
    ]);
  });

  it('GIVEN a pick before its lookup is logged, a repeated pick and a pick of a lookup never logged THEN the first is joined later, the repeat is one row at its latest time, and the last is left out', async () => {
    const store = await openStore();
    await store.lookupEvidence.pick('early0000001', 'U1', 'mesh-q5', T0 + 5);
    await store.lookupEvidence.pick('early0000001', 'U1', 'mesh-q5', T0 + 50);
    await store.lookupEvidence.pick('early0000001', 'U1', 'mesh-q5', T0 + 20);
    await store.lookupEvidence.pick('neverlogged1', 'U1', 'mesh-q9', T0 + 5);
    expect(await store.lookupEvidence.evidence(0, 100)).toEqual([]);
    await logLookup(store, 'early0000001', 'pods proving identity', false, 'mesh-q4', T0);
    expect(await store.lookupEvidence.evidence(0, 100)).toEqual([
      { platform: 'slack', workspaceId: 'T1', query: 'pods proving identity', entryId: 'mesh-q5', userId: 'U1', kind: 'after_no_match', atMs: T0 + 50 },
    ]);
  });

  it('GIVEN two votes by one person written out of order THEN the later vote stands', async () => {
    const store = await openStore();
    await logLookup(store, 'outoforder01', 'canary', true, 'mesh-q6', T0);
    expect(await store.lookups.vote('outoforder01', 'U2', false, T0 + 20)).toBe(true);
    await store.lookups.vote('outoforder01', 'U2', true, T0 + 10);
    expect(await store.lookupEvidence.evidence(0, 10)).toEqual([expect.objectContaining({ userId: 'U2', kind: 'unhelpful', atMs: T0 + 20 })]);
  });

  it('GIVEN a logged lookup THEN it is found by its reference with what it answered, and an unknown reference finds nothing', async () => {
    const store = await openStore();
    await logLookup(store, 'found0000001', 'retry storm', true, 'mesh-q7', T0);
    expect(await store.lookups.byRef('found0000001')).toEqual({ query: 'retry storm', topEntryId: 'mesh-q7', answered: true });
    expect(await store.lookups.byRef('missing00001')).toBeNull();
  });
});
