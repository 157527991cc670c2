/**
 * When to retry a Slack Web API call, and how long to wait: pure functions, so the
 * policy is tested without a network or a clock.
 */

/** How hard one call tries before it gives up and rejects. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Backoff before the first retry (doubled each time, then jittered). */
  baseDelayMs: number;
  /** The longest single backoff. */
  maxDelayMs: number;
  /** The whole call, waits included, never takes longer than this; a longer wait rejects at once. */
  budgetMs: number;
}

/**
 * Defaults for calls the core makes from its tick (rounds, reveals): a few tries over
 * at most 30 s; after that the call rejects and the core tries again at the next tick.
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({ attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, budgetMs: 30_000 });

/** What a failed attempt means for the next one. */
export type Failure =
  | { kind: 'rate_limited'; retryAfterMs: number; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; reason: string };

/** Slack platform errors (`ok: false`) that say "try again later" rather than "you are wrong". */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

interface WebApiErrorShape {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  original?: { message?: unknown };
  message?: unknown;
}

/**
 * Classifies an error thrown by @slack/web-api's WebClient (configured with
 * `rejectRateLimitedCalls` and no retries of its own): 429 with Retry-After, network
 * failures and 5xx are worth retrying; Slack's `ok: false` answers mostly are not.
 */
export function classifyFailure(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as WebApiErrorShape;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter) ? Math.max(0, e.retryAfter) : 1;
      return { kind: 'rate_limited', retryAfterMs: seconds * 1000, reason: `rate limited (Retry-After ${seconds}s)` };
    }
    case 'slack_webapi_request_error': {
      // fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND, a timeout) is its cause.
      const cause = (e.original as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
      const detail = cause?.code ?? cause?.message ?? e.original?.message ?? e.message ?? 'network error';
      return { kind: 'transient', reason: `request failed (${String(detail)})` };
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      const kind = status >= 500 || status === 408 ? 'transient' : 'permanent';
      return { kind, reason: `HTTP ${status}` };
    }
    case 'slack_webapi_platform_error': {
      const slackError = String(e.data?.error ?? 'unknown_error');
      return { kind: TRANSIENT_PLATFORM_ERRORS.has(slackError) ? 'transient' : 'permanent', reason: slackError };
    }
    default:
      return { kind: 'permanent', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The wait before retry number `retry` (1 for the first): exponential, capped, with
 * "equal jitter" (half fixed, half random) so many callers failing together spread out
 * instead of retrying in step, yet none retries at once.
 */
export function backoffMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
