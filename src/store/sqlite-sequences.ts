import type { Db } from './open-database.js';
import type { Sequences } from './quiz-ports.js';

export function createSqliteSequences(db: Db): Sequences {
  const bump = db.prepare(`INSERT INTO sequences (name, value) VALUES (?, 1)
    ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`).pluck();
  return { next: (name) => bump.get(name) as number };
}
