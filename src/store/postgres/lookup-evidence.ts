import type { EvidenceRow, LookupEvidence } from '../ports/index.js';
import type { PgContext } from './connection.js';

/** People's picks after lookups (migrations/postgres/005_lookup_picks.sql), and the evidence they and the votes make. */
export function createPgLookupEvidence(ctx: PgContext): LookupEvidence {
  return {
    pick: async (lookupRef, userId, entryId, atMs) => {
      await ctx.conn.query({
        name: 'lookup-picks-pick',
        text: `INSERT INTO lookup_picks (lookup_ref, user_id, entry_id, at_ms) VALUES ($1, $2, $3, $4)
          ON CONFLICT (lookup_ref, user_id, entry_id) DO UPDATE SET at_ms = GREATEST(lookup_picks.at_ms, EXCLUDED.at_ms)`,
        values: [lookupRef, userId, entryId, atMs],
      });
    },
    // As on SQLite: a pick's kind comes from its lookup and the picker's own vote on it.
    evidence: async (sinceMs, limit) =>
      (
        await ctx.conn.query<EvidenceRow>({
          name: 'lookup-evidence',
          text: `SELECT query, "entryId", platform, "workspaceId", "userId", kind, "atMs" FROM (
              SELECT l.query, p.entry_id AS "entryId", l.platform, l.workspace_id AS "workspaceId", p.user_id AS "userId",
                CASE WHEN NOT l.answered THEN 'after_no_match'
                     WHEN EXISTS (SELECT 1 FROM lookup_votes v WHERE v.lookup_id = l.id AND v.user_id = p.user_id AND NOT v.helpful) THEN 'after_unhelpful'
                     ELSE 'beside_answer' END AS kind,
                p.at_ms AS "atMs"
              FROM lookup_picks p JOIN lookups l ON l.ref = p.lookup_ref
              WHERE p.at_ms >= $1 AND (NOT l.answered OR l.top_entry_id IS NULL OR p.entry_id <> l.top_entry_id)
              UNION ALL
              SELECT l.query, l.top_entry_id, l.platform, l.workspace_id, v.user_id,
                CASE WHEN v.helpful THEN 'helpful' ELSE 'unhelpful' END, v.at_ms
              FROM lookup_votes v JOIN lookups l ON l.id = v.lookup_id
              WHERE v.at_ms >= $1 AND l.answered AND l.top_entry_id IS NOT NULL
            ) e ORDER BY "atMs" DESC, "entryId" COLLATE "C", "userId" COLLATE "C" LIMIT $2`,
          values: [sinceMs, limit],
        })
      ).rows,
  };
}
