import type { ChannelBanks } from './channel-banks.js';
import type { ConsoleTranscript } from './console.js';
import type { LookupEvidence } from './lookup-evidence.js';
import type { Digests } from './digests.js';
import type { Insights } from './insights.js';
import type { LookupLog } from './lookups.js';
import type { Answers, Learning, People, Rounds, Schedules } from './quiz.js';
import type { Reports } from './reports.js';

/** Named counters that survive restarts. */
export interface Sequences {
  /** The next value of the named counter (1, 2, 3, ...). */
  next(name: string): Promise<number>;
}

/**
 * Platform deliveries already taken on, shared by every replica: a delivery the platform
 * repeats (a Slack retry landing on another process) runs once. See docs/design.md,
 * "Replicas".
 */
export interface Deliveries {
  /** Takes a delivery on; false if this or another replica took it before. */
  claim(key: string, nowMs: number): Promise<boolean>;
  /** Keeps the reply the first run gave (JSON), so a repeat is answered the same way. */
  saveReply(key: string, reply: string): Promise<void>;
  /** The reply of a delivery whose first run has finished; null while it runs (or if unknown). */
  reply(key: string): Promise<string | null>;
  /** Forgets deliveries taken before `beforeMs` (platforms repeat within minutes); returns how many. */
  prune(beforeMs: number): Promise<number>;
}

/** Every repository, over one database. */
export interface Repositories {
  lookups: LookupLog;
  /** People's picks after lookups: what the lookup learns from. */
  lookupEvidence: LookupEvidence;
  people: People;
  schedules: Schedules;
  rounds: Rounds;
  answers: Answers;
  learning: Learning;
  sequences: Sequences;
  reports: Reports;
  /** The console adapter's messages, kept across restarts. */
  consoleTranscript: ConsoleTranscript;
  deliveries: Deliveries;
  /** Which banks each channel uses. */
  channelBanks: ChannelBanks;
  /** Weekly digests: settings, claims and posts. */
  digests: Digests;
  /** Read models for the dashboard, the digest and each person's page. */
  insights: Insights;
}

/** Runs work in one database transaction. */
export interface Transactor<R = Repositories> {
  /**
   * Runs `fn` in one transaction: all of its writes, or none. `fn` must use the
   * repositories it is given (they are bound to the transaction), and must not wait on
   * anything but them: no platform calls inside. Inside `fn`, `transaction` joins the
   * transaction already open.
   */
  transaction<T>(fn: (tx: R & Transactor<R>) => Promise<T>): Promise<T>;
}

/**
 * What a use case sees of the store: only the repositories it names, plus transactions
 * over them. The whole store and a transaction's repositories both fit.
 */
export type StoreView<K extends keyof Repositories> = Pick<Repositories, K> & Transactor<Pick<Repositories, K>>;

/**
 * Who runs the scheduler. With several processes on one database exactly one of them
 * ticks; the others wait to take over. See docs/design.md, "Replicas".
 */
export interface SchedulerLeader {
  /** This process's name in logs and metrics (host and pid). */
  readonly replicaId: string;
  /**
   * Takes the lead if nobody holds it, or confirms this process still holds it. Never
   * throws: a database that cannot be reached means not leading.
   */
  tryLead(): Promise<boolean>;
  /** Whether the last `tryLead` found this process leading. */
  isLeading(): boolean;
  /** Gives the lead up (graceful stop), so another replica takes over at once. */
  release(): Promise<void>;
}

/** How the database is doing, for readiness checks. */
export interface StoreHealth {
  /** A query went through. */
  reachable: boolean;
  /** Every migration this build knows is applied. */
  migrated: boolean;
}

/** The store: repositories and transactions over one database (SQLite file or PostgreSQL). */
export interface Store extends Repositories, Transactor {
  /** Which implementation this is. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for start-up messages (no password). */
  readonly location: string;
  /** The scheduler's leader election. */
  readonly leader: SchedulerLeader;
  /** Reachable and migrated? Never throws. */
  health(): Promise<StoreHealth>;
  /**
   * Copies the live database to a file, consistently, while the bot keeps running; null
   * when the database has its own tools for that (PostgreSQL: pg_dump).
   */
  readonly backup: ((path: string) => Promise<void>) | null;
  /** Closes connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
