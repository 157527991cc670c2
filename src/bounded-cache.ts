import { LRUCache } from 'lru-cache';

/**
 * A least-recently-used cache that holds at most `limit` entries.
 *
 * lru-cache allocates its storage for `max` entries when the cache is created (about 24
 * bytes each, so a 100,000-entry bound costs 2.4 MB before the first entry), and the
 * process keeps a dozen such caches, several per bank lookup. Giving the bound as a size
 * of one per entry keeps the same eviction while storage grows only as entries arrive;
 * this is most of the difference between start-up memory and a bare Bolt app's (see
 * docs/design.md, "Replies first").
 */
export function boundedCache<K extends {}, V extends {}>(limit: number): LRUCache<K, V> {
  return new LRUCache<K, V>({ maxSize: limit, sizeCalculation: oneEach });
}

function oneEach(): number {
  return 1;
}
