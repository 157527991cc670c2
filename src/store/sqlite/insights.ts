import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { AttemptSummary, EntryTally, Gap, Insights, MemberRow, PeriodPoints, RoundTally, StreakRow } from '../ports/index.js';

/** SQLite allows 32,766 parameters; a dashboard asks for a cohort of at most a few hundred. */
const IN_BATCH = 500;

export function createSqliteInsights(db: Db): Synchronous<Insights> {
  // The channels index (platform, workspace_id, channel_id) and rounds_by_channel answer this.
  const quizChannels = db.prepare(`SELECT c.id AS channelKey, c.channel_id AS channelId FROM channels c
    WHERE c.platform = ? AND c.workspace_id = ? AND EXISTS (SELECT 1 FROM rounds r WHERE r.channel_key = c.id) ORDER BY c.id`);
  // A scope's all-time score rows are one range of the scores key: one row per person.
  const members = db.prepare(`SELECT s.user_key AS userKey, u.user_id AS userId, u.display_name AS name, s.points, s.correct, s.answered
    FROM scores s JOIN users u ON u.id = s.user_key WHERE s.scope = ? AND s.period = 'all'
    ORDER BY s.answered DESC, s.last_scored_ms DESC, s.user_key LIMIT ?`);
  const board = db.prepare(`SELECT s.user_key AS userKey, u.user_id AS userId, u.display_name AS name, s.points, s.correct, s.answered
    FROM scores s JOIN users u ON u.id = s.user_key WHERE s.scope = ? AND s.period = ? ORDER BY s.points DESC, s.last_scored_ms ASC LIMIT ?`);
  const memberCount = db.prepare("SELECT count(*) FROM scores WHERE scope = ? AND period = 'all'").pluck();
  const attemptStatements = new Map<number, ReturnType<Db['prepare']>>();
  const attemptsFor = (n: number): ReturnType<Db['prepare']> => {
    let statement = attemptStatements.get(n);
    if (!statement) {
      // attempts_latest (user_key, entry_id, at_ms, correct) covers both the grouping and the latest attempt.
      statement = db.prepare(`SELECT a.user_key AS userKey, a.entry_id AS entryId, count(*) AS attempts, max(a.correct) AS everCorrect, max(a.at_ms) AS lastAtMs,
          (SELECT a2.correct FROM attempts a2 WHERE a2.user_key = a.user_key AND a2.entry_id = a.entry_id ORDER BY a2.at_ms DESC, a2.id DESC LIMIT 1) AS lastCorrect
        FROM attempts a WHERE a.user_key IN (${Array.from({ length: n }, () => '?').join(', ')}) GROUP BY a.user_key, a.entry_id`);
      attemptStatements.set(n, statement);
    }
    return statement;
  };
  const points = db.prepare('SELECT period, points, correct, answered FROM scores WHERE scope = ? AND period = ? AND user_key = ?');
  const tally = db.prepare(`INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
    SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), coalesce(sum(a.correct), 0)
    FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.id = ? GROUP BY r.id
    ON CONFLICT (round_id) DO NOTHING`);
  const entryTallies = db.prepare(`SELECT entry_id AS entryId, count(*) AS rounds, sum(answered) AS answered, sum(correct) AS correct
    FROM round_tallies WHERE channel_key = ? GROUP BY entry_id ORDER BY entry_id`);
  const roundTallies = db.prepare(`SELECT round_id AS roundId, entry_id AS entryId, slot_ms AS slotMs, answered, correct
    FROM round_tallies WHERE channel_key = ? AND slot_ms >= ? AND slot_ms < ? ORDER BY slot_ms`);
  // One pass over the channel's unanswered lookups: with max() the only min/max aggregate,
  // SQLite takes a bare column (top_entry_id) from the row holding the maximum, i.e. the latest ask.
  const gaps = db.prepare(`SELECT lower(trim(query)) AS query, count(*) AS count, max(at_ms) AS lastAtMs, top_entry_id AS closestEntryId
    FROM lookups WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND answered = 0 AND at_ms >= ?
    GROUP BY lower(trim(query)) ORDER BY count DESC, lastAtMs DESC LIMIT ?`);
  const streaksOf = db.prepare(`SELECT s.channel_key AS channelKey, c.channel_id AS channelId, s.current, s.best, s.last_slot_ms AS lastSlotMs
    FROM streaks s JOIN channels c ON c.id = s.channel_key WHERE s.user_key = ? ORDER BY s.channel_key`);
  const running = db.prepare(`SELECT s.user_key AS userKey, u.display_name AS name, s.current FROM streaks s JOIN users u ON u.id = s.user_key
    WHERE s.channel_key = ? AND s.last_slot_ms = ? ORDER BY s.current DESC, u.display_name LIMIT ?`);

  return {
    quizChannels: (platform, workspaceId) => quizChannels.all(platform, workspaceId) as { channelKey: number; channelId: string }[],
    members: (scope, limit) => ({ rows: members.all(scope, limit) as MemberRow[], total: memberCount.get(scope) as number }),
    board: (scope, period, limit) => board.all(scope, period, limit) as MemberRow[],
    attempts: (userKeys) => {
      const out: AttemptSummary[] = [];
      for (let i = 0; i < userKeys.length; i += IN_BATCH) {
        const batch = userKeys.slice(i, i + IN_BATCH);
        const rows = attemptsFor(batch.length).all([...batch]) as (Omit<AttemptSummary, 'everCorrect' | 'lastCorrect'> & { everCorrect: number; lastCorrect: number })[];
        for (const r of rows) out.push({ ...r, everCorrect: r.everCorrect === 1, lastCorrect: r.lastCorrect === 1 });
      }
      return out;
    },
    points: (scope, periods, userKey) => {
      const out = new Map<string, PeriodPoints>();
      for (const period of periods) {
        const row = points.get(scope, period, userKey) as (PeriodPoints & { period: string }) | undefined;
        if (row) out.set(period, { points: row.points, correct: row.correct, answered: row.answered });
      }
      return out;
    },
    tallyRound: (roundId) => {
      tally.run(roundId);
    },
    entryTallies: (channelKey) => entryTallies.all(channelKey) as EntryTally[],
    roundTallies: (channelKey, fromMs, toMs) => roundTallies.all(channelKey, fromMs, toMs) as RoundTally[],
    gaps: (platform, workspaceId, channelId, sinceMs, limit) => gaps.all(platform, workspaceId, channelId, sinceMs, limit) as Gap[],
    streaksOf: (userKey) => streaksOf.all(userKey) as StreakRow[],
    runningStreaks: (channelKey, asOfSlotMs, limit) => running.all(channelKey, asOfSlotMs, limit) as { userKey: number; name: string; current: number }[],
  };
}
