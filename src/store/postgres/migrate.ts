import { join } from 'node:path';
import type pg from 'pg';
import { BotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { MIGRATIONS_DIR, readMigrations, type Migration } from '../migration-files.js';
import { LOCKS } from './locks.js';

/** PostgreSQL's migrations (`migrations/postgres/`), numbered apart from SQLite's. */
export const POSTGRES_MIGRATIONS_DIR = join(MIGRATIONS_DIR, 'postgres');

/**
 * Applies every migration the database has not seen, each once and inside its own
 * transaction, under an advisory lock: replicas that start together wait for the first
 * one, then find nothing left to do. Returns the versions this call applied. A database
 * newer than the code is refused rather than silently misread.
 */
export async function migratePostgres(pool: pg.Pool, options: { nowMs: number; logger: Logger; migrations?: Migration[] }): Promise<number[]> {
  const migrations = options.migrations ?? readMigrations(POSTGRES_MIGRATIONS_DIR);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', LOCKS.migrations);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL,
        applied_ms BIGINT  NOT NULL
      )`);
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const latest = migrations.at(-1)?.version ?? 0;
      const newest = Math.max(0, ...applied);
      if (newest > latest) {
        throw new BotError('store.migration_failed', `the database is at schema version ${newest} but this build knows only up to ${latest}: upgrade meshbot or use another DATABASE_URL`);
      }
      const done: number[] = [];
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_ms) VALUES ($1, $2, $3)', [m.version, m.name, options.nowMs]);
          await client.query('COMMIT');
        } catch (cause) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new BotError('store.migration_failed', `migration postgres/${m.version}_${m.name} failed`, { cause });
        }
        options.logger.info({ version: m.version, name: m.name }, 'database migration applied');
        done.push(m.version);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', LOCKS.migrations).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** The highest schema version applied (0 for a new database). */
export async function postgresSchemaVersion(conn: Pick<pg.Pool, 'query'>): Promise<number> {
  const { rows } = await conn.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
