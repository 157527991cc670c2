import { hostname } from 'node:os';
import type { Repositories, SchedulerLeader, Store } from '../ports/index.js';
import { createSqliteAnswers } from './answers.js';
import { createSqliteChannelBanks } from './channel-banks.js';
import { createSqliteConsoleTranscript } from './console-transcript.js';
import { createSqliteDeliveries } from './deliveries.js';
import { createSqliteDigests } from './digests.js';
import { createSqliteInsights } from './insights.js';
import { createSqliteLearning } from './learning.js';
import { createSqliteLookupEvidence } from './lookup-evidence.js';
import { createSqliteLookupLog } from './lookup-log.js';
import { migrate, readMigrations, schemaVersion } from './migrate.js';
import { openDatabase, type Db } from './open-database.js';
import { createSqlitePeople } from './people.js';
import { createSqliteReports } from './reports.js';
import { createSqliteRounds } from './rounds.js';
import { createSqliteSchedules } from './schedules.js';
import { createSqliteSequences } from './sequences.js';
import { asAsync } from './synchronous.js';
import { TransactionGate } from './transaction-gate.js';

/** Opens (creating if needed) the SQLite database, brings its schema up to date and builds the store. */
export function openSqliteStore(path: string, nowMs = 0): Store {
  const db = openDatabase(path);
  try {
    migrate(db, undefined, nowMs);
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStore(db, path);
}

/**
 * The store over an open, migrated SQLite database. Every process on one file leads the
 * scheduler: SQLite serialises writers, and each round's slot is claimed once whatever
 * the number of processes (docs/design.md, "Replicas").
 */
export function createSqliteStore(db: Db, location: string): Store {
  const gate = new TransactionGate(db);
  const repositories = (run: <R>(call: () => R) => Promise<R>): Repositories => ({
    lookups: asAsync(createSqliteLookupLog(db), run),
    lookupEvidence: asAsync(createSqliteLookupEvidence(db), run),
    people: asAsync(
      createSqlitePeople(db, (fn) => gate.afterCommit(fn)),
      run,
    ),
    schedules: asAsync(createSqliteSchedules(db), run),
    rounds: asAsync(createSqliteRounds(db), run),
    answers: asAsync(createSqliteAnswers(db), run),
    learning: asAsync(createSqliteLearning(db), run),
    sequences: asAsync(createSqliteSequences(db), run),
    reports: asAsync(createSqliteReports(db), run),
    consoleTranscript: asAsync(createSqliteConsoleTranscript(db), run),
    deliveries: asAsync(createSqliteDeliveries(db), run),
    channelBanks: asAsync(createSqliteChannelBanks(db), run),
    digests: asAsync(createSqliteDigests(db), run),
    insights: asAsync(createSqliteInsights(db), run),
  });
  const outside = repositories((call) => gate.run(call));
  const latest = readMigrations().at(-1)?.version ?? 0;
  const probe = db.prepare('SELECT 1');
  const leader: SchedulerLeader = {
    replicaId: `${hostname()}:${process.pid}`,
    tryLead: async () => true,
    isLeading: () => true,
    release: async () => {},
  };
  const store: Store = {
    ...outside,
    // Inside a transaction the gate runs the same repositories at once (same async context).
    transaction: (fn) => gate.transaction(() => fn(store)),
    kind: 'sqlite',
    location,
    leader,
    health: () =>
      gate
        .run(() => {
          probe.get();
          // Writable, not just readable: a full disk or a read-only file must fail readiness.
          db.prepare('BEGIN IMMEDIATE').run();
          db.prepare('ROLLBACK').run();
          return { reachable: true, migrated: schemaVersion(db) >= latest };
        })
        .catch(() => ({ reachable: false, migrated: false })),
    backup: async (path) => {
      await db.backup(path);
    },
    close: async () => {
      db.close();
    },
  };
  return store;
}
