/**
 * Autocomplete suggestions: Discord shows at most 25, names and values within 100 characters.
 */
import { describe, expect, it } from 'vitest';
import { suggestions } from '../../adapters/discord/autocomplete.js';
import { createLookup, loadBanks } from '../../src/index.js';

const lookup = createLookup(loadBanks('data/banks'));

describe('Discord autocomplete suggestions', () => {
  it('GIVEN nothing typed THEN at most 25 entries, each offered by its id', () => {
    const choices = suggestions('query', '', lookup);

    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toMatch(/^[a-z0-9-]+-q\d+$/);
    }
  });

  it('GIVEN a picked entry id THEN the lookup answers with exactly that entry', () => {
    const [first] = suggestions('query', 'retr', lookup);

    expect(lookup.search(first!.value).hits[0]?.entry.id).toBe(first!.value);
  });

  it('GIVEN part of a zone name THEN matching IANA zones', () => {
    expect(suggestions('zone', 'berl', lookup).map((c) => c.value)).toContain('Europe/Berlin');
    expect(suggestions('zone', '', lookup).length).toBe(25);
  });

  it('GIVEN a cron expression typed as days THEN it is offered as typed', () => {
    expect(suggestions('days', '0 10 * * 1-5', lookup)[0]).toEqual({ name: '0 10 * * 1-5', value: '0 10 * * 1-5' });
  });
});
