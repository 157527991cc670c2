/**
 * PostgreSQL for the benches: BENCH_DATABASE_URL (or TEST_DATABASE_URL) when set, else an
 * embedded server started once for the whole `npm run bench` run and stopped at its end.
 * Each bench gets a fresh database on it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createBot, loadBanks, ManualClock, openStore, seededRandom, silentLogger, type Bot, type Store } from '../src/index.js';
import { databaseUrl, startTestPostgres, type TestPostgres } from '../test/helpers/embedded-postgres.js';
import { noopChat } from './quiz-fixtures.js';

let server: Promise<TestPostgres> | null = null;

/** The bench's PostgreSQL server (started on first use). */
export function benchPostgres(): Promise<TestPostgres> {
  server ??= startTestPostgres({ TEST_DATABASE_URL: process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] });
  return server;
}

/** Stops the embedded server, if one was started. */
export async function stopBenchPostgres(): Promise<void> {
  if (server) await (await server).stop();
  server = null;
}

/** A new empty database on the bench server; returns its URL and a function that drops it. */
export async function freshBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = (await benchPostgres()).url;
  const name = `meshbot_bench_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return {
    url: databaseUrl(admin, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface PgBenchDb {
  url: string;
  /** A raw pool, for bulk loading what the bench needs (never used to measure). */
  pool: pg.Pool;
  store: Store;
  bot: Bot;
  clock: ManualClock;
  dispose(): Promise<void>;
}

/** A migrated PostgreSQL store with production settings (pool of 10) and a bot over the seed bank. */
export async function pgBenchDb(startIso: string, rateLimits?: { answersPerMinute?: number; lookupsPerMinute?: number }): Promise<PgBenchDb> {
  const { url, drop } = await freshBenchDatabase();
  const store = await openStore({ kind: 'postgres', url, poolSize: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 60_000, ignoredPath: null }, { nowMs: Date.parse(startIso), logger: silentLogger });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const clock = new ManualClock(new Date(startIso));
  const bot = createBot({ banks: loadBanks('data/banks'), store, clock, chat: noopChat, random: seededRandom(1), ...(rateLimits ? { rateLimits } : {}) });
  return {
    url,
    pool,
    store,
    bot,
    clock,
    dispose: async () => {
      await store.close();
      await pool.end();
      await drop();
    },
  };
}
