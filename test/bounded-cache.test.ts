import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { boundedCache } from '../src/bounded-cache.js';

describe('boundedCache', () => {
  it('keeps at most its limit, evicting the least recently used entry', () => {
    const cache = boundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect([...cache.keys()].sort()).toEqual(['a', 'c']);
    expect(cache.size).toBe(2);
  });

  it('allocates storage as entries arrive, not for the whole limit up front', () => {
    const cache = boundedCache<string, number>(100_000);
    expect(LRUCache.unsafeExposeInternals(cache).keyList.length).toBe(0);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(LRUCache.unsafeExposeInternals(cache).keyList.length).toBe(10);
    // The plain `max` form this replaces holds the full limit from the start.
    expect(LRUCache.unsafeExposeInternals(new LRUCache<string, number>({ max: 100_000 })).keyList.length).toBe(100_000);
  });
});
