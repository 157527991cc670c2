import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search/edit-distance.js';
import { lightStem } from '../../src/search/stem.js';
import { synonyms } from '../../src/search/wordnet.js';

describe('lightStem', () => {
  it('GIVEN plural and -ing/-ed forms THEN they meet their base', () => {
    expect(['retries', 'retrying', 'retried', 'retry'].map(lightStem)).toEqual(['retry', 'retry', 'retry', 'retry']);
    expect(lightStem('throttling')).toBe(lightStem('throttle'));
    expect(lightStem('circuit')).toBe('circuit');
  });

  it('GIVEN words Porter conflates ("permissive", "permissions") THEN they stay apart', () => {
    expect(lightStem('permissive')).not.toBe(lightStem('permissions'));
  });
});

describe('editDistance', () => {
  it('GIVEN an adjacent transposition THEN it counts as one edit', () => {
    expect(editDistance('circut', 'circuit', 2)).toBe(1);
    expect(editDistance('adoptoin', 'adoption', 2)).toBe(1);
  });

  it('GIVEN words further apart than max THEN it gives up with max + 1', () => {
    expect(editDistance('kafka', 'istio', 2)).toBe(3);
  });
});

describe('WordNet synonyms', () => {
  it('GIVEN a word WordNet knows THEN lemmas sharing its common senses come back', () => {
    expect(synonyms('restrict')).toContain('limit');
  });

  it('GIVEN a made-up word THEN there are none', () => {
    expect(synonyms('zzqxv')).toEqual([]);
  });
});
