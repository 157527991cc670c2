import { describe, expect, it } from 'vitest';
import { createLookup, DEFAULT_LOOKUP_OPTIONS, loadBanks } from '../../src/index.js';
import { nearestEnglish } from '../../src/search/english-frequency.js';
import { planQuery } from '../../src/search/query-plan.js';
import { buildSearchIndex } from '../../src/search/search-index.js';

const banks = loadBanks('data/banks');
const lookup = createLookup(banks);
const index = buildSearchIndex(banks);
const plan = (query: string) => planQuery(query, index.vocabulary, index.aliases, DEFAULT_LOOKUP_OPTIONS.plan).concepts;

describe('words that say what kind of answer is wanted', () => {
  it('GIVEN "criteria", "strategy" or "tl;dr" THEN they weigh as little as an everyday word and are not jargon', () => {
    for (const query of ['mesh adoption criteria', 'rollout strategy', 'service mesh tl;dr']) {
      const last = plan(query).at(-1)!;
      expect(last.weight).toBeCloseTo(DEFAULT_LOOKUP_OPTIONS.plan.everyday.floor);
      expect(last.foreign).toBe(false);
    }
  });

  it('GIVEN a real question with a scaffolding word the bank never uses THEN it is still answered', () => {
    expect(lookup.search('svc mesh tl;dr').answered).toBe(true);
    const result = lookup.search('mesh adoption criteria');
    expect(result.answered).toBe(true);
    expect(result.hits[0]?.entry.number).toBe(10);
  });
});

describe('misspelt everyday words', () => {
  it('GIVEN a misspelling of an English word no bank uses THEN it is read as that word, not as jargon', () => {
    const [, strategy] = plan('rollout stratgy');
    expect(strategy).toMatchObject({ text: 'strategy', foreign: false, corrected: false });
    expect(lookup.search('rollout stratgy for istio').answered).toBe(true);
  });

  it('GIVEN short jargon one edit from an English word THEN it is left alone and stays foreign', () => {
    // "redis" is one edit from "reds": too short to guess.
    expect(plan('redis')[0]).toMatchObject({ text: 'redis', foreign: true });
  });

  it('GIVEN nearestEnglish THEN it finds the common word a typo meant, keeping the first letter, or nothing', () => {
    expect(nearestEnglish('stratgy')).toBe('strategy');
    expect(nearestEnglish('critera')).toBe('criteria');
    expect(nearestEnglish('kafka')).toBeNull();
    expect(nearestEnglish('goroutine')).toBeNull();
  });
});

describe('compounds of abbreviations', () => {
  it('GIVEN "cp/dp" THEN it is split into the two abbreviations, each expanded by its alias', () => {
    const concepts = plan('cp/dp split');
    expect(concepts.map((c) => c.text)).toEqual(['cp', 'dp', 'split']);
    expect(concepts[0]!.alternatives.map((a) => a.terms.join(' '))).toContain('control plane');
    expect(lookup.search('cp/dp split').answered).toBe(true);
  });
});

describe('synonyms that echo another query word', () => {
  it('GIVEN a synonym that only repeats another word of the query THEN it is dropped, so one mention does not count twice', () => {
    // WordNet gives "trace" for "drawing"; the query already says "tracing".
    const drawing = plan('tracing paper for drawing').find((c) => c.text === 'drawing')!;
    expect(drawing.alternatives.filter((a) => a.via === 'synonym').map((a) => a.terms.join(' '))).not.toContain('trace');
    expect(lookup.search('tracing paper for drawing').answered).toBe(false);
  });

  it('GIVEN a synonym of a word the query does not otherwise use THEN it is kept', () => {
    const drawing = plan('drawing').find((c) => c.text === 'drawing')!;
    expect(drawing.alternatives.some((a) => a.via === 'synonym')).toBe(true);
  });
});
