import pg from 'pg';
import type { DatabaseConfig } from '../../config/config.js';

/** What a repository sends statements through: the pool, or one transaction's client. */
export interface Conn {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Where a repository runs: outside a transaction (statements go to the pool; several
 * statements that must stay together get a transaction of their own), or inside one.
 */
export interface PgContext {
  conn: Conn;
  /** Runs `fn` atomically: in the transaction already open, or in a new one. */
  atomic<T>(fn: (conn: Conn) => Promise<T>): Promise<T>;
  /** Runs `fn` once the data it describes is committed (caches must never hold rolled-back keys). */
  afterCommit(fn: () => void): void;
  /** True inside a transaction: reads of a round then hold it against a concurrent close. */
  readonly inTransaction: boolean;
}

/** PostgreSQL's 64-bit integers and numerics as JavaScript numbers: ids and epoch ms fit in 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** The connection pool, with the sizes and timeouts from the configuration. */
export function createPool(config: Extract<DatabaseConfig, { kind: 'postgres' }>): pg.Pool {
  return new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'meshbot',
    types,
  });
}

/** A single connection with the same settings as the pool's (leader lock, migrations). */
export function createClient(config: Extract<DatabaseConfig, { kind: 'postgres' }>): pg.Client {
  return new pg.Client({
    connectionString: config.url,
    connectionTimeoutMillis: config.connectTimeoutMs,
    // A half-open connection must fail the lead check in bounded time, not hang it.
    query_timeout: config.connectTimeoutMs,
    keepAlive: true,
    application_name: 'meshbot-leader',
    types,
  });
}

/** Runs `fn` inside BEGIN ... COMMIT on one pooled client; rolls back if it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A client whose rollback failed has a broken connection: destroy it rather than reuse it.
    client.release(broken);
  }
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
