import type { Deliveries } from '../ports/index.js';
import type { Db } from './open-database.js';
import type { Synchronous } from './synchronous.js';

export function createSqliteDeliveries(db: Db): Synchronous<Deliveries> {
  const claim = db.prepare('INSERT INTO deliveries (key, taken_ms) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const saveReply = db.prepare('UPDATE deliveries SET reply = ? WHERE key = ?');
  const reply = db.prepare('SELECT reply FROM deliveries WHERE key = ?').pluck();
  const prune = db.prepare('DELETE FROM deliveries WHERE taken_ms < ?');
  return {
    claim: (key, nowMs) => claim.run(key, nowMs).changes > 0,
    saveReply: (key, json) => {
      saveReply.run(json, key);
    },
    reply: (key) => (reply.get(key) as string | null | undefined) ?? null,
    prune: (beforeMs) => prune.run(beforeMs).changes,
  };
}
