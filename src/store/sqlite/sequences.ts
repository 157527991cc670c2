import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { Sequences } from '../ports/index.js';

export function createSqliteSequences(db: Db): Synchronous<Sequences> {
  const bump = db.prepare(`INSERT INTO sequences (name, value) VALUES (?, 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`).pluck();
  return { next: (name) => bump.get(name) as number };
}
