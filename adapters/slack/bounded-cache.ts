/**
 * A small map with a size cap and per-entry expiry: the adapter's only memory
 * (people it looked up, deliveries it has seen). Bounded so a busy workspace or a
 * flood of deliveries can never grow it without limit; losing it on restart is fine.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; expiresMs: number }>();

  /**
   * @param maxEntries most entries kept; the oldest inserted go first
   * @param ttlMs how long an entry lives unless `set` says otherwise
   * @param now the time source (ms), injectable for tests
   */
  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live value under `key`, if any (an expired one is dropped). */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresMs <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value`, replacing any earlier one, and evicts the oldest entries over the cap. */
  set(key: string, value: V, ttlMs: number = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresMs: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Forgets `key`. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** How many entries are held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }
}
