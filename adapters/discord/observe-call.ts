/**
 * Times one outbound Discord call and reports it to the PlatformCallObserver: `ok`, the
 * HTTP status of a refused call, or `error` (network, timeout, library).
 */
import { performance } from 'node:perf_hooks';
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
