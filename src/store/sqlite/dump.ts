import type { Db } from './open-database.js';

/** One table's rows as plain values, for copying the database elsewhere. */
export interface TableDump {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** Tables in an order where every row's references come before it. */
export const TABLES_IN_ORDER = [
  'channels',
  'users',
  'lookups',
  'lookup_votes',
  'lookup_picks',
  'schedules',
  'rounds',
  'round_tallies',
  'answers',
  'scores',
  'streaks',
  'attempts',
  'cards',
  'practice',
  'sequences',
  'console_messages',
  'deliveries',
  'channel_banks',
  'digest_schedules',
  'digests',
] as const;

/**
 * Reads every table of a SQLite store (read-only, in one snapshot), in reference order.
 * Rows are arrays in `columns` order; values are as SQLite holds them (0/1 for booleans).
 */
export function dumpTables(db: Db): TableDump[] {
  return db.transaction(() =>
    TABLES_IN_ORDER.map((table) => {
      const statement = db.prepare(`SELECT * FROM ${table}`).raw(true);
      const columns = statement.columns().map((c) => c.name);
      return { table, columns, rows: statement.all() as unknown[][] };
    }),
  )();
}
