import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { AnswerInput, AnswerOutcome, Answers, LeaderRow } from '../ports/index.js';

export function createSqliteAnswers(db: Db): Synchronous<Answers> {
  const existing = db.prepare('SELECT choice_index AS choiceIndex, correct FROM answers WHERE round_id = ? AND user_key = ?');
  const correctUsers = db.prepare('SELECT user_key FROM answers WHERE round_id = ? AND correct = 1 ORDER BY id').pluck();
  const anyCorrect = db.prepare('SELECT 1 FROM answers WHERE round_id = ? AND correct = 1 LIMIT 1').pluck();
  const insert = db.prepare(`INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, user_key) DO NOTHING`);
  // All of an answer's score rows (channel and workspace, per period) in one statement:
  // one pass through SQLite instead of six, on the path every click takes.
  const addScoresStatements = new Map<number, ReturnType<Db['prepare']>>();
  const addScores = (rows: number): ReturnType<Db['prepare']> => {
    let statement = addScoresStatements.get(rows);
    if (!statement) {
      statement = db.prepare(`INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms)
        VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, 1, ?)').join(', ')}
        ON CONFLICT (scope, period, user_key) DO UPDATE SET
          points = points + excluded.points,
          correct = correct + excluded.correct,
          answered = answered + 1,
          last_scored_ms = CASE WHEN excluded.points > 0 THEN excluded.last_scored_ms ELSE last_scored_ms END`);
      addScoresStatements.set(rows, statement);
    }
    return statement;
  };
  const board = db.prepare(`SELECT s.user_key AS userKey, u.display_name AS name, s.points, s.correct, s.answered
    FROM scores s JOIN users u ON u.id = s.user_key
    WHERE s.scope = ? AND s.period = ? ORDER BY s.points DESC, s.last_scored_ms ASC LIMIT ?`);
  const getStreak = db.prepare('SELECT current, best, last_slot_ms AS lastSlotMs FROM streaks WHERE channel_key = ? AND user_key = ?');
  const putStreak = db.prepare(`INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (channel_key, user_key) DO UPDATE SET current = excluded.current, best = excluded.best, last_slot_ms = excluded.last_slot_ms`);

  const submit = db.transaction((input: AnswerInput): AnswerOutcome => {
    const before = existing.get(input.roundId, input.userKey) as { choiceIndex: number } | undefined;
    if (before) return { kind: 'duplicate', choiceIndex: before.choiceIndex };
    const firstCorrect = input.correct && anyCorrect.get(input.roundId) === undefined;
    const points = input.pointsFor(firstCorrect);
    const result = insert.run(input.roundId, input.userKey, input.choiceIndex, input.correct ? 1 : 0, points, input.answeredMs);
    if (result.changes === 0) return { kind: 'duplicate', choiceIndex: input.choiceIndex };
    if (input.scoreKeys.length > 0) {
      addScores(input.scoreKeys.length).run(input.scoreKeys.flatMap((key) => [key.scope, key.period, input.userKey, points, input.correct ? 1 : 0, input.answeredMs]));
    }
    return { kind: 'recorded', points, firstCorrect };
  });

  const advance = db.transaction((channelKey: number, slotMs: number, previousSlotMs: number | null, users: number[]) => {
    for (const userKey of users) {
      const row = getStreak.get(channelKey, userKey) as { current: number; best: number; lastSlotMs: number } | undefined;
      if (row?.lastSlotMs === slotMs) continue;
      const current = row && previousSlotMs !== null && row.lastSlotMs === previousSlotMs ? row.current + 1 : 1;
      putStreak.run(channelKey, userKey, current, Math.max(current, row?.best ?? 0), slotMs);
    }
  });

  return {
    // IMMEDIATE: it reads before it writes; see Store.transaction.
    submit: (input) => submit.immediate(input),
    correctUsers: (roundId) => correctUsers.all(roundId) as number[],
    answerOf: (roundId, userKey) => {
      const row = existing.get(roundId, userKey) as { choiceIndex: number; correct: number } | undefined;
      return row ? { choiceIndex: row.choiceIndex, correct: row.correct === 1 } : undefined;
    },
    leaderboard: (scope, period, limit) => board.all(scope, period, limit) as LeaderRow[],
    advanceStreaks: (channelKey, slotMs, previousSlotMs, users) => advance.immediate(channelKey, slotMs, previousSlotMs, users),
    streak: (channelKey, userKey, asOfSlotMs) => {
      const row = getStreak.get(channelKey, userKey) as { current: number; best: number; lastSlotMs: number } | undefined;
      if (!row) return { current: 0, best: 0 };
      return { current: asOfSlotMs !== null && row.lastSlotMs === asOfSlotMs ? row.current : 0, best: row.best };
    },
  };
}
