import type { ChannelBankChoice, ChannelBanks } from '../ports/index.js';
import type { Db } from './open-database.js';
import type { Synchronous } from './synchronous.js';

export function createSqliteChannelBanks(db: Db): Synchronous<ChannelBanks> {
  const rows = db.prepare('SELECT slug, updated_by AS updatedBy, updated_ms AS updatedMs FROM channel_banks WHERE channel_key = ? ORDER BY position');
  const remove = db.prepare('DELETE FROM channel_banks WHERE channel_key = ?');
  const insert = db.prepare('INSERT INTO channel_banks (channel_key, slug, position, updated_by, updated_ms) VALUES (?, ?, ?, ?, ?)');
  // One choice replaces the other whole: readers never see half of each.
  const set = db.transaction((channelKey: number, slugs: readonly string[], updatedBy: string, nowMs: number) => {
    remove.run(channelKey);
    slugs.forEach((slug, position) => insert.run(channelKey, slug, position, updatedBy, nowMs));
  });
  return {
    get: (channelKey) => {
      const found = rows.all(channelKey) as { slug: string; updatedBy: string; updatedMs: number }[];
      if (found.length === 0) return undefined;
      const choice: ChannelBankChoice = { slugs: found.map((r) => r.slug), updatedBy: found[0]!.updatedBy, updatedMs: found[0]!.updatedMs };
      return choice;
    },
    set: (channelKey, slugs, updatedBy, nowMs) => {
      set(channelKey, [...new Set(slugs)], updatedBy, nowMs);
    },
    clear: (channelKey) => remove.run(channelKey).changes > 0,
  };
}
