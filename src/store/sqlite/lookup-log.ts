import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { Gap, LoggedLookup, LookupLog, LookupRecord, UnhelpfulAnswer } from '../ports/index.js';

export function createSqliteLookupLog(db: Db): Synchronous<LookupLog> {
  const insert = db.prepare(`INSERT INTO lookups
    (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms, delivery_key, ref)
    VALUES (@platform, @workspaceId, @channelId, @userId, @query, @topEntryId, @answered, @confidence, @atMs, @deliveryKey, @ref)
    ON CONFLICT DO NOTHING`);
  const byDelivery = db.prepare('SELECT id FROM lookups WHERE delivery_key = ?').pluck();
  const gaps = db.prepare(`SELECT lower(trim(query)) AS query, count(*) AS count, max(at_ms) AS lastAtMs,
      (SELECT top_entry_id FROM lookups l2 WHERE lower(trim(l2.query)) = lower(trim(l.query)) ORDER BY at_ms DESC LIMIT 1) AS closestEntryId
    FROM lookups l WHERE answered = 0 AND at_ms >= ? GROUP BY lower(trim(query))
    ORDER BY count DESC, lastAtMs DESC LIMIT ?`);
  const byRef = db.prepare('SELECT id FROM lookups WHERE ref = ?').pluck();
  const logged = db.prepare('SELECT query, top_entry_id AS topEntryId, answered FROM lookups WHERE ref = ?');
  const vote = db.prepare(`INSERT INTO lookup_votes (lookup_id, user_id, helpful, at_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT (lookup_id, user_id) DO UPDATE SET helpful = excluded.helpful, at_ms = excluded.at_ms
    WHERE excluded.at_ms >= lookup_votes.at_ms`);
  const unhelpful = db.prepare(`SELECT lower(trim(l.query)) AS query, l.top_entry_id AS entryId, count(*) AS votes, max(v.at_ms) AS lastAtMs
    FROM lookup_votes v JOIN lookups l ON l.id = v.lookup_id
    WHERE v.helpful = 0 AND v.at_ms >= ? AND l.top_entry_id IS NOT NULL
    GROUP BY lower(trim(l.query)), l.top_entry_id ORDER BY votes DESC, lastAtMs DESC LIMIT ?`);
  const count = db.prepare('SELECT count(*) AS total, coalesce(sum(answered), 0) AS answered FROM lookups');
  const insertRow = (row: LookupRecord): { changes: number; lastInsertRowid: number | bigint } =>
    insert.run({ ...row, answered: row.answered ? 1 : 0, deliveryKey: row.deliveryKey ?? null, ref: row.ref ?? null });
  const insertMany = db.transaction((rows: LookupRecord[]) => {
    for (const row of rows) insertRow(row);
  });
  return {
    recordMany: (rows) => {
      insertMany.immediate(rows);
    },
    record: (row: LookupRecord) => {
      const result = insertRow(row);
      return result.changes > 0 ? Number(result.lastInsertRowid) : (byDelivery.get(row.deliveryKey) as number);
    },
    gaps: (sinceMs, limit) => gaps.all(sinceMs, limit) as Gap[],
    count: () => count.get() as { total: number; answered: number },
    byRef: (lookupRef) => {
      const row = logged.get(lookupRef) as (Omit<LoggedLookup, 'answered'> & { answered: number }) | undefined;
      return row ? { ...row, answered: row.answered === 1 } : null;
    },
    vote: (lookupRef, userId, helpful, atMs) => {
      const lookupId = byRef.get(lookupRef) as number | undefined;
      if (lookupId === undefined) return false;
      vote.run(lookupId, userId, helpful ? 1 : 0, atMs);
      return true;
    },
    unhelpful: (sinceMs, limit) => unhelpful.all(sinceMs, limit) as UnhelpfulAnswer[],
  };
}
