/**
 * Leaderboard top-10 with 1,000,000 answers in the database: 40 channels of one
 * workspace, 250 daily rounds each, 100 answers a round from a pool of 3,000 people.
 * The same history is bulk-loaded into a SQLite file and into PostgreSQL (answers,
 * rounds, the score rows those answers add up to, streaks), then each board is read the
 * way `/mesh leaderboard` reads it: through the store, and through the whole command.
 */
import type pg from 'pg';
import { periodKey, pointsFor, seededRandom as random, type Bot, type IncomingCommand, type ManualClock, type Store } from '../src/index.js';
import { percentile, round, secondsTaken, type Figure } from './figure.js';
import { insertColumns, insertScores, pgBenchDb, type ScoreRow } from './postgres-fixtures.js';
import { benchDb, timeRuns } from './quiz-fixtures.js';

const CHANNELS = 40;
const ROUNDS_PER_CHANNEL = 250;
const ANSWERS_PER_ROUND = 100;
const PEOPLE = 3_000;
const START_MS = Date.parse('2026-01-05T09:00:00Z');
const DAY_MS = 86_400_000;
const RUNS = 300;

/** The history as rows; ids are 1-based and given, so both databases hold the same. */
interface History {
  channels: string[];
  rounds: { channelKey: number; slot: number; entryId: string }[];
  answers: { roundId: number[]; userKey: number[]; choice: number[]; correct: number[]; points: number[]; at: number[] };
  scores: ScoreRow[];
  streaks: { channelKey: number; userKey: number; current: number; best: number; lastSlot: number }[];
}

function generate(): History {
  const rand = random(42);
  const h: History = { channels: [], rounds: [], answers: { roundId: [], userKey: [], choice: [], correct: [], points: [], at: [] }, scores: [], streaks: [] };
  const scores = new Map<string, History['scores'][number]>();
  const add = (scope: string, period: string, userKey: number, points: number, correct: boolean, at: number): void => {
    const key = `${scope}\u0000${period}\u0000${userKey}`;
    const s = scores.get(key) ?? { scope, period, userKey, points: 0, correct: 0, answered: 0, last: at };
    s.points += points;
    s.correct += correct ? 1 : 0;
    s.answered++;
    if (points > 0) s.last = at;
    scores.set(key, s);
  };
  for (let c = 0; c < CHANNELS; c++) {
    h.channels.push(`C${c}`);
    const channelKey = c + 1;
    const scopes = [`c:slack:T1:C${c}`, 'w:slack:T1'];
    // Each channel has its own regulars: a window of the people pool.
    const regulars = Array.from({ length: 300 }, (_, i) => ((c * 75 + i) % PEOPLE) + 1);
    let lastSlot = 0;
    for (let r = 0; r < ROUNDS_PER_CHANNEL; r++) {
      const slot = START_MS + r * DAY_MS;
      lastSlot = slot;
      h.rounds.push({ channelKey, slot, entryId: `mesh-q${(r % 14) + 1}` });
      const roundId = h.rounds.length;
      const periods = ['all', periodKey('week', slot, 'UTC'), periodKey('month', slot, 'UTC')];
      const start = Math.floor(rand() * regulars.length);
      let first = true;
      for (let i = 0; i < ANSWERS_PER_ROUND; i++) {
        const userKey = regulars[(start + i) % regulars.length]!;
        const correct = rand() < 0.6;
        const points = pointsFor(correct, correct && first);
        if (correct) first = false;
        const at = slot + 60_000 + i * 1_000;
        const a = h.answers;
        a.roundId.push(roundId);
        a.userKey.push(userKey);
        a.choice.push(correct ? 0 : 1);
        a.correct.push(correct ? 1 : 0);
        a.points.push(points);
        a.at.push(at);
        for (const scope of scopes) for (const period of periods) add(scope, period, userKey, points, correct, at);
      }
    }
    for (const userKey of regulars) h.streaks.push({ channelKey, userKey, current: 1 + (userKey % 7), best: 1 + (userKey % 11), lastSlot });
  }
  h.scores = [...scores.values()];
  return h;
}

function loadSqlite(db: ReturnType<typeof benchDb>['db'], h: History): void {
  const insertUser = db.prepare("INSERT INTO users (id, platform, workspace_id, user_id, display_name) VALUES (?, 'slack', 'T1', ?, ?)");
  const insertChannel = db.prepare("INSERT INTO channels (id, platform, workspace_id, channel_id) VALUES (?, 'slack', 'T1', ?)");
  const insertRound = db.prepare(`INSERT INTO rounds (id, channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, message_id,
      claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
    VALUES (?, ?, ?, 'scheduled', ?, NULL, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', ?, ?, ?, ?, 1, 1)`);
  const insertAnswer = db.prepare('INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const insertScore = db.prepare('INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertStreak = db.prepare('INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let u = 1; u <= PEOPLE; u++) insertUser.run(u, `U${u - 1}`, `person ${u - 1}`);
    h.channels.forEach((channelId, i) => insertChannel.run(i + 1, channelId));
    h.rounds.forEach((r, i) => insertRound.run(i + 1, r.channelKey, r.slot, r.entryId, r.slot, r.slot, r.slot + 8 * 3_600_000, r.slot + 8 * 3_600_000));
    const a = h.answers;
    for (let i = 0; i < a.roundId.length; i++) insertAnswer.run(a.roundId[i], a.userKey[i], a.choice[i], a.correct[i], a.points[i], a.at[i]);
    for (const s of h.scores) insertScore.run(s.scope, s.period, s.userKey, s.points, s.correct, s.answered, s.last);
    for (const s of h.streaks) insertStreak.run(s.channelKey, s.userKey, s.current, s.best, s.lastSlot);
  })();
  db.exec('ANALYZE');
}

/** Bulk-loads through `unnest` of whole columns, a batch at a time (no COPY client needed). */
async function loadPostgres(pool: pg.Pool, h: History): Promise<void> {
  const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
  await pool.query(
    "INSERT INTO users (id, platform, workspace_id, user_id, display_name) OVERRIDING SYSTEM VALUE SELECT u, 'slack', 'T1', 'U' || (u - 1), 'person ' || (u - 1) FROM unnest($1::bigint[]) AS u",
    [ids(PEOPLE)],
  );
  await pool.query("INSERT INTO channels (id, platform, workspace_id, channel_id) OVERRIDING SYSTEM VALUE SELECT i, 'slack', 'T1', c FROM unnest($1::bigint[], $2::text[]) AS t(i, c)", [
    ids(h.channels.length),
    h.channels,
  ]);
  await pool.query(
    `INSERT INTO rounds (id, channel_key, slot_ms, kind, entry_id, mode, choices, correct_index, status, message_id, claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
     OVERRIDING SYSTEM VALUE
     SELECT i, ch, s, 'scheduled', e, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', s, s, s + 28800000, s + 28800000, 1, TRUE
     FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS t(i, ch, s, e)`,
    [ids(h.rounds.length), h.rounds.map((r) => r.channelKey), h.rounds.map((r) => r.slot), h.rounds.map((r) => r.entryId)],
  );
  const a = h.answers;
  await insertColumns(
    pool,
    `INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms)
     SELECT r, u, ch, c = 1, p, t FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::bigint[]) AS x(r, u, ch, c, p, t)`,
    [a.roundId, a.userKey, a.choice, a.correct, a.points, a.at],
  );
  await insertScores(pool, h.scores);
  const st = h.streaks;
  await pool.query('INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::bigint[])', [
    st.map((x) => x.channelKey),
    st.map((x) => x.userKey),
    st.map((x) => x.current),
    st.map((x) => x.best),
    st.map((x) => x.lastSlot),
  ]);
  for (const table of ['users', 'channels', 'rounds', 'answers']) await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  await pool.query('VACUUM ANALYZE');
}

async function measureBoards(prefix: string, b: { store: Store; bot: Bot; clock: ManualClock }): Promise<Figure[]> {
  const asker: IncomingCommand = { platform: 'slack', workspaceId: 'T1', channelId: 'C7', userId: 'U1', userName: 'person 1', isAdmin: false, text: '' };
  const nowMs = b.clock.now().getTime();
  const cases: [string, () => unknown][] = [
    ['store_channel_all', () => b.store.answers.leaderboard('c:slack:T1:C7', 'all', 10)],
    ['store_channel_week', () => b.store.answers.leaderboard('c:slack:T1:C7', periodKey('week', nowMs, 'UTC'), 10)],
    ['store_workspace_all', () => b.store.answers.leaderboard('w:slack:T1', 'all', 10)],
    ['store_workspace_month', () => b.store.answers.leaderboard('w:slack:T1', periodKey('month', nowMs, 'UTC'), 10)],
    ['command_channel_all', () => b.bot.handleCommand({ ...asker, text: 'leaderboard' })],
    ['command_workspace_all', () => b.bot.handleCommand({ ...asker, text: 'leaderboard all workspace' })],
    ['command_channel_week', () => b.bot.handleCommand({ ...asker, text: 'leaderboard week' })],
  ];
  const figures: Figure[] = [];
  for (const [name, run] of cases) {
    const times = await timeRuns(RUNS, 20, run);
    figures.push(
      { name: `${prefix}${name}_p50`, value: round(percentile(times, 50)), unit: 'ms' },
      { name: `${prefix}${name}_p99`, value: round(percentile(times, 99)), unit: 'ms' },
    );
  }
  return figures;
}

export async function benchLeaderboard(): Promise<Figure[]> {
  const history = generate();
  const nowIso = new Date(START_MS + (ROUNDS_PER_CHANNEL - 1) * DAY_MS + 12 * 3_600_000).toISOString();
  const figures: Figure[] = [{ name: 'quiz.leaderboard.answers_in_db', value: history.answers.roundId.length, unit: 'answers' }];
  const sqlite = benchDb(nowIso);
  try {
    figures.push(await secondsTaken('quiz.leaderboard.bulk_load', () => loadSqlite(sqlite.db, history)));
    figures.push(...(await measureBoards('quiz.leaderboard.', sqlite)));
  } finally {
    sqlite.dispose();
  }
  const postgres = await pgBenchDb(nowIso);
  try {
    figures.push(await secondsTaken('quiz.leaderboard.postgres.bulk_load', () => loadPostgres(postgres.pool, history)));
    figures.push(...(await measureBoards('quiz.leaderboard.postgres.', postgres)));
  } finally {
    await postgres.dispose();
  }
  return figures;
}
