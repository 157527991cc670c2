/**
 * Wraps a pure function with a small cache. Clicks in a burst ask for the same few
 * answers (this week's key, a round's close time) thousands of times; the cache forgets
 * everything once it reaches `limit` entries, so memory stays bounded and hot keys
 * simply come back.
 */
export function memoize<A extends unknown[], R>(limit: number, keyOf: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(...args);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
