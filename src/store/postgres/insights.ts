import type { AttemptSummary, EntryTally, Gap, Insights, MemberRow, PeriodPoints, RoundTally, StreakRow } from '../ports/index.js';
import type { PgContext } from './connection.js';

/** The same reads as the SQLite twin (see there for why each is shaped as it is). */
export function createPgInsights(ctx: PgContext): Insights {
  return {
    quizChannels: async (platform, workspaceId) =>
      (
        await ctx.conn.query<{ channelKey: number; channelId: string }>({
          name: 'insights-quiz-channels',
          text: `SELECT c.id AS "channelKey", c.channel_id AS "channelId" FROM channels c
            WHERE c.platform = $1 AND c.workspace_id = $2 AND EXISTS (SELECT 1 FROM rounds r WHERE r.channel_key = c.id) ORDER BY c.id`,
          values: [platform, workspaceId],
        })
      ).rows,
    members: async (scope, limit) => {
      const [rows, count] = await Promise.all([
        ctx.conn.query<MemberRow>({
          name: 'insights-members',
          text: `SELECT s.user_key AS "userKey", u.user_id AS "userId", u.display_name AS name, s.points, s.correct, s.answered
            FROM scores s JOIN users u ON u.id = s.user_key WHERE s.scope = $1 AND s.period = 'all'
            ORDER BY s.answered DESC, s.last_scored_ms DESC, s.user_key LIMIT $2`,
          values: [scope, limit],
        }),
        ctx.conn.query<{ n: number }>({ name: 'insights-member-count', text: "SELECT count(*)::int AS n FROM scores WHERE scope = $1 AND period = 'all'", values: [scope] }),
      ]);
      return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
    },
    board: async (scope, period, limit) =>
      (
        await ctx.conn.query<MemberRow>({
          name: 'insights-board',
          text: `SELECT s.user_key AS "userKey", u.user_id AS "userId", u.display_name AS name, s.points, s.correct, s.answered
            FROM scores s JOIN users u ON u.id = s.user_key WHERE s.scope = $1 AND s.period = $2 ORDER BY s.points DESC, s.last_scored_ms ASC LIMIT $3`,
          values: [scope, period, limit],
        })
      ).rows,
    attempts: async (userKeys) => {
      if (userKeys.length === 0) return [];
      const { rows } = await ctx.conn.query<AttemptSummary>({
        name: 'insights-attempts',
        text: `SELECT user_key AS "userKey", entry_id AS "entryId", count(*)::int AS attempts, bool_or(correct) AS "everCorrect", max(at_ms) AS "lastAtMs",
            (array_agg(correct ORDER BY at_ms DESC, id DESC))[1] AS "lastCorrect"
          FROM attempts WHERE user_key = ANY($1::bigint[]) GROUP BY user_key, entry_id`,
        values: [userKeys],
      });
      return rows;
    },
    points: async (scope, periods, userKey) => {
      const { rows } = await ctx.conn.query<PeriodPoints & { period: string }>({
        name: 'insights-points',
        text: 'SELECT period, points, correct, answered FROM scores WHERE scope = $1 AND period = ANY($2::text[]) AND user_key = $3',
        values: [scope, periods, userKey],
      });
      return new Map(rows.map((r) => [r.period, { points: r.points, correct: r.correct, answered: r.answered }]));
    },
    tallyRound: async (roundId) => {
      await ctx.conn.query(
        `INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
         SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), count(a.id) FILTER (WHERE a.correct)
         FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.id = $1 GROUP BY r.id
         ON CONFLICT (round_id) DO NOTHING`,
        [roundId],
      );
    },
    entryTallies: async (channelKey) =>
      (
        await ctx.conn.query<EntryTally>({
          name: 'insights-entry-tallies',
          text: `SELECT entry_id AS "entryId", count(*)::int AS rounds, sum(answered)::int AS answered, sum(correct)::int AS correct
            FROM round_tallies WHERE channel_key = $1 GROUP BY entry_id ORDER BY entry_id`,
          values: [channelKey],
        })
      ).rows,
    roundTallies: async (channelKey, fromMs, toMs) =>
      (
        await ctx.conn.query<RoundTally>(
          `SELECT round_id AS "roundId", entry_id AS "entryId", slot_ms AS "slotMs", answered, correct
           FROM round_tallies WHERE channel_key = $1 AND slot_ms >= $2 AND slot_ms < $3 ORDER BY slot_ms`,
          [channelKey, fromMs, toMs],
        )
      ).rows,
    gaps: async (platform, workspaceId, channelId, sinceMs, limit) =>
      (
        await ctx.conn.query<Gap>({
          name: 'insights-gaps',
          text: `SELECT lower(btrim(query)) AS query, count(*)::int AS count, max(at_ms) AS "lastAtMs",
              (array_agg(top_entry_id ORDER BY at_ms DESC))[1] AS "closestEntryId"
            FROM lookups WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 AND NOT answered AND at_ms >= $4
            GROUP BY lower(btrim(query)) ORDER BY count DESC, "lastAtMs" DESC LIMIT $5`,
          values: [platform, workspaceId, channelId, sinceMs, limit],
        })
      ).rows,
    streaksOf: async (userKey) =>
      (
        await ctx.conn.query<StreakRow>(
          `SELECT s.channel_key AS "channelKey", c.channel_id AS "channelId", s.current, s.best, s.last_slot_ms AS "lastSlotMs"
           FROM streaks s JOIN channels c ON c.id = s.channel_key WHERE s.user_key = $1 ORDER BY s.channel_key`,
          [userKey],
        )
      ).rows,
    runningStreaks: async (channelKey, asOfSlotMs, limit) =>
      (
        await ctx.conn.query<{ userKey: number; name: string; current: number }>(
          `SELECT s.user_key AS "userKey", u.display_name AS name, s.current FROM streaks s JOIN users u ON u.id = s.user_key
           WHERE s.channel_key = $1 AND s.last_slot_ms = $2 ORDER BY s.current DESC, u.display_name LIMIT $3`,
          [channelKey, asOfSlotMs, limit],
        )
      ).rows,
  };
}
