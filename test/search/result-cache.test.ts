import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/index.js';
import { seed } from '../helpers/fixtures.js';

describe('the lookup result cache', () => {
  it('gives the same answer to a repeated query, keeping the query as typed', () => {
    const lookup = createLookup(seed());
    const first = lookup.search('circuit breaking');
    const again = lookup.search('  Circuit   Breaking ');
    expect(again.hits.map((h) => h.entry.id)).toEqual(first.hits.map((h) => h.entry.id));
    expect(again.query).toBe('  Circuit   Breaking ');
    expect(again.answered).toBe(first.answered);
  });

  it('answers the same with caching off', () => {
    const cached = createLookup(seed());
    const uncached = createLookup(seed(), { cacheSize: 0 });
    for (const q of ['mtls', 'kafka', 'retry budget', 'mtls']) {
      expect(uncached.search(q).hits.map((h) => h.entry.id)).toEqual(cached.search(q).hits.map((h) => h.entry.id));
    }
  });
});
