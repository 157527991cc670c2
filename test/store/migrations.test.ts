import { writeFileSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, openDatabase, openSqliteStore, readMigrations, schemaVersion } from '../../src/index.js';
import { tempDir } from '../helpers/fixtures.js';

describe('migrations', () => {
  it('bring a new database to the latest version and record each one once', async () => {
    const db = openDatabase(':memory:');
    const all = readMigrations();
    expect(migrate(db)).toEqual(all.map((m) => m.version));
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
    expect(migrate(db)).toEqual([]);
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(rows).toHaveLength(all.length);
  });

  it('upgrade a database created by an older version in place, keeping its data', async () => {
    const dir = tempDir();
    const oldDir = join(dir, 'old-migrations');
    mkdirSync(oldDir);
    copyFileSync(join(MIGRATIONS_DIR, '001_lookups.sql'), join(oldDir, '001_lookups.sql'));
    const path = join(dir, 'bot.db');
    const old = openDatabase(path);
    migrate(old, readMigrations(oldDir));
    old.prepare("INSERT INTO lookups (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms) VALUES ('console','w','c','u','kafka',NULL,0,0,1)").run();
    old.close();

    const store = openSqliteStore(path);
    expect((await store.lookups.count())).toEqual({ total: 1, answered: 0 });
    await store.close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(readMigrations().at(-1)!.version);
    db.close();
  });

  it('roll back a failing migration entirely and name it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/migration 2_broken failed/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='b'").all();
    expect(tables).toEqual([]);
  });

  it('refuse a database from a newer build', async () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (999, 'future', 0)").run();
    expect(() => migrate(db)).toThrow(/schema version 999/);
  });

  it('ship migrations numbered without gaps, for SQLite and for PostgreSQL', async () => {
    const numbers = (dir: string): number[] => readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => Number(f.split('_')[0]));
    for (const dir of [MIGRATIONS_DIR, join(MIGRATIONS_DIR, 'postgres')]) {
      const versions = [...new Set(numbers(dir))].sort((a, b) => a - b);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
  });

  // Branches developed side by side reserve their numbers up front (one may ship 007 before
  // another ships 006), so a gap is allowed; a repeated or unparseable number is not.
  it('ship migrations with distinct numbers, every .sql file named NNN_name', async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
    expect(files.every((f) => /^\d{3}_[\w-]+\.sql$/.test(f))).toBe(true);
    const versions = files.map((f) => Number(f.split('_')[0]));
    expect(new Set(versions).size).toBe(versions.length);
    expect(readMigrations().map((m) => m.version)).toEqual([...versions].sort((a, b) => a - b));
  });

  it('GIVEN a database migrated past a gap WHEN the migration for the gap ships later THEN it is applied, once', async () => {
    const dir = tempDir();
    const all = readMigrations();
    const last = all.at(-1)!;
    const withGap = [...all.slice(0, -1), { ...last, version: last.version + 2 }];
    const db = openDatabase(join(dir, 'gap.db'));
    expect(migrate(db, withGap)).toContain(last.version + 2);
    const late = { version: last.version + 1, name: 'late', sql: 'CREATE TABLE late_arrival (id INTEGER PRIMARY KEY);' };
    expect(migrate(db, [...withGap.slice(0, -1), late, withGap.at(-1)!])).toEqual([last.version + 1]);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'late_arrival'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('open the database with WAL, foreign keys and a busy timeout', async () => {
    const db = openDatabase(join(tempDir(), 'x.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });
});
