import type pg from 'pg';
import type { DatabaseConfig } from '../../config/config.js';
import { BotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Repositories, Store } from '../ports/index.js';
import { createPgAnswers } from './answers.js';
import { createPgChannelBanks } from './channel-banks.js';
import { createPgDigests } from './digests.js';
import { createPgInsights } from './insights.js';
import { createPool, redactedUrl, withTransaction, type Conn, type PgContext } from './connection.js';
import { createPgLeader } from './leader.js';
import { createPgLearning } from './learning.js';
import { createPgLookupEvidence } from './lookup-evidence.js';
import { createPgLookupLog } from './lookup-log.js';
import { migratePostgres, postgresSchemaVersion, POSTGRES_MIGRATIONS_DIR } from './migrate.js';
import { createPeopleCache, createPgPeople, type PeopleCache } from './people.js';
import { createPgReports } from './reports.js';
import { createPgRounds, createRoundCache, type RoundCache } from './rounds.js';
import { createPgSchedules } from './schedules.js';
import { createPgConsoleTranscript, createPgDeliveries, createPgSequences } from './small-repositories.js';
import { readMigrations } from '../migration-files.js';

type PostgresConfig = Extract<DatabaseConfig, { kind: 'postgres' }>;

interface Caches {
  people: PeopleCache;
  rounds: RoundCache;
}

function repositories(ctx: PgContext, caches: Caches): Repositories {
  return {
    lookups: createPgLookupLog(ctx),
    lookupEvidence: createPgLookupEvidence(ctx),
    people: createPgPeople(ctx, caches.people),
    schedules: createPgSchedules(ctx),
    rounds: createPgRounds(ctx, caches.rounds),
    answers: createPgAnswers(ctx),
    learning: createPgLearning(ctx),
    sequences: createPgSequences(ctx),
    reports: createPgReports(ctx),
    consoleTranscript: createPgConsoleTranscript(ctx),
    deliveries: createPgDeliveries(ctx),
    channelBanks: createPgChannelBanks(ctx),
    digests: createPgDigests(ctx),
    insights: createPgInsights(ctx),
  };
}

/**
 * Connects to PostgreSQL (DATABASE_URL), migrates under an advisory lock and builds the
 * store. Fails with a BotError naming DATABASE_URL when the server cannot be reached.
 */
export async function openPostgresStore(config: PostgresConfig, options: { nowMs: number; logger: Logger }): Promise<Store> {
  const pool = createPool(config);
  // An idle client's connection dying (a server restart) must not crash the process.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'an idle database connection failed'));
  try {
    await migratePostgres(pool, { nowMs: options.nowMs, logger: options.logger });
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof BotError) throw error;
    throw new BotError('store.failed', `cannot reach PostgreSQL at ${redactedUrl(config.url)}: ${(error as Error).message} (check DATABASE_URL)`, { cause: error });
  }
  return createPostgresStore(pool, config, options.logger);
}

/** The store over a migrated database. */
export function createPostgresStore(pool: pg.Pool, config: PostgresConfig, logger: Logger): Store {
  const caches: Caches = { people: createPeopleCache(), rounds: createRoundCache() };
  const outside: PgContext = {
    conn: pool,
    atomic: (fn) => withTransaction(pool, fn),
    afterCommit: (fn) => fn(),
    inTransaction: false,
  };
  const leader = createPgLeader(config, logger);
  const latest = readMigrations(POSTGRES_MIGRATIONS_DIR).at(-1)?.version ?? 0;

  const transaction: Store['transaction'] = (fn) =>
    withTransaction(pool, async (client) => {
      const pending: (() => void)[] = [];
      const inside: PgContext = {
        conn: client as Conn,
        atomic: (work) => work(client as Conn),
        afterCommit: (work) => pending.push(work),
        inTransaction: true,
      };
      const scope: Repositories & Pick<Store, 'transaction'> = { ...repositories(inside, caches), transaction: (work) => work(scope) };
      const result = await fn(scope);
      // withTransaction commits after this returns; the caches learn only after that.
      return { result, pending };
    }).then(({ result, pending }) => {
      for (const work of pending) work();
      return result;
    });

  return {
    ...repositories(outside, caches),
    transaction,
    kind: 'postgres',
    location: redactedUrl(config.url),
    leader,
    health: async () => {
      try {
        return { reachable: true, migrated: (await postgresSchemaVersion(pool)) >= latest };
      } catch {
        return { reachable: false, migrated: false };
      }
    },
    backup: null,
    close: async () => {
      await leader.release();
      await leader.close();
      await pool.end();
    },
  };
}
