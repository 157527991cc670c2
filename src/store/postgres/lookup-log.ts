import type { Gap, LoggedLookup, LookupLog, UnhelpfulAnswer } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgLookupLog(ctx: PgContext): LookupLog {
  return {
    record: async (row) => {
      // A repeated delivery finds its first row instead of adding one.
      const { rows } = await ctx.conn.query<{ id: number }>({
        name: 'lookups-record',
        text: `WITH ins AS (
            INSERT INTO lookups (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms, delivery_key, ref)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id)
          SELECT id FROM ins UNION ALL SELECT id FROM lookups WHERE delivery_key = $10 LIMIT 1`,
        values: [row.platform, row.workspaceId, row.channelId, row.userId, row.query, row.topEntryId, row.answered, row.confidence, row.atMs, row.deliveryKey ?? null, row.ref ?? null],
      });
      return rows[0]!.id;
    },
    recordMany: async (rows) => {
      if (rows.length === 0) return;
      // One statement for the batch: each column as an array, unnested into rows.
      const column = <T>(pick: (r: (typeof rows)[number]) => T): T[] => rows.map(pick);
      await ctx.conn.query(
        `INSERT INTO lookups (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms, delivery_key, ref)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::float8[], $9::bigint[], $10::text[], $11::text[])
         ON CONFLICT DO NOTHING`,
        [
          column((r) => r.platform),
          column((r) => r.workspaceId),
          column((r) => r.channelId),
          column((r) => r.userId),
          column((r) => r.query),
          column((r) => r.topEntryId),
          column((r) => r.answered),
          column((r) => r.confidence),
          column((r) => r.atMs),
          column((r) => r.deliveryKey ?? null),
          column((r) => r.ref ?? null),
        ],
      );
    },
    gaps: async (sinceMs, limit) =>
      (
        await ctx.conn.query<Gap>(
          `SELECT q AS query, count(*)::int AS count, max(at_ms) AS "lastAtMs",
             (array_agg(top_entry_id ORDER BY at_ms DESC))[1] AS "closestEntryId"
           FROM (SELECT lower(btrim(query)) AS q, at_ms, top_entry_id FROM lookups WHERE NOT answered AND at_ms >= $1) l
           GROUP BY q ORDER BY count DESC, "lastAtMs" DESC LIMIT $2`,
          [sinceMs, limit],
        )
      ).rows,
    byRef: async (lookupRef) =>
      (await ctx.conn.query<LoggedLookup>('SELECT query, top_entry_id AS "topEntryId", answered FROM lookups WHERE ref = $1', [lookupRef])).rows[0] ?? null,
    vote: async (lookupRef, userId, helpful, atMs) => {
      const { rowCount } = await ctx.conn.query(
        `INSERT INTO lookup_votes (lookup_id, user_id, helpful, at_ms) SELECT id, $2, $3, $4 FROM lookups WHERE ref = $1
         ON CONFLICT (lookup_id, user_id) DO UPDATE SET helpful = EXCLUDED.helpful, at_ms = EXCLUDED.at_ms
         WHERE EXCLUDED.at_ms >= lookup_votes.at_ms`,
        [lookupRef, userId, helpful, atMs],
      );
      return (rowCount ?? 0) > 0;
    },
    unhelpful: async (sinceMs, limit) =>
      (
        await ctx.conn.query<UnhelpfulAnswer>(
          `SELECT lower(btrim(l.query)) AS query, l.top_entry_id AS "entryId", count(*)::int AS votes, max(v.at_ms) AS "lastAtMs"
           FROM lookup_votes v JOIN lookups l ON l.id = v.lookup_id
           WHERE NOT v.helpful AND v.at_ms >= $1 AND l.top_entry_id IS NOT NULL
           GROUP BY lower(btrim(l.query)), l.top_entry_id ORDER BY votes DESC, "lastAtMs" DESC LIMIT $2`,
          [sinceMs, limit],
        )
      ).rows,
    count: async () =>
      (await ctx.conn.query<{ total: number; answered: number }>('SELECT count(*)::int AS total, count(*) FILTER (WHERE answered)::int AS answered FROM lookups')).rows[0] ?? {
        total: 0,
        answered: 0,
      },
  };
}
