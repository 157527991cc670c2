import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BotError } from '../errors.js';

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
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (cause) {
    throw new BotError('store.failed', `cannot open the database at "${path}" (set DATABASE_PATH to a writable file)`, { cause });
  }
}
