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

/** Rows are sent in slices of this many: one parameter array stays far below PostgreSQL's message limit. */
const LOAD_SLICE = 50_000;

/**
 * Runs a bulk `INSERT ... SELECT ... FROM unnest($1, $2, ...)` with each column array
 * (parameter $1, $2, ... in order, all the same length) in slices of rows.
 */
export async function insertColumns(pool: pg.Pool, sql: string, columns: readonly (readonly unknown[])[]): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (let i = 0; i < rows; i += LOAD_SLICE) await pool.query(sql, columns.map((column) => column.slice(i, i + LOAD_SLICE)));
}

/** One row of the scores table, as the benches generate it. */
export interface ScoreRow {
  scope: string;
  period: string;
  userKey: number;
  points: number;
  correct: number;
  answered: number;
  last: number;
}

/** Loads scores rows in bulk. */
export function insertScores(pool: pg.Pool, rows: readonly ScoreRow[]): Promise<void> {
  return insertColumns(
    pool,
    `INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::int[], $7::bigint[])`,
    [rows.map((x) => x.scope), rows.map((x) => x.period), rows.map((x) => x.userKey), rows.map((x) => x.points), rows.map((x) => x.correct), rows.map((x) => x.answered), rows.map((x) => x.last)],
  );
}
