import type { EntryProgress, Learning, PracticeRow } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgLearning(ctx: PgContext): Learning {
  return {
    recordAttempt: async (input) => {
      await ctx.conn.query({
        name: 'learning-attempt',
        text: 'INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        values: [input.userKey, input.entryId, input.source, input.correct, input.channelKey, input.atMs],
      });
    },
    progress: async (userKey) => {
      const { rows } = await ctx.conn.query<{ entryId: string; attempts: number; everCorrect: boolean; lastCorrect: boolean }>(
        `SELECT entry_id AS "entryId", count(*)::int AS attempts, bool_or(correct) AS "everCorrect",
           (array_agg(correct ORDER BY at_ms DESC, id DESC))[1] AS "lastCorrect"
         FROM attempts WHERE user_key = $1 GROUP BY entry_id`,
        [userKey],
      );
      return new Map<string, EntryProgress>(rows.map((r) => [r.entryId, { attempts: r.attempts, everCorrect: r.everCorrect, lastCorrect: r.lastCorrect }]));
    },
    channelMembers: async (channelKey) =>
      (
        await ctx.conn.query<{ userKey: number; name: string }>(
          `SELECT DISTINCT a.user_key AS "userKey", u.display_name AS name FROM answers a
           JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.user_key WHERE r.channel_key = $1 ORDER BY u.display_name`,
          [channelKey],
        )
      ).rows,
    card: async (userKey, entryId) =>
      (await ctx.conn.query<{ card: string }>({ name: 'learning-card', text: 'SELECT card FROM cards WHERE user_key = $1 AND entry_id = $2', values: [userKey, entryId] })).rows[0]?.card,
    saveCard: async (userKey, entryId, dueMs, card) => {
      await ctx.conn.query({
        name: 'learning-save-card',
        text: `INSERT INTO cards (user_key, entry_id, due_ms, card) VALUES ($1, $2, $3, $4)
          ON CONFLICT (user_key, entry_id) DO UPDATE SET due_ms = EXCLUDED.due_ms, card = EXCLUDED.card`,
        values: [userKey, entryId, dueMs, card],
      });
    },
    dueCards: async (userKey, nowMs, limit) =>
      (await ctx.conn.query<{ entryId: string; dueMs: number }>('SELECT entry_id AS "entryId", due_ms AS "dueMs" FROM cards WHERE user_key = $1 AND due_ms <= $2 ORDER BY due_ms LIMIT $3', [userKey, nowMs, limit])).rows,
    nextDue: async (userKey) =>
      (await ctx.conn.query<{ entryId: string; dueMs: number }>('SELECT entry_id AS "entryId", due_ms AS "dueMs" FROM cards WHERE user_key = $1 ORDER BY due_ms LIMIT 1', [userKey])).rows[0],
    createPractice: async (row) =>
      (
        await ctx.conn.query<{ id: number }>(
          `INSERT INTO practice (user_key, kind, entry_id, item_id, mode, choices, correct_index, created_ms, bank_slug)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [row.userKey, row.kind, row.entryId, row.itemId, row.mode, JSON.stringify(row.choices), row.correctIndex, row.createdMs, row.bankSlug ?? null],
        )
      ).rows[0]!.id,
    practice: async (id) => {
      const { rows } = await ctx.conn.query<Omit<PracticeRow, 'choices'> & { choices: string }>(
        `SELECT id, user_key AS "userKey", kind, entry_id AS "entryId", item_id AS "itemId", mode, choices,
           correct_index AS "correctIndex", created_ms AS "createdMs", answered_ms AS "answeredMs", bank_slug AS "bankSlug" FROM practice WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { ...row, choices: JSON.parse(row.choices) as string[] } : undefined;
    },
    answerPractice: async (id, nowMs) => ((await ctx.conn.query('UPDATE practice SET answered_ms = $1 WHERE id = $2 AND answered_ms IS NULL', [nowMs, id])).rowCount ?? 0) > 0,
  };
}
