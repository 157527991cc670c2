import { describe, expect, it } from 'vitest';
import { createLookup, loadBanks } from '../../src/index.js';
import { curriculumBanks } from '../helpers/curriculum-banks.js';

const lookup = createLookup(curriculumBanks());
const prefer = (...slugs: string[]) => ({ preferBanks: new Set(slugs) });
const ids = (result: { hits: { entry: { id: string } }[] }) => result.hits.map((h) => h.entry.id);

describe('lookup over several banks, scoped to a channel', () => {
  it("GIVEN a query two banks answer THEN the channel's own bank comes first, and the other bank's entry follows", () => {
    const ops = lookup.search('retries and timeouts', prefer('ops-junior', 'ops-senior'));
    expect(ops.answered).toBe(true);
    expect(ids(ops).slice(0, 2)).toEqual(['ops-junior-q4', 'mesh-q7']);
    const platform = lookup.search('retries and timeouts', prefer('mesh', 'serverless-junior'));
    expect(ids(platform)[0]).toBe('mesh-q7');
  });

  it("GIVEN a query only another bank answers THEN that answer is given rather than no match", () => {
    const result = lookup.search('how do services prove who they are', prefer('ops-junior'));
    expect(result.answered).toBe(true);
    expect(ids(result)[0]).toBe('mesh-q5');
  });

  it('GIVEN an off-topic query THEN a preference does not make it answered', () => {
    expect(lookup.search('kafka consumer lag', prefer('mesh')).answered).toBe(false);
  });

  it('GIVEN a bare question number several banks have THEN it is ambiguous and offers each, and a slug picks one', () => {
    const bare = lookup.search('q2');
    expect(bare).toMatchObject({ answered: false, ambiguous: true });
    expect(ids(bare).sort()).toEqual(['mesh-q2', 'ops-junior-q2', 'ops-senior-q2', 'serverless-junior-q2']);
    expect(ids(lookup.search('mesh q2'))).toEqual(['mesh-q2']);
    expect(ids(lookup.search('serverless-junior-q2'))).toEqual(['serverless-junior-q2']);
  });

  it("GIVEN a bare number and a channel with one bank that has it THEN that bank's entry opens; one no channel bank has falls back to every bank", () => {
    expect(lookup.search('q2', prefer('ops-senior'))).toMatchObject({ answered: true, hits: [expect.objectContaining({ entry: expect.objectContaining({ id: 'ops-senior-q2' }) })] });
    expect(ids(lookup.search('q7', prefer('ops-junior')))).toEqual(['mesh-q7']);
  });

  it('GIVEN one bank only THEN a preference changes nothing and "q7" opens its Q7', () => {
    const seedOnly = createLookup(loadBanks('data/banks'));
    expect(seedOnly.search('retry storm', prefer('mesh'))).toEqual(seedOnly.search('retry storm'));
    expect(ids(seedOnly.search('q7'))).toEqual(['mesh-q7']);
  });
});
