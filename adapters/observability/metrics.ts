import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Platform, Telemetry, TickReport } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';

/** Prometheus metrics for the running bot; one object backs both core telemetry and platform calls. */
export interface Metrics extends Telemetry, PlatformCallObserver {
  readonly registry: Registry;
  /** The text exposition format for GET /metrics. */
  render(): Promise<string>;
  /** Seconds since the last tick finished (a stuck tick shows as a growing number). */
  markTickAt(ms: number): void;
  /** Whether this replica runs the scheduler (1) or waits to take over (0). */
  markLeader(replica: string, leading: boolean): void;
  /** The live banks after a load or reload (version, fingerprint, problem count), and what the reload did. */
  markBanks(banks: { version: number; fingerprint: string; problems: number }, outcome: 'loaded' | 'swapped' | 'unchanged' | 'failed'): void;
}

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'meshbot_' });
  const lookups = new Counter({ name: 'meshbot_lookups_total', help: 'Lookups by result', labelNames: ['result'] as const, registers: [registry] });
  const lookupSeconds = new Histogram({
    name: 'meshbot_lookup_duration_seconds',
    help: 'Time to answer a lookup',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [registry],
  });
  const answers = new Counter({ name: 'meshbot_answers_total', help: 'Quiz and practice clicks by outcome', labelNames: ['outcome'] as const, registers: [registry] });
  const rounds = new Counter({ name: 'meshbot_rounds_total', help: 'Rounds by event (opened, closed, missed, post_failed)', labelNames: ['event'] as const, registers: [registry] });
  const digests = new Counter({ name: 'meshbot_digests_total', help: 'Weekly digests by event (posted, missed, post_failed)', labelNames: ['event'] as const, registers: [registry] });
  const tickSeconds = new Histogram({
    name: 'meshbot_tick_duration_seconds',
    help: 'Scheduler tick duration',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const lastTick = new Gauge({ name: 'meshbot_last_tick_timestamp_seconds', help: 'When the last scheduler tick finished (unix seconds)', registers: [registry] });
  const calls = new Counter({ name: 'meshbot_platform_calls_total', help: 'Platform API calls by platform, method and outcome', labelNames: ['platform', 'method', 'outcome'] as const, registers: [registry] });
  const callSeconds = new Histogram({
    name: 'meshbot_platform_call_duration_seconds',
    help: 'Platform API call latency',
    labelNames: ['platform', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const retries = new Counter({ name: 'meshbot_platform_retries_total', help: 'Platform API retries by reason', labelNames: ['platform', 'method', 'reason'] as const, registers: [registry] });
  const leader = new Gauge({
    name: 'meshbot_scheduler_leader',
    help: 'Whether this replica runs the scheduler (1) or stands by (0); sum over replicas should be 1',
    labelNames: ['replica'] as const,
    registers: [registry],
  });
  const banksVersion = new Gauge({ name: 'meshbot_banks_version', help: 'Version of the live banks (1 at start-up, +1 per reload that changed a bank)', registers: [registry] });
  const banksLive = new Gauge({
    name: 'meshbot_banks_info',
    help: 'Which banks are live, as a fingerprint of their files (1); replicas on the same BANKS_DIR show the same one',
    labelNames: ['fingerprint'] as const,
    registers: [registry],
  });
  const bankProblems = new Gauge({ name: 'meshbot_bank_problems', help: 'Bank files that failed validation (their previous version, if any, stays live)', registers: [registry] });
  const bankReloads = new Counter({ name: 'meshbot_bank_reloads_total', help: 'Bank loads and reloads by outcome (loaded, swapped, unchanged, failed)', labelNames: ['outcome'] as const, registers: [registry] });
  const limited = new Counter({ name: 'meshbot_rate_limited_total', help: 'Requests refused by per-person rate limits', labelNames: ['kind'] as const, registers: [registry] });

  return {
    registry,
    render: () => registry.metrics(),
    markTickAt: (ms) => lastTick.set(ms / 1000),
    markLeader: (replica, leading) => leader.set({ replica }, leading ? 1 : 0),
    markBanks: (banks, outcome) => {
      banksVersion.set(banks.version);
      banksLive.reset();
      banksLive.set({ fingerprint: banks.fingerprint }, 1);
      bankProblems.set(banks.problems);
      bankReloads.inc({ outcome });
    },
    lookup: (answered, seconds) => {
      lookups.inc({ result: answered ? 'answered' : 'no_match' });
      lookupSeconds.observe(seconds);
    },
    answer: (outcome) => answers.inc({ outcome }),
    round: (event) => rounds.inc({ event }),
    tick: (report: TickReport, seconds: number) => {
      tickSeconds.observe(seconds);
      if (report.opened) rounds.inc({ event: 'opened' }, report.opened);
      if (report.closed) rounds.inc({ event: 'closed' }, report.closed);
      if (report.missed) rounds.inc({ event: 'missed' }, report.missed);
      if (report.failed) rounds.inc({ event: 'post_failed' }, report.failed);
      if (report.digests?.posted) digests.inc({ event: 'posted' }, report.digests.posted);
      if (report.digests?.missed) digests.inc({ event: 'missed' }, report.digests.missed);
      if (report.digests?.failed) digests.inc({ event: 'post_failed' }, report.digests.failed);
    },
    rateLimited: (kind) => limited.inc({ kind }),
    call: (platform: Platform, method: string, outcome: string, ms: number) => {
      calls.inc({ platform, method, outcome });
      callSeconds.observe({ platform, method }, ms / 1000);
    },
    retry: (platform: Platform, method: string, reason: string) => retries.inc({ platform, method, reason }),
  };
}
