import { migrate } from './migrate.js';
import { openDatabase, type Db } from './open-database.js';
import type { LookupLog } from './ports.js';
import type { Answers, Learning, People, Rounds, Schedules, Sequences } from './quiz-ports.js';
import { createSqliteAnswers } from './sqlite-answers.js';
import { createSqliteLearning } from './sqlite-learning.js';
import { createSqliteLookupLog } from './sqlite-lookup-log.js';
import { createSqliteReports, type Reports } from './sqlite-reports.js';
import { createSqliteConsoleTranscript } from './sqlite-console-transcript.js';
import { immediateTransactions } from './immediate-transaction.js';
import type { ConsoleTranscript } from './transcript-ports.js';
import { createSqlitePeople } from './sqlite-people.js';
import { createSqliteRounds } from './sqlite-rounds.js';
import { createSqliteSchedules } from './sqlite-schedules.js';
import { createSqliteSequences } from './sqlite-sequences.js';

/** Every repository the core uses, over one database. */
export interface Store {
  lookups: LookupLog;
  people: People;
  schedules: Schedules;
  rounds: Rounds;
  answers: Answers;
  learning: Learning;
  sequences: Sequences;
  reports: Reports;
  /** The console adapter's messages, kept across restarts. */
  consoleTranscript: ConsoleTranscript;
  /** Copies the live database to a file, consistently, while the bot keeps running. */
  backup(path: string): Promise<void>;
  /** Runs `fn` in one transaction (nested calls join it): all of its writes, or none. */
  transaction<T>(fn: () => T): T;
  /** Where the data lives, for start-up messages. */
  readonly location: string;
  /** Whether the database accepts a write right now (readiness checks). */
  isWritable(): boolean;
  close(): void;
}

/** Opens the database, brings its schema up to date and builds the repositories. */
export function openStore(path: string, nowMs = 0): Store {
  const db = openDatabase(path);
  try {
    migrate(db, undefined, nowMs);
  } catch (error) {
    db.close();
    throw error;
  }
  return createStore(db, path);
}

export function createStore(db: Db, location: string): Store {
  const probe = db.prepare('SELECT 1');
  return {
    lookups: createSqliteLookupLog(db),
    people: createSqlitePeople(db),
    schedules: createSqliteSchedules(db),
    rounds: createSqliteRounds(db),
    answers: createSqliteAnswers(db),
    learning: createSqliteLearning(db),
    sequences: createSqliteSequences(db),
    reports: createSqliteReports(db),
    consoleTranscript: createSqliteConsoleTranscript(db),
    backup: async (path) => {
      await db.backup(path);
    },
    transaction: immediateTransactions(db),
    location,
    isWritable: () => {
      try {
        probe.get();
        db.prepare('BEGIN IMMEDIATE').run();
        db.prepare('ROLLBACK').run();
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.close(),
  };
}
