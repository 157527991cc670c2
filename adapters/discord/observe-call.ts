/**
 * Times one outbound Discord call and reports it to the PlatformCallObserver: `ok`, the
 * HTTP status of a refused call, or `error` (network, timeout, library); and reports the
 * rate limits discord.js's REST queue waits out.
 */
import { performance } from 'node:perf_hooks';
import { RESTEvents, type REST } from 'discord.js';
import type { Logger } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';

/** The HTTP status behind a discord.js error, if there is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Runs `call`, reporting its outcome and duration under `method`; rethrows failures unchanged. */
export async function observed<T>(observer: PlatformCallObserver, method: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    observer.call('discord', method, 'ok', performance.now() - started);
    return result;
  } catch (error) {
    observer.call('discord', method, String(statusOf(error) ?? 'error'), performance.now() - started);
    throw error;
  }
}

/** Reports 429s and queued requests of a discord.js REST instance (both modes use one). */
export function observeRateLimits(rest: REST, observer: PlatformCallObserver, logger: Logger): void {
  // A 429 is waited out and sent again by discord.js's queue: count it as the platform's retry, add none.
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    observer.retry('discord', request.route, 'rate_limited');
    logger.warn({ route: request.route, method: request.method, retryAfter: response.headers.get('retry-after') }, 'Discord rate limit (429): discord.js waits and sends the request again');
  });
  // A request held back because its bucket is known to be empty: a wait, not a failure.
  rest.on(RESTEvents.RateLimited, (info) => {
    logger.info({ route: info.route, method: info.method, waitMs: info.timeToReset, scope: info.scope }, 'Discord rate limit: request queued until the bucket resets');
  });
}
