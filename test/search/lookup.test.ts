import { describe, expect, it } from 'vitest';
import { createLookup, DEFAULT_LOOKUP_OPTIONS, loadBanks, type LookupOptions } from '../../src/index.js';

const lookup = createLookup(loadBanks('data/banks'));

function topNumber(query: string): number | undefined {
  return lookup.search(query).hits[0]?.entry.number;
}

describe('ranking', () => {
  it.each([
    ['circuit breaking', 7],
    ['mtls', 5],
    ['retry budget', 7],
    ['what happens when istiod is down', 9],
  ])('GIVEN "%s" THEN the entry about it (Q%i) comes first and is given as the answer', (query, expected) => {
    const result = lookup.search(query);
    expect(result.hits[0]?.entry.number).toBe(expected);
    expect(result.answered).toBe(true);
  });

  it('GIVEN a typo in a long word THEN it is corrected to the bank word', () => {
    expect(topNumber('circut braking')).toBe(7);
  });

  it('GIVEN an abbreviation from the bank metadata THEN it is expanded (k8s -> kubernetes, otel -> opentelemetry)', () => {
    expect(topNumber('otel sdk instead of a mesh')).toBe(10);
    expect(lookup.search('svid rotation').hits[0]?.entry.number).toBe(5);
  });

  it('GIVEN a general engineering alias THEN the entry that uses the aliased phrase wins', () => {
    expect(topNumber('circuit breakers')).toBe(7);
    expect(topNumber('golden path for app teams')).toBe(13);
  });

  it('GIVEN "no X" where the bank speaks of "X-less" THEN the X-less entry wins', () => {
    expect(topNumber('mesh with no sidecar')).toBe(4);
  });

  it('GIVEN a direct reference ("q7") THEN that entry is returned with full confidence', () => {
    const result = lookup.search('q7');
    expect(result.hits[0]?.entry.id).toBe('mesh-q7');
    expect(result.confidence).toBe(1);
  });

  it('GIVEN an answer THEN related entries are other hits, never the answer itself', () => {
    const result = lookup.search('sidecar cpu cost');
    expect(result.related.map((h) => h.entry.id)).not.toContain(result.hits[0]?.entry.id);
  });
});

describe('abstention', () => {
  it.each(['kafka partition rebalancing', 'react hooks', 'how do I cook pasta', 'terraform state locking'])(
    'GIVEN the off-topic query "%s" THEN it is not answered',
    (query) => {
      expect(lookup.search(query).answered).toBe(false);
    },
  );

  it.each(['kafka partition rebalancing', 'react hooks'])('GIVEN the off-topic query "%s" THEN the closest topics are still offered as hits', (query) => {
    const result = lookup.search(query);
    expect(result.answered).toBe(false);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(DEFAULT_LOOKUP_OPTIONS.minConfidence);
  });

  it('GIVEN an empty or all-stopword query THEN nothing is answered and nothing is offered', () => {
    for (const query of ['', '   ', 'what is the']) {
      const result = lookup.search(query);
      expect(result.answered).toBe(false);
      expect(result.hits).toEqual([]);
    }
  });
});

describe('typo tolerance', () => {
  it('GIVEN a 3-letter word the bank lacks THEN it is never fuzzed into a bank word', () => {
    // "tcx" is one edit from "tcp", but short words have too many neighbours to guess.
    const result = lookup.search('tcx');
    expect(result.hits).toEqual([]);
    expect(result.answered).toBe(false);
  });

  it('GIVEN a 4-letter word the bank lacks THEN it is not prefix-completed either', () => {
    expect(lookup.search('sidx').answered).toBe(false);
  });

  it('GIVEN a common English word the bank lacks THEN it is not "corrected" into jargon', () => {
    // "tunneling" is one edit from "ztunnel" by its stem, but it is a real word.
    const result = lookup.search('vpn split tunneling');
    expect(result.answered).toBe(false);
  });
});

describe('options', () => {
  it('GIVEN an unknown option key THEN createLookup throws naming it', () => {
    const overrides = { minConfidnce: 0.4 } as unknown as Partial<LookupOptions>;
    expect(() => createLookup(loadBanks('data/banks'), overrides)).toThrow(/minConfidnce/);
  });

  it('GIVEN an unknown nested plan option THEN createLookup throws naming its path', () => {
    const overrides = { plan: { synonymWieght: 0 } } as unknown as Partial<LookupOptions>;
    expect(() => createLookup(loadBanks('data/banks'), overrides)).toThrow(/plan\.synonymWieght/);
  });

  it('GIVEN a stricter minConfidence THEN the same query is no longer answered', () => {
    const strict = createLookup(loadBanks('data/banks'), { minConfidence: 1.01 });
    expect(strict.search('circuit breaking').answered).toBe(false);
  });
});

describe('suggest', () => {
  it('GIVEN typed text THEN entries whose title or question contain it come first', () => {
    expect(lookup.suggest('canary', 3)[0]?.number).toBe(6);
  });

  it('GIVEN a limit THEN no more entries than that are returned', () => {
    expect(lookup.suggest('', 4)).toHaveLength(4);
  });
});
