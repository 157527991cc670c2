import { describe, expect, it } from 'vitest';
import { createLookup, DEFAULT_LOOKUP_OPTIONS, loadBanks, type LookupOptions } from '../../src/index.js';
import { planQuery } from '../../src/search/query-plan.js';
import { buildSearchIndex } from '../../src/search/search-index.js';

const lookup = createLookup(loadBanks('data/banks'));
const index = buildSearchIndex(loadBanks('data/banks'));
const plan = (query: string) => planQuery(query, index.vocabulary, index.aliases, DEFAULT_LOOKUP_OPTIONS.plan).concepts;

function topNumber(query: string): number | undefined {
  return lookup.search(query).hits[0]?.entry.number;
}

/** The number of the entry given as the answer, or null when the lookup abstains. */
function answerNumber(query: string): number | null {
  const result = lookup.search(query);
  return result.answered ? (result.hits[0]?.entry.number ?? null) : null;
}

describe('ranking', () => {
  it.each([
    ['circuit breaking', 7],
    ['mtls', 5],
    ['retry budget', 7],
    ['what happens when istiod is down', 9],
  ])('GIVEN "%s" THEN the entry about it (Q%i) comes first and is given as the answer', (query, expected) => {
    expect(answerNumber(query)).toBe(expected);
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

  it('GIVEN an everyday phrase the general alias list knows THEN it counts as the phrase, not as its words', () => {
    // "slow down" is about latency (Q8), not about the control plane going "down" (Q9).
    expect(topNumber('does a mesh slow down my requests')).toBe(8);
    expect(topNumber('how do services prove who they are')).toBe(5);
  });

  it.each([
    ['o11y w/o code changes', 1],
    ['how do we back out of a half finished mesh cutover', 14],
    ['ramp the new version from 5 to 50 percent', 6],
    ['can app teams tweak their own retry settings', 13],
    ['what is a service mesh good for', 1],
    ['response times went up after we added sidecars', 8],
    ['perimeter vs inter-service traffic', 11],
  ])('GIVEN chat shorthand or everyday phrasing ("%s") THEN the general alias list finds Q%i and answers', (query, expected) => {
    expect(answerNumber(query)).toBe(expected);
  });

  it.each([
    ['rtt added by the proxy', 8],
    ['opa policies between services', 5],
  ])('GIVEN an infrastructure abbreviation the bank never spells out ("%s") THEN the general list expands it: Q%i answers', (query, expected) => {
    expect(answerNumber(query)).toBe(expected);
  });

  it('GIVEN the mesh named by its product ("istio") in a question about something else THEN the entry about that thing wins, not Istio vs Linkerd', () => {
    expect(topNumber('does a tiny team with six services need istio')).toBe(10);
    expect(topNumber('istio vs linkerd')).toBe(12);
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

  it('GIVEN a query whose one idea an entry only mentions in passing ("how to tie a tie") THEN it is not answered, however high its confidence', () => {
    const result = lookup.search('how to tie a tie');
    expect(result.confidence).toBeGreaterThanOrEqual(DEFAULT_LOOKUP_OPTIONS.minConfidence);
    expect(result.answered).toBe(false);
  });

  it('GIVEN a bare hyphenated prefix ("un" of "un-meshed") THEN it matches nothing on its own, while the compound still does', () => {
    expect(lookup.search('what does a un envoy do').answered).toBe(false);
    expect(plan('un envoy').find((c) => c.text === 'un')?.known).toBe(false);
    const result = lookup.search('un-meshed caller talking to a strict callee');
    expect(result.hits[0]?.entry.number).toBe(14);
    expect(result.answered).toBe(true);
  });

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

describe('confidence', () => {
  const plainCoverage = createLookup(loadBanks('data/banks'), { missWeights: { known: 1, foreign: 1 } });

  it('GIVEN a query whose words the bank uses but the best entry only partly covers THEN it is still answered', () => {
    // "app" and "config" appear elsewhere in the bank: the query is about this bank's world.
    const result = lookup.search('app config ownership for teams');
    expect(result.hits[0]?.entry.number).toBe(13);
    expect(result.answered).toBe(true);
    expect(result.confidence).toBeGreaterThan(plainCoverage.search('app config ownership for teams').confidence);
  });

  it("GIVEN another product's jargon the bank never uses THEN it counts more against confidence than plain coverage", () => {
    const result = lookup.search('haproxy proxy config');
    expect(result.answered).toBe(false);
    expect(result.confidence).toBeLessThan(plainCoverage.search('haproxy proxy config').confidence);
  });

  // Long questions typed into a channel: most of their words are about the asker's situation.
  // Long questions typed into a channel: most of their words are about the asker's
  // situation, and the entry names three of their ideas. The usual bar is set out of reach
  // so the test is about the corroboration bar alone, whatever vocabulary changes.
  const CORROBORATED = [
    ['auditors asked how workload identity, certificate rotation and mtls are handled for our payment pods during the quarterly compliance review', 5],
    ['the procurement department asked who owns the mesh, the platform team or the product owners, before approving headcount', 13],
  ] as const;
  const usualOutOfReach = { minConfidence: 0.99 };

  it.each(CORROBORATED)('GIVEN "%s" THEN the entry naming three of its ideas (Q%i) is answered from the corroboration bar', (query, expected) => {
    const result = createLookup(loadBanks('data/banks'), usualOutOfReach).search(query);
    expect(result.hits[0]?.entry.number).toBe(expected);
    expect(result.confidence).toBeGreaterThanOrEqual(DEFAULT_LOOKUP_OPTIONS.corroboration.minConfidence);
    expect(result.answered).toBe(true);
  });

  it('GIVEN corroboration asks for more ideas than such a question names THEN the same questions abstain', () => {
    const strict = createLookup(loadBanks('data/banks'), { ...usualOutOfReach, corroboration: { ideas: 99, minConfidence: 0.4 } });
    for (const [query] of CORROBORATED) expect(strict.search(query).answered).toBe(false);
  });

  it('GIVEN an unknown corroboration key THEN createLookup throws naming its path', () => {
    const overrides = { corroboration: { idaes: 2 } } as unknown as Partial<LookupOptions>;
    expect(() => createLookup(loadBanks('data/banks'), overrides)).toThrow(/corroboration\.idaes/);
  });

  it('GIVEN an unknown missWeights key THEN createLookup throws naming its path', () => {
    const overrides = { missWeights: { knwon: 1 } } as unknown as Partial<LookupOptions>;
    expect(() => createLookup(loadBanks('data/banks'), overrides)).toThrow(/missWeights\.knwon/);
  });
});

describe('query planning', () => {
  it('GIVEN a number the bank never uses THEN it weighs as little as an everyday word and is not jargon', () => {
    const [count] = plan('5000 proxies');
    expect(count?.text).toBe('5000');
    expect(count?.weight).toBeCloseTo(DEFAULT_LOOKUP_OPTIONS.plan.everyday.floor);
    expect(count?.foreign).toBe(false);
  });

  it('GIVEN a word neither the bank nor everyday English uses THEN it is marked foreign; an ordinary word is not', () => {
    const concepts = plan('haproxy kitchen');
    expect(concepts.map((c) => [c.text, c.foreign])).toEqual([
      ['haproxy', true],
      ['kitchen', false],
    ]);
  });

  it('GIVEN chat framing the bank happens to use ("we want", "actually", "whole") THEN it weighs as little as an everyday word', () => {
    const concepts = plan('we actually want the whole mesh');
    const framing = concepts.filter((c) => ['actually', 'want', 'whole'].includes(c.text));
    expect(framing.map((c) => c.known)).toEqual([true, true, true]);
    for (const c of framing) expect(c.weight).toBeLessThanOrEqual(DEFAULT_LOOKUP_OPTIONS.plan.everyday.floor);
    expect(concepts.find((c) => c.text === 'mesh')!.weight).toBeGreaterThan(DEFAULT_LOOKUP_OPTIONS.plan.everyday.floor);
  });

  it.each([
    ['we were wondering whether people actually bother with circuit breaking in the mesh', 7],
    ['honestly is the whole sidecar latency thing a bad idea for us', 8],
  ])('GIVEN a chatty question "%s" THEN its framing does not make it look off-topic: Q%i is the answer', (query, expected) => {
    expect(answerNumber(query)).toBe(expected);
  });

  it('GIVEN chat shorthand joined by a slash ("vs/authz", "in/out") THEN the stopword part drops and nothing is taken for jargon', () => {
    expect(plan('istio vs/authz').map((c) => c.text)).toEqual(['istio', 'authz']);
    expect(plan('in/out traffic').map((c) => [c.text, c.foreign])).toEqual([['traffic', false]]);
  });

  it('GIVEN a word the bank lacks that repeats or adverbs a bank word ("rerouting", "resends") THEN it is matched as that word', () => {
    const [rerouting] = plan('rerouting');
    expect(rerouting?.known).toBe(true);
    expect(rerouting?.alternatives.some((a) => a.via === 'derived' && a.terms.join() === 'rout')).toBe(true);
  });

  it('GIVEN a phrasal verb split by a pronoun ("back it out") THEN it matches the alias of the whole verb ("back out")', () => {
    const [concept] = plan('back it out');
    expect(concept?.text).toBe('back it out');
    expect(concept?.alternatives.some((a) => a.via === 'alias' && a.terms.join(' ') === 'rollback')).toBe(true);
  });

  it('GIVEN prepositions like "via" and "onto" THEN they are stopwords', () => {
    expect(plan('mtls via sidecar onto pods').map((c) => c.text)).toEqual(['mtls', 'sidecar', 'pods']);
  });

  it('GIVEN contractions ("doesn\'t", "can\'t") THEN they are stopwords, not topic words', () => {
    expect(plan("why doesn't mtls work").map((c) => c.text)).toEqual(['mtls', 'work']);
    expect(plan("i can't get mtls").map((c) => c.text)).toEqual(['mtls']);
  });
});

describe('typo tolerance', () => {
  it('GIVEN a misspelt function word ("shuold", "wich") THEN it is dropped like the stopword, not taken for jargon', () => {
    for (const [typo, right] of [
      ['shuold we adopt a mesh', 'should we adopt a mesh'],
      ['wich mesh should we pick', 'which mesh should we pick'],
    ] as const) {
      const result = lookup.search(typo);
      expect(result.answered).toBe(true);
      expect(result.hits[0]?.entry.id).toBe(lookup.search(right).hits[0]?.entry.id);
      expect(result.confidence).toBeCloseTo(lookup.search(right).confidence);
    }
  });

  it('GIVEN a 4-letter typo that forms a bank phrase with its neighbour THEN it is corrected', () => {
    const [, mesh] = plan('service mesj');
    expect(mesh).toMatchObject({ text: 'mesh', corrected: true });
    expect(lookup.search('service mesj').answered).toBe(true);
  });

  it('GIVEN a 4-letter word one edit from a bank word but with no neighbour to confirm it THEN it is left alone', () => {
    // "perl" is one edit from "perf", but short words have too many neighbours to guess alone.
    expect(plan('perl regex').map((c) => [c.text, c.corrected])).toEqual([
      ['perl', false],
      ['regex', false],
    ]);
    expect(lookup.search('mesj').answered).toBe(false);
  });

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
