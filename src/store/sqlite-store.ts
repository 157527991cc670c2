import { migrate } from './migrate.js';
import { openDatabase, type Db } from './open-database.js';
import type { LookupLog } from './ports.js';
import { createSqliteLookupLog } from './sqlite-lookup-log.js';

/** Every repository the core uses, over one database. */
export interface Store {
  lookups: LookupLog;
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
