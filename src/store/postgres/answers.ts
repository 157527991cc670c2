import type { AnswerOutcome, Answers, LeaderRow } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgAnswers(ctx: PgContext): Answers {
  const streakRow = async (channelKey: number, userKey: number): Promise<{ current: number; best: number; lastSlotMs: number } | undefined> =>
    (
      await ctx.conn.query<{ current: number; best: number; lastSlotMs: number }>({
        name: 'answers-streak',
        text: 'SELECT current, best, last_slot_ms AS "lastSlotMs" FROM streaks WHERE channel_key = $1 AND user_key = $2',
        values: [channelKey, userKey],
      })
    ).rows[0];
  return {
    submit: (input) =>
      ctx.atomic(async (conn): Promise<AnswerOutcome> => {
        const notFirst = input.pointsFor(false);
        const inserted = await conn.query<{ id: number }>({
          name: 'answers-insert',
          text: `INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (round_id, user_key) DO NOTHING RETURNING id`,
          values: [input.roundId, input.userKey, input.choiceIndex, input.correct, notFirst, input.answeredMs],
        });
        const id = inserted.rows[0]?.id;
        if (id === undefined) {
          const before = await conn.query<{ choiceIndex: number }>('SELECT choice_index AS "choiceIndex" FROM answers WHERE round_id = $1 AND user_key = $2', [input.roundId, input.userKey]);
          return { kind: 'duplicate', choiceIndex: before.rows[0]?.choiceIndex ?? input.choiceIndex };
        }
        // Concurrent correct answers race on this key; the winner's commit makes it first.
        const firstCorrect =
          input.correct &&
          ((
            await conn.query({
              name: 'answers-first',
              text: 'INSERT INTO round_first_correct (round_id, user_key) VALUES ($1, $2) ON CONFLICT (round_id) DO NOTHING',
              values: [input.roundId, input.userKey],
            })
          ).rowCount ?? 0) > 0;
        const points = firstCorrect ? input.pointsFor(true) : notFirst;
        if (points !== notFirst) await conn.query('UPDATE answers SET points = $1 WHERE id = $2', [points, id]);
        if (input.scoreKeys.length > 0) {
          const values: unknown[] = [input.userKey, points, input.correct ? 1 : 0, input.answeredMs];
          const tuples = input.scoreKeys.map((key) => {
            values.push(key.scope, key.period);
            return `($${values.length - 1}, $${values.length}, $1::bigint, $2::int, $3::int, 1, $4::bigint)`;
          });
          await conn.query({
            name: `answers-scores-${input.scoreKeys.length}`,
            text: `INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms) VALUES ${tuples.join(', ')}
              ON CONFLICT (scope, period, user_key) DO UPDATE SET
                points = scores.points + EXCLUDED.points,
                correct = scores.correct + EXCLUDED.correct,
                answered = scores.answered + 1,
                last_scored_ms = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED.last_scored_ms ELSE scores.last_scored_ms END`,
            values,
          });
        }
        return { kind: 'recorded', points, firstCorrect };
      }),
    correctUsers: async (roundId) =>
      (await ctx.conn.query<{ userKey: number }>('SELECT user_key AS "userKey" FROM answers WHERE round_id = $1 AND correct ORDER BY id', [roundId])).rows.map((r) => r.userKey),
    answerOf: async (roundId, userKey) =>
      (await ctx.conn.query<{ choiceIndex: number; correct: boolean }>('SELECT choice_index AS "choiceIndex", correct FROM answers WHERE round_id = $1 AND user_key = $2', [roundId, userKey])).rows[0],
    leaderboard: async (scope, period, limit) =>
      (
        await ctx.conn.query<LeaderRow>({
          name: 'answers-leaderboard',
          text: `SELECT s.user_key AS "userKey", u.display_name AS name, s.points, s.correct, s.answered
            FROM scores s JOIN users u ON u.id = s.user_key
            WHERE s.scope = $1 AND s.period = $2 ORDER BY s.points DESC, s.last_scored_ms ASC LIMIT $3`,
          values: [scope, period, limit],
        })
      ).rows,
    // One statement for the whole round, however many answered: a streak goes on from the
    // previous scheduled round, starts again otherwise, and a round already counted is left alone.
    advanceStreaks: async (channelKey, slotMs, previousSlotMs, users) => {
      if (users.length === 0) return;
      await ctx.conn.query(
        `INSERT INTO streaks AS s (channel_key, user_key, current, best, last_slot_ms)
         SELECT $1, u, 1, 1, $2 FROM unnest($3::bigint[]) AS u
         ON CONFLICT (channel_key, user_key) DO UPDATE SET
           current = CASE WHEN s.last_slot_ms = $2 THEN s.current WHEN s.last_slot_ms = $4 THEN s.current + 1 ELSE 1 END,
           best = GREATEST(s.best, CASE WHEN s.last_slot_ms = $2 THEN s.current WHEN s.last_slot_ms = $4 THEN s.current + 1 ELSE 1 END),
           last_slot_ms = $2`,
        [channelKey, slotMs, users, previousSlotMs],
      );
    },
    streak: async (channelKey, userKey, asOfSlotMs) => {
      const row = await streakRow(channelKey, userKey);
      if (!row) return { current: 0, best: 0 };
      return { current: asOfSlotMs !== null && row.lastSlotMs === asOfSlotMs ? row.current : 0, best: row.best };
    },
  };
}
