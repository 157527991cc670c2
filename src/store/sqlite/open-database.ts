import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BotError } from '../../errors.js';

/** The database handle type the store's repositories share. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite database with the settings the bot relies on:
 * WAL so readers never block the writer, foreign keys enforced, and a busy timeout so a
 * second process (a CLI export, a backup) waits instead of failing.
 */
export function openDatabase(path: string): Db {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    // Takes effect only on a new, empty database. A quiz click changes a few bytes on each
    // of about a dozen pages, and WAL writes (and later checkpoints) whole pages: half-size
    // pages halve that traffic, while reads stay as fast (see `npm run bench`).
    db.pragma('page_size = 2048');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // With NORMAL, only checkpoints fsync; the commit that crosses the threshold pays for
    // one. A quiz click writes about a dozen pages, so the default (1,000 pages) made every
    // ~90th click wait on the disk. 10,000 pages (20 MB of WAL) checkpoints ten times less
    // often, and hot pages (scores, indexes) are copied once per checkpoint, not per click.
    db.pragma('wal_autocheckpoint = 10000');
    return db;
  } catch (cause) {
    throw new BotError('store.failed', `cannot open the database at "${path}" (set DATABASE_PATH to a writable file)`, { cause });
  }
}
