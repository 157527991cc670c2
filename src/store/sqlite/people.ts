import type { Synchronous } from './synchronous.js';
import { boundedCache } from '../../bounded-cache.js';
import type { ChannelRef } from '../../chat-port.js';
import type { Db } from './open-database.js';
import type { People, PersonRef } from '../ports/index.js';

/** `afterCommit` delays caching a key until the row is committed (see TransactionGate). */
/** How many channels and people each cache keeps: the most recently seen ones. */
const CACHE_LIMIT = 50_000;

export function createSqlitePeople(db: Db, afterCommit: (fn: () => void) => void = (fn) => fn()): Synchronous<People> {
  const findChannel = db.prepare('SELECT id FROM channels WHERE platform = ? AND workspace_id = ? AND channel_id = ?').pluck();
  // DO NOTHING, then read back: another process may insert the same channel or person first.
  const insertChannel = db.prepare('INSERT INTO channels (platform, workspace_id, channel_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const findUser = db.prepare('SELECT id AS key, display_name AS name FROM users WHERE platform = ? AND workspace_id = ? AND user_id = ?');
  const insertUser = db.prepare('INSERT INTO users (platform, workspace_id, user_id, display_name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const rename = db.prepare('UPDATE users SET display_name = ? WHERE id = ?');
  const nameOf = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  // Names and keys never change once seen (renames update both), so a small cache saves
  // a query on every click.
  const userCache = boundedCache<string, { key: number; name: string }>(CACHE_LIMIT);
  const channelCache = boundedCache<string, number>(CACHE_LIMIT);

  return {
    channelKey(ref: ChannelRef): number {
      const cacheKey = `${ref.platform}\u0000${ref.workspaceId}\u0000${ref.channelId}`;
      const cached = channelCache.get(cacheKey);
      if (cached !== undefined) return cached;
      let key = findChannel.get(ref.platform, ref.workspaceId, ref.channelId) as number | undefined;
      if (key === undefined) {
        insertChannel.run(ref.platform, ref.workspaceId, ref.channelId);
        key = findChannel.get(ref.platform, ref.workspaceId, ref.channelId) as number;
      }
      afterCommit(() => channelCache.set(cacheKey, key));
      return key;
    },
    userKey(ref: PersonRef): number {
      const cacheKey = `${ref.platform}\u0000${ref.workspaceId}\u0000${ref.userId}`;
      const cached = userCache.get(cacheKey);
      if (cached && cached.name === ref.userName) return cached.key;
      let found = findUser.get(ref.platform, ref.workspaceId, ref.userId) as { key: number; name: string } | undefined;
      if (!found) {
        insertUser.run(ref.platform, ref.workspaceId, ref.userId, ref.userName);
        found = findUser.get(ref.platform, ref.workspaceId, ref.userId) as { key: number; name: string };
      }
      const key = found.key;
      if (found.name !== ref.userName) rename.run(ref.userName, key);
      afterCommit(() => userCache.set(cacheKey, { key, name: ref.userName }));
      return key;
    },
    findUser(platform: string, workspaceId: string, userId: string) {
      return findUser.get(platform, workspaceId, userId) as { key: number; name: string } | undefined;
    },
    displayName(userKey: number): string {
      return (nameOf.get(userKey) as string | undefined) ?? `user ${userKey}`;
    },
  };
}
