import { BotError } from '../../errors.js';
import { readMigrations, type Migration } from '../migration-files.js';

export { readMigrations, MIGRATIONS_DIR, type Migration } from '../migration-files.js';
import type { Db } from './open-database.js';

/**
 * Applies every migration the database has not seen, each once and inside its own
 * transaction, recording it in `schema_migrations`. Returns the versions applied.
 * A database newer than the code is refused rather than silently misread.
 */
export function migrate(db: Db, migrations: Migration[] = readMigrations(), nowMs: number = 0): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_ms INTEGER NOT NULL
  )`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new BotError('store.migration_failed', `the database is at schema version ${newest} but this build knows only up to ${latest}: upgrade meshbot or use another DATABASE_PATH`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.version, m.name, nowMs);
      })();
    } catch (cause) {
      throw new BotError('store.migration_failed', `migration ${m.version}_${m.name} failed`, { cause });
    }
    done.push(m.version);
  }
  return done;
}

/** The highest schema version applied to the database (0 for a new one). */
export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}
