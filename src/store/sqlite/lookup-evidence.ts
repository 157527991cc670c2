import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { EvidenceRow, LookupEvidence } from '../ports/index.js';

/** People's picks after lookups (migrations/008_lookup_picks.sql), and the evidence they and the votes make. */
export function createSqliteLookupEvidence(db: Db): Synchronous<LookupEvidence> {
  const pick = db.prepare(`INSERT INTO lookup_picks (lookup_ref, user_id, entry_id, at_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT (lookup_ref, user_id, entry_id) DO UPDATE SET at_ms = max(lookup_picks.at_ms, excluded.at_ms)`);
  // Which kind a pick is depends on its lookup (answered or not) and on the picker's own
  // vote on it, whichever came first; both are read here, when evidence is loaded.
  const evidence = db.prepare(`SELECT query, entryId, platform, workspaceId, userId, kind, atMs FROM (
      SELECT l.query AS query, p.entry_id AS entryId, l.platform AS platform, l.workspace_id AS workspaceId, p.user_id AS userId,
        CASE WHEN l.answered = 0 THEN 'after_no_match'
             WHEN EXISTS (SELECT 1 FROM lookup_votes v WHERE v.lookup_id = l.id AND v.user_id = p.user_id AND v.helpful = 0) THEN 'after_unhelpful'
             ELSE 'beside_answer' END AS kind,
        p.at_ms AS atMs
      FROM lookup_picks p JOIN lookups l ON l.ref = p.lookup_ref
      WHERE p.at_ms >= @since AND (l.answered = 0 OR l.top_entry_id IS NULL OR p.entry_id <> l.top_entry_id)
      UNION ALL
      SELECT l.query, l.top_entry_id, l.platform, l.workspace_id, v.user_id,
        CASE WHEN v.helpful = 1 THEN 'helpful' ELSE 'unhelpful' END, v.at_ms
      FROM lookup_votes v JOIN lookups l ON l.id = v.lookup_id
      WHERE v.at_ms >= @since AND l.answered = 1 AND l.top_entry_id IS NOT NULL
    ) ORDER BY atMs DESC, entryId, userId LIMIT @limit`);
  return {
    pick: (lookupRef, userId, entryId, atMs) => {
      pick.run(lookupRef, userId, entryId, atMs);
    },
    evidence: (sinceMs, limit) => evidence.all({ since: sinceMs, limit }) as EvidenceRow[],
  };
}
