import type { ChannelBanks } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgChannelBanks(ctx: PgContext): ChannelBanks {
  return {
    async get(channelKey) {
      const { rows } = await ctx.conn.query<{ slug: string; updatedBy: string; updatedMs: number }>({
        name: 'channel-banks-get',
        text: 'SELECT slug, updated_by AS "updatedBy", updated_ms AS "updatedMs" FROM channel_banks WHERE channel_key = $1 ORDER BY position',
        values: [channelKey],
      });
      if (rows.length === 0) return undefined;
      return { slugs: rows.map((r) => r.slug), updatedBy: rows[0]!.updatedBy, updatedMs: rows[0]!.updatedMs };
    },
    async set(channelKey, slugs, updatedBy, nowMs) {
      const distinct = [...new Set(slugs)];
      // One choice replaces the other whole: readers never see half of each. Two admins
      // choosing at once take turns on the channel's row, so the second replaces the first.
      await ctx.atomic(async (conn) => {
        await conn.query('SELECT id FROM channels WHERE id = $1 FOR UPDATE', [channelKey]);
        await conn.query('DELETE FROM channel_banks WHERE channel_key = $1', [channelKey]);
        await conn.query(
          `INSERT INTO channel_banks (channel_key, slug, position, updated_by, updated_ms)
           SELECT $1, slug, position - 1, $3, $4 FROM unnest($2::text[]) WITH ORDINALITY AS chosen (slug, position)`,
          [channelKey, distinct, updatedBy, nowMs],
        );
      });
    },
    async clear(channelKey) {
      return ((await ctx.conn.query('DELETE FROM channel_banks WHERE channel_key = $1', [channelKey])).rowCount ?? 0) > 0;
    },
  };
}
