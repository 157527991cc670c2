import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../../bounded-cache.js';
import { FIXED_ROUND_CACHE, toRound, type RoundRow, type RoundState } from '../row-shapes.js';
import type { EntryStats, Round, RoundResults, Rounds } from '../ports/index.js';
import type { PgContext } from './connection.js';

const COLUMNS = `r.id, r.channel_key AS "channelKey", c.platform, c.workspace_id AS "workspaceId", c.channel_id AS "channelId",
  r.slot_ms AS "slotMs", r.kind, r.entry_id AS "entryId", r.item_id AS "itemId", r.mode, r.choices, r.correct_index AS "correctIndex",
  r.status, r.message_id AS "messageId", r.claimed_ms AS "claimedMs", r.opened_ms AS "openedMs", r.closes_ms AS "closesMs",
  r.closed_ms AS "closedMs", r.post_attempts AS "postAttempts"`;
const SELECT = `SELECT ${COLUMNS} FROM rounds r JOIN channels c ON c.id = r.channel_key`;

const STATE = `SELECT status, message_id AS "messageId", opened_ms AS "openedMs", closed_ms AS "closedMs", post_attempts AS "postAttempts" FROM rounds WHERE id = $1`;

/** What a round asks never changes after its claim; only its state does (see the SQLite twin). */
export type RoundCache = LRUCache<number, Round>;

export function createRoundCache(): RoundCache {
  return boundedCache(FIXED_ROUND_CACHE);
}

export function createPgRounds(ctx: PgContext, fixed: RoundCache): Rounds {
  const list = async (text: string, values: unknown[]): Promise<Round[]> => (await ctx.conn.query<RoundRow>(text, values)).rows.map(toRound);
  const changed = async (text: string, values: unknown[]): Promise<boolean> => ((await ctx.conn.query(text, values)).rowCount ?? 0) > 0;
  const scalar = async (text: string, values: unknown[] = []): Promise<number | null> => (await ctx.conn.query<{ v: number | null }>(text, values)).rows[0]?.v ?? null;
  return {
    claim: (round, leaseUntilMs, nextFireMs) =>
      ctx.atomic(async (conn) => {
        const inserted = await conn.query<{ id: number }>(
          `INSERT INTO rounds (channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, claimed_ms, closes_ms, lease_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'claimed', $9, $10, $11) ON CONFLICT (channel_key, slot_ms) DO NOTHING RETURNING id`,
          [round.channelKey, round.slotMs, round.kind, round.entryId, round.itemId, round.mode, JSON.stringify(round.choices), round.correctIndex, round.claimedMs, round.closesMs, leaseUntilMs],
        );
        if (nextFireMs !== undefined) await conn.query('UPDATE schedules SET next_fire_ms = $1 WHERE channel_key = $2', [nextFireMs, round.channelKey]);
        const id = inserted.rows[0]?.id;
        if (id === undefined) return null;
        const { rows } = await conn.query<RoundRow>(`${SELECT} WHERE r.id = $1`, [id]);
        return toRound(rows[0]!);
      }),
    markOpen: async (id, messageId, nowMs) => {
      await ctx.conn.query("UPDATE rounds SET status = 'open', message_id = $1, opened_ms = $2, post_attempts = post_attempts + 1 WHERE id = $3 AND status = 'claimed'", [messageId, nowMs, id]);
    },
    recordPostFailure: async (id) => {
      await ctx.conn.query('UPDATE rounds SET post_attempts = post_attempts + 1, lease_ms = 0 WHERE id = $1', [id]);
    },
    markMissed: async (id, nowMs) => {
      await ctx.conn.query("UPDATE rounds SET status = 'missed', closed_ms = $1 WHERE id = $2 AND status = 'claimed'", [nowMs, id]);
    },
    close: (id, nowMs, leaseUntilMs) => changed("UPDATE rounds SET status = 'closed', closed_ms = $1, lease_ms = $2 WHERE id = $3 AND status = 'open'", [nowMs, leaseUntilMs, id]),
    markRevealed: async (id) => {
      await ctx.conn.query('UPDATE rounds SET revealed = TRUE WHERE id = $1', [id]);
    },
    takeLease: (id, nowMs, untilMs) => changed('UPDATE rounds SET lease_ms = $1 WHERE id = $2 AND lease_ms <= $3', [untilMs, id, nowMs]),
    releaseLease: async (id) => {
      await ctx.conn.query('UPDATE rounds SET lease_ms = 0 WHERE id = $1', [id]);
    },
    unrevealed: (nowMs, limit) => list(`${SELECT} WHERE r.status = 'closed' AND NOT r.revealed AND r.lease_ms <= $1 ORDER BY r.closed_ms LIMIT $2`, [nowMs, limit]),
    get: async (id) => {
      // Inside a transaction (an answer being recorded) the read holds the round against a
      // concurrent close until commit: the close then sees this answer, for streaks and results.
      const lock = ctx.inTransaction ? ' FOR SHARE' : '';
      const known = fixed.get(id);
      if (known) {
        const { rows } = await ctx.conn.query<RoundState>({ name: `rounds-state${lock ? '-locked' : ''}`, text: `${STATE}${lock}`, values: [id] });
        return rows[0] ? { ...known, ...rows[0] } : undefined;
      }
      const { rows } = await ctx.conn.query<RoundRow>(`${SELECT} WHERE r.id = $1${lock ? ' FOR SHARE OF r' : ''}`, [id]);
      if (!rows[0]) return undefined;
      const round = toRound(rows[0]);
      fixed.set(id, round);
      return round;
    },
    openInChannel: (channelKey) => list(`${SELECT} WHERE r.channel_key = $1 AND r.status = 'open' ORDER BY r.slot_ms`, [channelKey]),
    claimedPending: (nowMs, limit) => list(`${SELECT} WHERE r.status = 'claimed' AND r.lease_ms <= $1 ORDER BY r.slot_ms LIMIT $2`, [nowMs, limit]),
    dueToClose: (nowMs, limit) => list(`${SELECT} WHERE r.status = 'open' AND r.closes_ms <= $1 ORDER BY r.closes_ms LIMIT $2`, [nowMs, limit]),
    earliestClose: () => scalar("SELECT min(closes_ms) AS v FROM rounds WHERE status IN ('open', 'claimed')"),
    nextRetryAt: () => scalar("SELECT min(lease_ms) AS v FROM rounds WHERE status = 'claimed' OR (status = 'closed' AND NOT revealed)"),
    entryStats: async (channelKey) => {
      const { rows } = await ctx.conn.query<{ entryId: string } & EntryStats>(
        `SELECT r.entry_id AS "entryId", count(DISTINCT r.id)::int AS rounds, count(a.id)::int AS answers,
           count(a.id) FILTER (WHERE a.correct)::int AS correct, max(r.slot_ms) AS "lastSlotMs"
         FROM rounds r LEFT JOIN answers a ON a.round_id = r.id
         WHERE r.channel_key = $1 AND r.status IN ('open', 'closed', 'claimed') GROUP BY r.entry_id`,
        [channelKey],
      );
      return new Map(rows.map(({ entryId, ...s }) => [entryId, s]));
    },
    itemUses: async (channelKey) => {
      const { rows } = await ctx.conn.query<{ itemId: string; n: number }>(
        'SELECT item_id AS "itemId", count(*)::int AS n FROM rounds WHERE channel_key = $1 AND item_id IS NOT NULL GROUP BY item_id',
        [channelKey],
      );
      return new Map(rows.map((r) => [r.itemId, r.n]));
    },
    // Streaks run over multiple-choice rounds only: a self-graded recall round neither extends nor breaks one.
    previousScheduledSlot: (channelKey, slotMs) =>
      scalar("SELECT max(slot_ms) AS v FROM rounds WHERE channel_key = $1 AND kind = 'scheduled' AND mode = 'choice' AND status = 'closed' AND slot_ms < $2", [channelKey, slotMs]),
    latestScheduledSlot: (channelKey) =>
      scalar("SELECT max(slot_ms) AS v FROM rounds WHERE channel_key = $1 AND kind = 'scheduled' AND mode = 'choice' AND status = 'closed'", [channelKey]),
    results: async (id): Promise<RoundResults> => {
      const counts = await ctx.conn.query<{ answered: number; correct: number }>(
        'SELECT count(*)::int AS answered, count(*) FILTER (WHERE correct)::int AS correct FROM answers WHERE round_id = $1',
        [id],
      );
      const people = await ctx.conn.query<{ userKey: number; name: string }>(
        `SELECT a.user_key AS "userKey", u.display_name AS name FROM answers a JOIN users u ON u.id = a.user_key
         WHERE a.round_id = $1 AND a.correct ORDER BY a.id`,
        [id],
      );
      // The first correct answer is the one that won the bonus, which commit order decided.
      const first = await ctx.conn.query<{ userKey: number; name: string }>(
        'SELECT f.user_key AS "userKey", u.display_name AS name FROM round_first_correct f JOIN users u ON u.id = f.user_key WHERE f.round_id = $1',
        [id],
      );
      const c = counts.rows[0] ?? { answered: 0, correct: 0 };
      return { answered: c.answered, correct: c.correct, firstCorrect: first.rows[0] ?? people.rows[0] ?? null, correctNames: people.rows.map((p) => p.name) };
    },
  };
}
