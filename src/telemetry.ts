import type { TickReport } from './schedule/tick-report.js';

/** What the core reports for metrics; adapters back it with Prometheus counters. */
export interface Telemetry {
  /** One lookup finished: whether it was answered and how long it took (seconds). */
  lookup(answered: boolean, seconds: number): void;
  /** One quiz or practice click, by outcome code (`quiz.recorded`, `quiz.already_answered`, ...). */
  answer(outcome: string): void;
  /** A round changed state outside the tick (a `post` command). */
  round(event: 'opened' | 'closed' | 'missed' | 'post_failed'): void;
  /** One scheduler tick finished: what it did and how long it took (seconds). */
  tick(report: TickReport, seconds: number): void;
  /** A request refused by a per-person rate limit. */
  rateLimited(kind: 'lookup' | 'answer'): void;
}

/** Telemetry that records nothing (tests, the console). */
export const noTelemetry: Telemetry = {
  lookup: () => {},
  answer: () => {},
  round: () => {},
  tick: () => {},
  rateLimited: () => {},
};
