import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotError } from '../errors.js';

/** The SQLite migrations shipped with the code (`migrations/` at the repository root); PostgreSQL's are in its `postgres/` folder. */
export const MIGRATIONS_DIR = findMigrations(dirname(fileURLToPath(import.meta.url)));

/**
 * The `migrations/` folder beside the package.json above this file: the sources run from
 * src/store/ (tsx), the production build from dist/src/store/, and both find the same one.
 */
function findMigrations(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return join(dir, 'migrations');
  }
  throw new BotError('store.migration_failed', `no migrations/ folder found above ${from}: the package is incomplete`);
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNN_name.sql` files in version order; a duplicate version is a packaging bug. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => /^(\d+)_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, m[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new BotError('store.migration_failed', `two migrations share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

