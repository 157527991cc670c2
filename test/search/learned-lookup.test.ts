import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLookup, loadBanks, type Evidence, type EvidenceKind, type Lookup } from '../../src/index.js';
import { seed } from '../helpers/fixtures.js';
import { tinyBanksDir } from '../helpers/small-banks.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

/** A paraphrase the bank's words rank wrong: it answers with Q4 (sidecar vs ambient), though Q5 (mTLS and identity) is meant. */
const PARAPHRASE = 'how do pods authenticate to each other';

function evidence(people: string[], entryId: string, kind: EvidenceKind = 'after_unhelpful', query = PARAPHRASE, atMs = T0): Evidence[] {
  return people.map((person) => ({ query, entryId, person, kind, atMs }));
}

function answer(lookup: Lookup, query: string): string | null {
  const result = lookup.search(query);
  return result.answered ? result.hits[0]!.entry.id : null;
}

const DEV_QUERIES = (JSON.parse(readFileSync('test/fixtures/ask-dev.json', 'utf8')) as { query: string }[]).map((c) => c.query);

describe('lookup that learns from people', () => {
  it('GIVEN the paraphrase before any evidence THEN the bank alone answers it with the wrong entry', () => {
    const lookup = createLookup(seed());
    expect(answer(lookup, PARAPHRASE)).toBe('mesh-q4');
  });

  it('GIVEN three distinct people showed Q5 for a paraphrase THEN the paraphrase, also typed in other small ways, answers with Q5', () => {
    const lookup = createLookup(seed());
    lookup.useLearned(evidence(['slack:T1:ana', 'slack:T1:ben', 'discord:G1:chen'], 'mesh-q5'), T0 + DAY);
    const result = lookup.search(PARAPHRASE);
    expect(result.answered).toBe(true);
    expect(result.hits[0]!.entry.id).toBe('mesh-q5');
    expect(result.learned).toBeGreaterThan(0);
    // Case, stopwords, inflection and word order are read the way the lookup reads them.
    expect(answer(lookup, 'How do the pods authenticate with each other?')).toBe('mesh-q5');
    expect(answer(lookup, 'authenticating pods to each other')).toBe('mesh-q5');
    // The bank's words alone still rank it as before.
    expect(lookup.search(PARAPHRASE, { learned: false }).hits[0]!.entry.id).toBe('mesh-q4');
  });

  it('GIVEN a query the bank never answers and three people who picked a closest topic for it THEN it answers with that topic', () => {
    const lookup = createLookup(seed());
    const query = 'we want only the orders service to reach the database proxy, how';
    expect(answer(lookup, query)).toBeNull();
    lookup.useLearned(evidence(['p:w:a', 'p:w:b', 'p:w:c'], 'mesh-q5', 'after_no_match', query), T0);
    expect(answer(lookup, query)).toBe('mesh-q5');
  });

  it('GIVEN one person picking a wrong entry 50 times, or two people agreeing THEN no answer changes', () => {
    const lookup = createLookup(seed());
    const queries = [PARAPHRASE, 'circuit breaking', ...DEV_QUERIES];
    const before = queries.map((q) => JSON.stringify(lookup.search(q)));
    const fifty: Evidence[] = Array.from({ length: 50 }, (_, i) => ({ query: PARAPHRASE, entryId: 'mesh-q12', person: 'slack:T1:mallory', kind: 'after_unhelpful', atMs: T0 + i * 60_000 }));
    lookup.useLearned(fifty, T0 + DAY);
    expect(queries.map((q) => JSON.stringify(lookup.search(q)))).toEqual(before);
    lookup.useLearned([...fifty, ...evidence(['slack:T1:ben'], 'mesh-q12')], T0 + DAY);
    expect(queries.map((q) => JSON.stringify(lookup.search(q)))).toEqual(before);
  });

  it('GIVEN one person voting down what three people showed THEN the three still win', () => {
    const lookup = createLookup(seed());
    lookup.useLearned([...evidence(['a', 'b', 'c'], 'mesh-q5'), ...evidence(['mallory'], 'mesh-q5', 'unhelpful')], T0);
    expect(answer(lookup, PARAPHRASE)).toBe('mesh-q5');
  });

  it('GIVEN ten people picking another entry for a query the bank matches strongly THEN the bank match still wins and the evidence stays weak', () => {
    const lookup = createLookup(seed());
    const bank = lookup.search('circuit breaking');
    expect(bank.hits[0]!.entry.id).toBe('mesh-q7');
    expect(bank.confidence).toBeGreaterThanOrEqual(0.95);
    const people = Array.from({ length: 10 }, (_, i) => `p:w:${i}`);
    lookup.useLearned([...evidence(people, 'mesh-q3', 'after_unhelpful', 'circuit breaking'), ...evidence(people, 'mesh-q7', 'unhelpful', 'circuit breaking')], T0);
    const result = lookup.search('circuit breaking');
    expect(result.hits[0]!.entry.id).toBe('mesh-q7');
    expect(result.answered).toBe(true);
    // Ten people's full credit would be 10/11; against a strong match a quarter of it is kept.
    expect(Math.abs(result.learned)).toBeLessThanOrEqual(0.25);
    expect(result.hits.map((h) => h.entry.id)).toContain('mesh-q3');
  });

  it('GIVEN three people who voted an answer not helpful and picked nothing THEN the lookup stops giving it and offers it among the closest topics', () => {
    const lookup = createLookup(seed());
    lookup.useLearned(evidence(['a', 'b', 'c'], 'mesh-q4', 'unhelpful'), T0);
    const result = lookup.search(PARAPHRASE);
    expect(result.answered && result.hits[0]!.entry.id === 'mesh-q4').toBe(false);
    expect(result.hits.map((h) => h.entry.id)).toContain('mesh-q4');
  });

  it('GIVEN people voted not helpful on an answer given only because its entry names three of the ideas THEN it is no longer given', () => {
    const query = 'the procurement department asked who owns the mesh, the platform team or the product owners, before approving headcount';
    const lookup = createLookup(seed());
    expect(answer(lookup, query)).toBe('mesh-q13');
    lookup.useLearned(evidence(['a', 'b', 'c'], 'mesh-q13', 'unhelpful', query), T0);
    expect(answer(lookup, query)).toBeNull();
  });

  it('GIVEN evidence that ages (time is the nowMs given, never the clock) THEN it fades: it answers after a day, not after two years', () => {
    const lookup = createLookup(seed());
    const picks = evidence(['a', 'b', 'c'], 'mesh-q5');
    lookup.useLearned(picks, T0 + DAY);
    expect(answer(lookup, PARAPHRASE)).toBe('mesh-q5');
    lookup.useLearned(picks, T0 + 2 * 365 * DAY);
    expect(answer(lookup, PARAPHRASE)).toBe('mesh-q4');
    // Half-faded evidence counts for less: a weaker lift than fresh evidence.
    lookup.useLearned(picks, T0 + 90 * DAY);
    const faded = lookup.search(PARAPHRASE).learned;
    lookup.useLearned(picks, T0);
    expect(faded).toBeGreaterThan(0);
    expect(faded).toBeLessThan(lookup.search(PARAPHRASE).learned);
  });

  it('GIVEN evidence for an entry of another bank THEN it moves that bank\'s entry, never the same number in this bank, and is dropped when that bank is not loaded', () => {
    const both = createLookup([...seed(), ...loadBanks(tinyBanksDir())]);
    both.useLearned(evidence(['a', 'b', 'c'], 'tiny-q2'), T0);
    expect(answer(both, PARAPHRASE)).toBe('tiny-q2');
    const meshOnly = createLookup(seed());
    const summary = meshOnly.useLearned(evidence(['a', 'b', 'c'], 'tiny-q2'), T0);
    expect(summary).toEqual({ evidence: 3, phrasings: 0 });
    expect(answer(meshOnly, PARAPHRASE)).toBe('mesh-q4');
  });

  it('GIVEN learned phrasings THEN those with enough people that the bank alone does not answer are listed, strongest first', () => {
    const lookup = createLookup(seed());
    lookup.useLearned(
      [
        ...evidence(['a', 'b', 'c', 'd'], 'mesh-q5'),
        ...evidence(['a', 'b', 'c'], 'mesh-q7', 'helpful', 'circuit breaking'),
        ...evidence(['a'], 'mesh-q2', 'after_unhelpful', 'mesh brain vs mesh workers'),
        ...evidence(['a', 'b', 'c'], 'mesh-q2', 'after_unhelpful', 'The mesh brain versus the mesh workers?'),
      ],
      T0,
    );
    expect(lookup.learnedPhrasings().map((p) => [p.entryId, p.text, p.people])).toEqual([
      ['mesh-q5', PARAPHRASE, 4],
      ['mesh-q2', 'the mesh brain versus the mesh workers', 3],
    ]);
  });
});
