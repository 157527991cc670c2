import { describe, expect, it } from 'vitest';
import { LearnedRefresh } from '../../src/commands/learned-refresh.js';
import { LEARNED_REFRESH_MS, type Evidence, type EvidenceRow, type LookupEvidence } from '../../src/index.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;

function row(userId: string, atMs = T0): EvidenceRow {
  return { query: 'how do pods authenticate to each other', entryId: 'mesh-q5', platform: 'slack', workspaceId: 'T1', userId, kind: 'after_no_match', atMs };
}

/** A store holding `rows`, and a lookup that records each rebuild. */
function rig() {
  const rows: EvidenceRow[] = [];
  const reads: number[] = [];
  const rebuilds: { evidence: Evidence[]; nowMs: number }[] = [];
  const lookupEvidence: LookupEvidence = {
    pick: async () => {},
    evidence: async (sinceMs) => {
      reads.push(sinceMs);
      return [...rows];
    },
  };
  const lookup = {
    useLearned: (evidence: readonly Evidence[], nowMs: number) => {
      rebuilds.push({ evidence: [...evidence], nowMs });
      return { evidence: evidence.length, phrasings: 1 };
    },
  };
  return { rows, reads, rebuilds, refresh: new LearnedRefresh({ lookup: () => lookup, lookupEvidence }) };
}

describe('reloading learned evidence', () => {
  it('GIVEN a refresh THEN it reads the last year from the store and gives the lookup each person as platform, workspace and user', async () => {
    const { rows, reads, rebuilds, refresh } = rig();
    rows.push(row('U1'));
    await refresh.refresh(T0);
    expect(reads).toEqual([T0 - 365 * 24 * HOUR]);
    expect(rebuilds[0]!.evidence).toEqual([{ query: 'how do pods authenticate to each other', entryId: 'mesh-q5', person: 'slack:T1:U1', kind: 'after_no_match', atMs: T0 }]);
  });

  it('GIVEN evidence loaded THEN a new load is due only after the refresh interval, and concurrent refreshes share one load', async () => {
    const { reads, refresh } = rig();
    expect(refresh.due(T0)).toBe(true);
    await Promise.all([refresh.refresh(T0), refresh.refresh(T0)]);
    expect(reads).toHaveLength(1);
    expect(refresh.due(T0 + LEARNED_REFRESH_MS - 1)).toBe(false);
    expect(refresh.due(T0 + LEARNED_REFRESH_MS)).toBe(true);
  });

  it('GIVEN the same rows again THEN the lookup is not rebuilt until an hour has passed; changed rows rebuild it at once', async () => {
    const { rows, rebuilds, refresh } = rig();
    rows.push(row('U1'));
    await refresh.refresh(T0);
    await refresh.refresh(T0 + LEARNED_REFRESH_MS);
    expect(rebuilds).toHaveLength(1);
    rows.push(row('U2', T0 + 1));
    await refresh.refresh(T0 + 2 * LEARNED_REFRESH_MS);
    expect(rebuilds).toHaveLength(2);
    await refresh.refresh(T0 + 2 * LEARNED_REFRESH_MS + HOUR);
    expect(rebuilds.map((r) => r.nowMs)).toEqual([T0, T0 + 2 * LEARNED_REFRESH_MS, T0 + 2 * LEARNED_REFRESH_MS + HOUR]);
  });
});
