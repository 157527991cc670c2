import { boundedCache } from '../bounded-cache.js';

/**
 * Wraps a pure function with a small least-recently-used cache. Clicks in a burst ask
 * for the same few answers (this week's key, a round's close time) thousands of times;
 * the cache keeps the `limit` most recent, so memory stays bounded.
 */
export function memoize<A extends unknown[], R extends {}>(limit: number, keyOf: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
  const cache = boundedCache<string, R>(limit);
  return (...args: A): R => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(...args);
    cache.set(key, value);
    return value;
  };
}
