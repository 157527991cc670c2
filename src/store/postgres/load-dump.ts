import type pg from 'pg';
import { BotError } from '../../errors.js';
import { withTransaction } from './connection.js';

/** A table's rows to load, as `dumpTables` on the SQLite side produces them. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** Columns SQLite keeps as 0/1 that PostgreSQL keeps as booleans. */
const BOOLEANS: Readonly<Record<string, readonly string[]>> = {
  lookups: ['answered'],
  lookup_votes: ['helpful'],
  rounds: ['revealed'],
  answers: ['correct'],
  attempts: ['correct'],
  digest_schedules: ['enabled'],
};

/** Tables whose ids PostgreSQL generates: copied ids need OVERRIDING, then the sequence moved past them. */
const IDENTITY = new Set(['lookups', 'channels', 'users', 'rounds', 'answers', 'attempts', 'practice', 'digests']);

const BATCH = 500;

/**
 * Loads a copied database into an empty, migrated PostgreSQL database in one
 * transaction: all of it or nothing. Refuses a database that already has data.
 * Returns the number of rows per table.
 */
export async function loadDump(pool: pg.Pool, tables: readonly TableRows[]): Promise<Record<string, number>> {
  return withTransaction(pool, async (client) => {
    for (const check of ['channels', 'users', 'lookups', 'rounds']) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${check}`);
      if ((rows[0]?.n ?? 0) > 0) throw new BotError('store.failed', `the PostgreSQL database already has data (table ${check}): copy into an empty database`);
    }
    const counts: Record<string, number> = {};
    for (const { table, columns, rows } of tables) {
      const flags = BOOLEANS[table] ?? [];
      const asBool = columns.map((c) => flags.includes(c));
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((row) => {
          const placeholders = row.map((v, i) => {
            values.push(asBool[i] ? v === 1 || v === true : v);
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        const overriding = IDENTITY.has(table) ? ' OVERRIDING SYSTEM VALUE' : '';
        await client.query(`INSERT INTO ${table} (${columns.join(', ')})${overriding} VALUES ${tuples.join(', ')}`, values);
      }
      counts[table] = rows.length;
      if (IDENTITY.has(table)) await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), greatest((SELECT max(id) FROM ${table}), 1), (SELECT max(id) FROM ${table}) IS NOT NULL)`);
      if (table === 'console_messages') await client.query(`SELECT setval(pg_get_serial_sequence('console_messages', 'seq'), greatest((SELECT max(seq) FROM console_messages), 1), (SELECT max(seq) FROM console_messages) IS NOT NULL)`);
    }
    // SQLite gave the first-correct bonus to the earliest correct answer; PostgreSQL keeps who in a table of its own.
    await client.query(`INSERT INTO round_first_correct (round_id, user_key)
      SELECT DISTINCT ON (round_id) round_id, user_key FROM answers WHERE correct ORDER BY round_id, id`);
    return counts;
  });
}
