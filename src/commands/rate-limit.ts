import { boundedCache } from '../bounded-cache.js';

/** Per-person request budgets: how many of each kind fit in a rolling minute. */
export interface RateLimits {
  lookupsPerMinute: number;
  answersPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ lookupsPerMinute: 30, answersPerMinute: 60 });

const WINDOW_MS = 60_000;
/** Beyond this many tracked people, idle ones are forgotten first; memory stays bounded. */
const MAX_TRACKED = 50_000;

/**
 * A sliding-window limiter (timestamps of recent requests per key). In memory on
 * purpose: a budget that resets on restart loses nothing anyone cares about, and with
 * replicas each keeps its own (docs/design.md, "Replicas").
 */
export class RateLimiter {
  // The most recently active people; idle ones are forgotten first, so memory stays bounded.
  private readonly recent = boundedCache<string, number[]>(MAX_TRACKED);

  constructor(private readonly perMinute: number) {}

  /** Counts a request at `nowMs`; false when the key has used its budget for the last minute. */
  allow(key: string, nowMs: number): boolean {
    if (this.perMinute <= 0) return true;
    const since = nowMs - WINDOW_MS;
    const times = (this.recent.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.perMinute) {
      this.recent.set(key, times);
      return false;
    }
    times.push(nowMs);
    this.recent.set(key, times);
    return true;
  }
}
