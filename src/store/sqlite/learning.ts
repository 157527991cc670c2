import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { EntryProgress, Learning, PracticeRow, QuizMode } from '../ports/index.js';

export function createSqliteLearning(db: Db): Synchronous<Learning> {
  const attempt = db.prepare('INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const progress = db.prepare(`SELECT entry_id AS entryId, count(*) AS attempts, max(correct) AS everCorrect,
      (SELECT a2.correct FROM attempts a2 WHERE a2.user_key = a.user_key AND a2.entry_id = a.entry_id ORDER BY a2.at_ms DESC, a2.id DESC LIMIT 1) AS lastCorrect
    FROM attempts a WHERE user_key = ? GROUP BY entry_id`);
  const members = db.prepare(`SELECT DISTINCT a.user_key AS userKey, u.display_name AS name FROM answers a
    JOIN rounds r ON r.id = a.round_id JOIN users u ON u.id = a.user_key WHERE r.channel_key = ? ORDER BY u.display_name`);
  const card = db.prepare('SELECT card FROM cards WHERE user_key = ? AND entry_id = ?').pluck();
  const saveCard = db.prepare(`INSERT INTO cards (user_key, entry_id, due_ms, card) VALUES (?, ?, ?, ?)
    ON CONFLICT (user_key, entry_id) DO UPDATE SET due_ms = excluded.due_ms, card = excluded.card`);
  const due = db.prepare('SELECT entry_id AS entryId, due_ms AS dueMs FROM cards WHERE user_key = ? AND due_ms <= ? ORDER BY due_ms LIMIT ?');
  const nextDue = db.prepare('SELECT entry_id AS entryId, due_ms AS dueMs FROM cards WHERE user_key = ? ORDER BY due_ms LIMIT 1');
  const createPractice = db.prepare(`INSERT INTO practice (user_key, kind, entry_id, item_id, mode, choices, correct_index, created_ms, bank_slug)
    VALUES (@userKey, @kind, @entryId, @itemId, @mode, @choices, @correctIndex, @createdMs, @bankSlug)`);
  const practice = db.prepare(`SELECT id, user_key AS userKey, kind, entry_id AS entryId, item_id AS itemId, mode, choices,
    correct_index AS correctIndex, created_ms AS createdMs, answered_ms AS answeredMs, bank_slug AS bankSlug FROM practice WHERE id = ?`);
  const answerPractice = db.prepare('UPDATE practice SET answered_ms = ? WHERE id = ? AND answered_ms IS NULL');

  return {
    recordAttempt: (input) => {
      attempt.run(input.userKey, input.entryId, input.source, input.correct ? 1 : 0, input.channelKey, input.atMs);
    },
    progress: (userKey) => {
      const rows = progress.all(userKey) as { entryId: string; attempts: number; everCorrect: number; lastCorrect: number }[];
      return new Map<string, EntryProgress>(rows.map((r) => [r.entryId, { attempts: r.attempts, everCorrect: r.everCorrect === 1, lastCorrect: r.lastCorrect === 1 }]));
    },
    channelMembers: (channelKey) => members.all(channelKey) as { userKey: number; name: string }[],
    card: (userKey, entryId) => card.get(userKey, entryId) as string | undefined,
    saveCard: (userKey, entryId, dueMs, json) => {
      saveCard.run(userKey, entryId, dueMs, json);
    },
    dueCards: (userKey, nowMs, limit) => due.all(userKey, nowMs, limit) as { entryId: string; dueMs: number }[],
    nextDue: (userKey) => nextDue.get(userKey) as { entryId: string; dueMs: number } | undefined,
    createPractice: (row) => Number(createPractice.run({ ...row, choices: JSON.stringify(row.choices), bankSlug: row.bankSlug ?? null }).lastInsertRowid),
    practice: (id) => {
      const row = practice.get(id) as (Omit<PracticeRow, 'choices'> & { choices: string; mode: QuizMode }) | undefined;
      return row ? { ...row, choices: JSON.parse(row.choices) as string[] } : undefined;
    },
    answerPractice: (id, nowMs) => answerPractice.run(nowMs, id).changes > 0,
  };
}
