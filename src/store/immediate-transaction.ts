import type { Db } from './open-database.js';

/**
 * `Store.transaction`: runs `fn` inside BEGIN IMMEDIATE, or inside a savepoint when a
 * transaction is already open. IMMEDIATE takes the write lock up front: a transaction that
 * reads, then writes, would otherwise fail with SQLITE_BUSY when another process wrote in
 * between (WAL snapshots). The statements are prepared once, because building a
 * better-sqlite3 transaction wrapper on every click costs more than the BEGIN itself.
 */
export function immediateTransactions(db: Db): <T>(fn: () => T) => T {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  return <T>(fn: () => T): T => {
    if (db.inTransaction) return db.transaction(fn)();
    begin.run();
    try {
      const result = fn();
      commit.run();
      return result;
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    }
  };
}
