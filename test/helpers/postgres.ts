import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openStore, silentLogger, type DatabaseConfig, type Store } from '../../src/index.js';
import { databaseUrl } from './embedded-postgres.js';

const created: string[] = [];

afterAll(async () => {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});

/** A new, empty database on the test server (dropped after the file's tests); returns its URL. */
export async function freshDatabase(): Promise<string> {
  const name = `meshbot_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  return databaseUrl(inject('postgresUrl'), name);
}

/** The store settings for a test database. */
export function postgresConfig(url: string, poolSize = 10): Extract<DatabaseConfig, { kind: 'postgres' }> {
  return { kind: 'postgres', url, poolSize, connectTimeoutMs: 5_000, statementTimeoutMs: 10_000, ignoredPath: null };
}

/** A migrated PostgreSQL store on a fresh database. */
export async function freshPostgresStore(nowMs = 0): Promise<Store> {
  return openStore(postgresConfig(await freshDatabase()), { nowMs, logger: silentLogger });
}
