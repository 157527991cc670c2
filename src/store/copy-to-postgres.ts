import type { DatabaseConfig } from '../config/config.js';
import { BotError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { dumpTables } from './sqlite/dump.js';
import { migrate } from './sqlite/migrate.js';
import { openDatabase } from './sqlite/open-database.js';

/**
 * Moves an existing SQLite database to PostgreSQL (`cli migrate-to-postgres`): brings the
 * SQLite file to the latest schema, migrates the PostgreSQL database, then copies every
 * row in one transaction. The target must be empty; the SQLite file is left as it was
 * (apart from pending migrations). Returns rows copied per table.
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  target: Extract<DatabaseConfig, { kind: 'postgres' }>,
  options: { nowMs: number; logger?: Logger },
): Promise<Record<string, number>> {
  const db = openDatabase(sqlitePath);
  let tables;
  try {
    migrate(db, undefined, options.nowMs);
    tables = dumpTables(db);
  } finally {
    db.close();
  }
  // node-postgres is loaded only for this command.
  const [{ createPool, redactedUrl }, { loadDump }, { migratePostgres }] = await Promise.all([
    import('./postgres/connection.js'),
    import('./postgres/load-dump.js'),
    import('./postgres/migrate.js'),
  ]);
  const pool = createPool(target);
  try {
    await migratePostgres(pool, { nowMs: options.nowMs, logger: options.logger ?? silentLogger });
    return await loadDump(pool, tables);
  } catch (error) {
    if (error instanceof BotError) throw error;
    throw new BotError('store.failed', `copying to PostgreSQL at ${redactedUrl(target.url)} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    await pool.end();
  }
}
