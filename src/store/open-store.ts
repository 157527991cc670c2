import type { DatabaseConfig } from '../config/config.js';
import { silentLogger, type Logger } from '../logger.js';
import type { Store } from './ports/index.js';
import { openSqliteStore } from './sqlite/store.js';

/**
 * Opens the configured store, migrated and ready: the SQLite file (the embedded default)
 * or PostgreSQL when DATABASE_URL is set (docs/design.md, "Store").
 */
export async function openStore(database: DatabaseConfig, options: { nowMs: number; logger?: Logger }): Promise<Store> {
  if (database.kind === 'postgres') {
    // node-postgres is loaded only when it is configured.
    const { openPostgresStore } = await import('./postgres/store.js');
    return openPostgresStore(database, { nowMs: options.nowMs, logger: options.logger ?? silentLogger });
  }
  return openSqliteStore(database.path, options.nowMs);
}
