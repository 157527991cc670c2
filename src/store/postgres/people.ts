import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../../bounded-cache.js';
import type { People } from '../ports/index.js';
import type { PgContext } from './connection.js';

/** Keys and names seen by this process; keys never change, names are refreshed on sight. */
export interface PeopleCache {
  users: LRUCache<string, { key: number; name: string }>;
  channels: LRUCache<string, number>;
}

/** How many channels and people each cache keeps: the most recently seen ones. */
const CACHE_LIMIT = 50_000;

export function createPeopleCache(): PeopleCache {
  return { users: boundedCache(CACHE_LIMIT), channels: boundedCache(CACHE_LIMIT) };
}

export function createPgPeople(ctx: PgContext, cache: PeopleCache): People {
  const remember = <V extends {}>(cache: LRUCache<string, V>, key: string, value: V): void => ctx.afterCommit(() => cache.set(key, value));
  return {
    async channelKey(ref) {
      const cacheKey = `${ref.platform}\u0000${ref.workspaceId}\u0000${ref.channelId}`;
      const cached = cache.channels.get(cacheKey);
      if (cached !== undefined) return cached;
      // DO UPDATE (a no-op) so RETURNING gives the id whether the row is new or not.
      const { rows } = await ctx.conn.query<{ id: number }>({
        name: 'people-channel-key',
        text: `INSERT INTO channels (platform, workspace_id, channel_id) VALUES ($1, $2, $3)
          ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET platform = EXCLUDED.platform RETURNING id`,
        values: [ref.platform, ref.workspaceId, ref.channelId],
      });
      const key = rows[0]!.id;
      remember(cache.channels, cacheKey, key);
      return key;
    },
    async userKey(ref) {
      const cacheKey = `${ref.platform}\u0000${ref.workspaceId}\u0000${ref.userId}`;
      const cached = cache.users.get(cacheKey);
      if (cached && cached.name === ref.userName) return cached.key;
      const { rows } = await ctx.conn.query<{ id: number }>({
        name: 'people-user-key',
        text: `INSERT INTO users (platform, workspace_id, user_id, display_name) VALUES ($1, $2, $3, $4)
          ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
        values: [ref.platform, ref.workspaceId, ref.userId, ref.userName],
      });
      const key = rows[0]!.id;
      remember(cache.users, cacheKey, { key, name: ref.userName });
      return key;
    },
    async findUser(platform, workspaceId, userId) {
      const { rows } = await ctx.conn.query<{ key: number; name: string }>(
        'SELECT id AS key, display_name AS name FROM users WHERE platform = $1 AND workspace_id = $2 AND user_id = $3',
        [platform, workspaceId, userId],
      );
      return rows[0];
    },
    async displayName(userKey) {
      const { rows } = await ctx.conn.query<{ name: string }>('SELECT display_name AS name FROM users WHERE id = $1', [userKey]);
      return rows[0]?.name ?? `user ${userKey}`;
    },
  };
}
