import type { Db } from './open-database.js';
import type { Gap, LookupLog, LookupRecord } from './ports.js';

export function createSqliteLookupLog(db: Db): LookupLog {
  const insert = db.prepare(`INSERT INTO lookups
    (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms)
    VALUES (@platform, @workspaceId, @channelId, @userId, @query, @topEntryId, @answered, @confidence, @atMs)`);
  const gaps = db.prepare(`SELECT lower(trim(query)) AS query, count(*) AS count, max(at_ms) AS lastAtMs,
      (SELECT top_entry_id FROM lookups l2 WHERE lower(trim(l2.query)) = lower(trim(l.query)) ORDER BY at_ms DESC LIMIT 1) AS closestEntryId
    FROM lookups l WHERE answered = 0 AND at_ms >= ? GROUP BY lower(trim(query))
    ORDER BY count DESC, lastAtMs DESC LIMIT ?`);
  const count = db.prepare('SELECT count(*) AS total, coalesce(sum(answered), 0) AS answered FROM lookups');
  return {
    record: (row: LookupRecord) => Number(insert.run({ ...row, answered: row.answered ? 1 : 0 }).lastInsertRowid),
    gaps: (sinceMs, limit) => gaps.all(sinceMs, limit) as Gap[],
    count: () => count.get() as { total: number; answered: number },
  };
}
