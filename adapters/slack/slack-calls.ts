import type { Logger } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import { backoffMs, classifyFailure, DEFAULT_RETRY_POLICY, type Failure, type RetryPolicy } from './retry-policy.js';

/** The one WebClient method the adapter uses: every call goes through `SlackCalls.call`. */
export interface ApiClient {
  apiCall(method: string, options?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Time, waiting and chance, injectable so tests can see a wait without sitting through it. */
export interface CallTiming {
  /** A monotonic clock in ms. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal`'s reason if the adapter stops first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A number in [0, 1) for jitter. */
  random(): number;
}

/** Real time: performance.now(), setTimeout and Math.random. */
export const realTiming: CallTiming = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }),
  random: Math.random,
};

/** After a call gives up on a transient failure, calls in this window try once: no retry storms in an outage. */
const DEGRADED_WINDOW_MS = 30_000;

/** Options of SlackCalls. */
export interface SlackCallsOptions {
  /** Overrides of DEFAULT_RETRY_POLICY. */
  policy?: Partial<RetryPolicy>;
  /** Told of every attempt (method, outcome, duration) and every retry (metrics). */
  observer: PlatformCallObserver;
  /** Retries are logged as warnings. */
  logger: Logger;
  /** Overrides of realTiming (tests). */
  timing?: Partial<CallTiming>;
}

/**
 * Every Web API call the adapter makes, with one retry policy: a 429 pauses that
 * method for Retry-After (other calls to it wait too), network failures and 5xx are
 * retried with jittered backoff, all inside a time budget; Slack's "you are wrong"
 * answers are not retried. Each attempt and retry is reported to the observer.
 *
 * Why not @slack/web-api's own `retryConfig` and rate-limit handling (the WebClient is
 * built with `retries: 0` and `rejectRateLimitedCalls`): its retries (p-retry) cannot be
 * cancelled from outside, so a stop would wait out a backoff or a 429's Retry-After of up
 * to minutes instead of rejecting at once (the core retries after the restart); they
 * report no reason per retry, which the retry metric needs; and a 429 pauses only the
 * call that got it, where Slack's limit is per method, so the next round's post would hit
 * it again. The budget and the switch to a single attempt while Slack is failing (degraded)
 * are ours too.
 */
export class SlackCalls {
  private readonly policy: RetryPolicy;
  private readonly timing: CallTiming;
  private readonly stopping = new AbortController();
  /** Per method: until when Slack asked us to wait, and the 429 that said so. */
  private readonly paused = new Map<string, { untilMs: number; error: unknown }>();
  private degradedUntilMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly client: ApiClient,
    private readonly options: SlackCallsOptions,
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.timing = { ...realTiming, ...options.timing };
  }

  /**
   * Calls `method` and resolves with Slack's answer, or rejects with the last error
   * once retrying is pointless or the budget is spent. `overrides` tighten the policy
   * for calls on a person's request path.
   */
  async call(method: string, args: Record<string, unknown>, overrides: Partial<RetryPolicy> = {}): Promise<Record<string, unknown>> {
    if (this.closed) throw this.stopping.signal.reason;
    const policy = { ...this.policy, ...overrides };
    const { timing, options } = this;
    const deadline = timing.now() + policy.budgetMs;
    const attempts = timing.now() < this.degradedUntilMs ? 1 : Math.max(1, policy.attempts);
    for (let attempt = 1; ; attempt++) {
      await this.waitOutRateLimit(method, deadline);
      const started = timing.now();
      try {
        const result = await this.client.apiCall(method, args);
        options.observer.call('slack', method, 'ok', timing.now() - started);
        this.degradedUntilMs = Number.NEGATIVE_INFINITY;
        return result;
      } catch (error) {
        const failure = classifyFailure(error);
        options.observer.call('slack', method, outcomeLabel(failure, error), timing.now() - started);
        const waitMs = this.nextWait(method, failure, error, attempt, policy);
        if (waitMs === null || attempt >= attempts || timing.now() + waitMs > deadline) {
          if (failure.kind === 'transient') this.degradedUntilMs = timing.now() + DEGRADED_WINDOW_MS;
          throw error;
        }
        options.observer.retry('slack', method, failure.kind);
        options.logger.warn({ method, attempt, waitMs: Math.round(waitMs), reason: failure.reason }, 'Slack call failed; retrying');
        if (failure.kind !== 'rate_limited') await timing.sleep(waitMs, this.stopping.signal);
      }
    }
  }

  /** Stops every wait in progress (their calls reject) and refuses new retries. */
  close(): void {
    this.stopping.abort(new Error('the Slack adapter is stopping'));
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.stopping.signal.aborted;
  }

  /** The wait before the next attempt, or null when the failure is not worth retrying. */
  private nextWait(method: string, failure: Failure, error: unknown, attempt: number, policy: RetryPolicy): number | null {
    if (this.stopping.signal.aborted) return null;
    switch (failure.kind) {
      case 'permanent':
        return null;
      case 'rate_limited':
        this.paused.set(method, { untilMs: this.timing.now() + failure.retryAfterMs, error });
        return failure.retryAfterMs;
      case 'transient':
        return backoffMs(attempt, policy, this.timing.random);
    }
  }

  /** Waits while Slack asked this method to pause; rejects at once if the pause outlasts the budget. */
  private async waitOutRateLimit(method: string, deadline: number): Promise<void> {
    const pause = this.paused.get(method);
    if (!pause) return;
    const now = this.timing.now();
    if (pause.untilMs <= now) {
      this.paused.delete(method);
      return;
    }
    if (pause.untilMs > deadline) throw pause.error;
    await this.timing.sleep(pause.untilMs - now, this.stopping.signal);
  }
}

/** The observer's outcome: `429`, an HTTP status, or `error` for Slack's own `ok: false`. */
function outcomeLabel(failure: Failure, error: unknown): string {
  if (failure.kind === 'rate_limited') return '429';
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? String(status) : 'error';
}
