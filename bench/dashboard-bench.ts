/**
 * The dashboard page (issue 11) for a channel with 1,000,000 answers in the database:
 * one channel, 2,000 people, 1,000 daily rounds of 1,000 answers each, every answer also
 * an attempt (progress), the score rows and streaks they add up to, the round tallies the
 * migration backfills, and 20,000 lookups of which a fifth went unanswered. The same
 * history is bulk-loaded into a SQLite file and into PostgreSQL; then the overview, a
 * person's page and the scores CSV are fetched over HTTP from the bot's own route
 * (adapters/http/dashboard-route.ts on loopback), as a lead's browser would. Target:
 * the overview under 100 ms; read against the figures, never asserted. Also in the
 * database: the attempts index migration 006 adds (attempts_latest).
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { dashboardRoute } from '../adapters/http/dashboard-route.js';
import { serveRoutes } from '../adapters/http/serve-routes.js';
import { createBot, loadBanks, periodKey, pointsFor, seededRandom, signDashboardToken, type Bot, type ManualClock, type Store } from '../src/index.js';
import { percentile, round, secondsTaken, type Figure } from './figure.js';
import { insertColumns, insertScores, pgBenchDb, type ScoreRow } from './postgres-fixtures.js';
import { benchDb, noopChat } from './quiz-fixtures.js';

const PEOPLE = 2_000;
const ROUNDS = 1_000;
const ANSWERS_PER_ROUND = 1_000;
const LOOKUPS = 20_000;
const START_MS = Date.parse('2024-03-04T09:00:00Z');
const DAY_MS = 86_400_000;
const NOW_MS = START_MS + (ROUNDS - 1) * DAY_MS + 10 * 3_600_000;
const RUNS = 40;
const WARMUP = 5;
const SECRET = 'bench-dashboard-secret-0123456789abcdef0123';
const SCOPES = ['c:slack:T1:C1', 'w:slack:T1'];

/** Column arrays of the history; ids are 1-based and given, so both databases hold the same. */
interface History {
  rounds: { slot: number[]; entry: string[] };
  answers: { round: number[]; user: number[]; correct: number[]; points: number[]; at: number[]; entry: string[] };
  scores: ScoreRow[];
  streaks: { user: number; current: number; best: number; last: number }[];
  lookups: { query: string[]; answered: number[]; at: number[]; user: string[] };
}

function generate(): History {
  const rand = seededRandom(42);
  const h: History = {
    rounds: { slot: [], entry: [] },
    answers: { round: [], user: [], correct: [], points: [], at: [], entry: [] },
    scores: [],
    streaks: [],
    lookups: { query: [], answered: [], at: [], user: [] },
  };
  const scores = new Map<string, History['scores'][number]>();
  const streak = new Map<number, { current: number; best: number; last: number }>();
  for (let r = 0; r < ROUNDS; r++) {
    const slot = START_MS + r * DAY_MS;
    const entry = `mesh-q${(r % 14) + 1}`;
    h.rounds.slot.push(slot);
    h.rounds.entry.push(entry);
    const periods = ['all', periodKey('week', slot, 'UTC'), periodKey('month', slot, 'UTC')];
    const start = Math.floor(rand() * PEOPLE);
    let first = true;
    for (let i = 0; i < ANSWERS_PER_ROUND; i++) {
      const user = ((start + i) % PEOPLE) + 1;
      // Some questions are harder than others: the hardest-questions table has something to show.
      const correct = rand() < 0.35 + 0.04 * ((r % 14) % 10);
      const points = pointsFor(correct, correct && first);
      if (correct) first = false;
      const at = slot + 60_000 + i * 500;
      const a = h.answers;
      a.round.push(r + 1);
      a.user.push(user);
      a.correct.push(correct ? 1 : 0);
      a.points.push(points);
      a.at.push(at);
      a.entry.push(entry);
      for (const scope of SCOPES) {
        for (const period of periods) {
          const key = `${scope}\u0000${period}\u0000${user}`;
          const s = scores.get(key) ?? { scope, period, userKey: user, points: 0, correct: 0, answered: 0, last: at };
          s.points += points;
          s.correct += correct ? 1 : 0;
          s.answered++;
          if (points > 0) s.last = at;
          scores.set(key, s);
        }
      }
      const st = streak.get(user) ?? { current: 0, best: 0, last: 0 };
      st.current = correct ? st.current + 1 : 0;
      st.best = Math.max(st.best, st.current);
      if (correct) st.last = slot;
      streak.set(user, st);
    }
  }
  h.scores = [...scores.values()];
  h.streaks = [...streak.entries()].filter(([, s]) => s.best > 0).map(([user, s]) => ({ user, current: Math.max(1, s.current), best: s.best, last: s.last }));
  for (let i = 0; i < LOOKUPS; i++) {
    const answered = rand() < 0.8;
    h.lookups.query.push(answered ? `circuit breaking ${i % 50}` : `unanswered topic ${Math.floor(rand() * 300)}`);
    h.lookups.answered.push(answered ? 1 : 0);
    h.lookups.at.push(NOW_MS - Math.floor(rand() * 20 * DAY_MS));
    h.lookups.user.push(`U${(i % PEOPLE) + 1}`);
  }
  return h;
}

/** The round tallies as migration 006 backfills them: one row per closed round. */
const TALLY_SQLITE = `INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
  SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), coalesce(sum(a.correct), 0)
  FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.status = 'closed' GROUP BY r.id`;

function loadSqlite(db: ReturnType<typeof benchDb>['db'], h: History): void {
  const insertUser = db.prepare("INSERT INTO users (id, platform, workspace_id, user_id, display_name) VALUES (?, 'slack', 'T1', ?, ?)");
  const insertRound = db.prepare(`INSERT INTO rounds (id, channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, message_id,
      claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
    VALUES (?, 1, ?, 'scheduled', ?, NULL, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', ?, ?, ?, ?, 1, 1)`);
  const insertAnswer = db.prepare('INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAttempt = db.prepare("INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms) VALUES (?, ?, 'round', ?, 1, ?)");
  const insertScore = db.prepare('INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertStreak = db.prepare('INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) VALUES (1, ?, ?, ?, ?)');
  const insertLookup = db.prepare("INSERT INTO lookups (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms) VALUES ('slack', 'T1', 'C1', ?, ?, NULL, ?, 0.2, ?)");
  db.transaction(() => {
    db.prepare("INSERT INTO channels (id, platform, workspace_id, channel_id) VALUES (1, 'slack', 'T1', 'C1')").run();
    db.prepare("INSERT INTO schedules (channel_key, time_of_day, zone, days, cron, next_fire_ms, updated_by, updated_ms) VALUES (1, '09:00', 'UTC', 'daily', '0 9 * * *', ?, 'bench', 0)").run(NOW_MS + DAY_MS);
    for (let u = 1; u <= PEOPLE; u++) insertUser.run(u, `U${u}`, `Person ${String(u).padStart(4, '0')}`);
    h.rounds.slot.forEach((slot, i) => insertRound.run(i + 1, slot, h.rounds.entry[i], slot, slot, slot + 8 * 3_600_000, slot + 8 * 3_600_000));
    const a = h.answers;
    for (let i = 0; i < a.round.length; i++) {
      insertAnswer.run(a.round[i], a.user[i], a.correct[i] ? 0 : 1, a.correct[i], a.points[i], a.at[i]);
      insertAttempt.run(a.user[i], a.entry[i], a.correct[i], a.at[i]);
    }
    for (const s of h.scores) insertScore.run(s.scope, s.period, s.userKey, s.points, s.correct, s.answered, s.last);
    for (const s of h.streaks) insertStreak.run(s.user, s.current, s.best, s.last);
    const l = h.lookups;
    for (let i = 0; i < l.query.length; i++) insertLookup.run(l.user[i], l.query[i], l.answered[i], l.at[i]);
    db.exec(TALLY_SQLITE);
  })();
  db.exec('ANALYZE');
}

/** Bulk-loads through `unnest` of whole columns, a batch at a time. */
async function loadPostgres(pool: pg.Pool, h: History): Promise<void> {
  const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
  await pool.query("INSERT INTO channels (id, platform, workspace_id, channel_id) OVERRIDING SYSTEM VALUE VALUES (1, 'slack', 'T1', 'C1')");
  await pool.query("INSERT INTO schedules (channel_key, time_of_day, zone, days, cron, next_fire_ms, updated_by, updated_ms) VALUES (1, '09:00', 'UTC', 'daily', '0 9 * * *', $1, 'bench', 0)", [NOW_MS + DAY_MS]);
  await pool.query(
    "INSERT INTO users (id, platform, workspace_id, user_id, display_name) OVERRIDING SYSTEM VALUE SELECT u, 'slack', 'T1', 'U' || u, 'Person ' || lpad(u::text, 4, '0') FROM unnest($1::bigint[]) AS u",
    [ids(PEOPLE)],
  );
  await pool.query(
    `INSERT INTO rounds (id, channel_key, slot_ms, kind, entry_id, mode, choices, correct_index, status, message_id, claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
     OVERRIDING SYSTEM VALUE
     SELECT i, 1, s, 'scheduled', e, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', s, s, s + 28800000, s + 28800000, 1, TRUE
     FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS t(i, s, e)`,
    [ids(ROUNDS), h.rounds.slot, h.rounds.entry],
  );
  const a = h.answers;
  await insertColumns(
    pool,
    `INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms)
     SELECT r, u, 1 - c, c = 1, p, t FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::bigint[]) AS x(r, u, c, p, t)`,
    [a.round, a.user, a.correct, a.points, a.at],
  );
  await insertColumns(
    pool,
    `INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms)
     SELECT u, e, 'round', c = 1, 1, t FROM unnest($1::bigint[], $2::text[], $3::int[], $4::bigint[]) AS x(u, e, c, t)`,
    [a.user, a.entry, a.correct, a.at],
  );
  await insertScores(pool, h.scores);
  const st = h.streaks;
  await pool.query('INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) SELECT 1, * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::bigint[])', [
    st.map((x) => x.user),
    st.map((x) => x.current),
    st.map((x) => x.best),
    st.map((x) => x.last),
  ]);
  const l = h.lookups;
  await pool.query(
    `INSERT INTO lookups (platform, workspace_id, channel_id, user_id, query, top_entry_id, answered, confidence, at_ms)
     SELECT 'slack', 'T1', 'C1', u, q, NULL, a = 1, 0.2, t FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[]) AS x(u, q, a, t)`,
    [l.user, l.query, l.answered, l.at],
  );
  await pool.query(`INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
    SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), count(a.id) FILTER (WHERE a.correct)
    FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.status = 'closed' GROUP BY r.id`);
  for (const table of ['users', 'channels', 'rounds', 'answers', 'attempts', 'lookups']) await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  await pool.query('VACUUM ANALYZE');
}

/** Changes what the overview shows (a cohort member's latest attempt, a board's leader's points), so its charts must be drawn again. */
type Mutate = (step: number) => Promise<void>;

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * Fetches each page over HTTP from the bot's route, RUNS times after a warm-up: wall
 * time (p50, p95) and this process's CPU time per request (server and client share it;
 * less disturbed than wall time on a busy machine). The overview twice: "cold", with the
 * data changed before each request so every chart is drawn again (the first view after
 * an answer), and "warm", unchanged data whose charts the page keeps (a reload, a second
 * lead).
 */
async function measurePages(prefix: string, b: { store: Store; clock: ManualClock }, mutate: Mutate): Promise<Figure[]> {
  const bot: Bot = createBot({ banks: loadBanks('data/banks'), store: b.store, clock: b.clock, chat: noopChat, random: seededRandom(1), dashboard: { secret: SECRET, publicUrl: 'http://127.0.0.1' } });
  const server = await serveRoutes([dashboardRoute(() => bot)], 0, '127.0.0.1');
  const token = signDashboardToken({ platform: 'slack', workspaceId: 'T1', expiresMs: NOW_MS + DAY_MS }, SECRET);
  const origin = `http://127.0.0.1:${server.port}`;
  const pages: [string, string, boolean][] = [
    ['overview_cold', `/dashboard?token=${token}`, true],
    ['overview_warm', `/dashboard?token=${token}`, false],
    ['person', `/dashboard/channels/C1/people/U7?token=${token}`, false],
    ['scores_csv', `/dashboard/channels/C1/scores.csv?token=${token}`, false],
  ];
  const figures: Figure[] = [];
  let step = 0;
  try {
    for (const [name, path, cold] of pages) {
      const fetchPage = async (): Promise<number> => {
        const response = await fetch(origin + path);
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        return (await response.text()).length;
      };
      for (let i = 0; i < WARMUP; i++) {
        if (cold) await mutate(step++);
        await fetchPage();
      }
      const wall: number[] = [];
      const cpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        if (cold) await mutate(step++);
        const usage = process.cpuUsage();
        const started = performance.now();
        bytes = await fetchPage();
        wall.push(performance.now() - started);
        const used = process.cpuUsage(usage);
        cpu.push((used.user + used.system) / 1000);
      }
      figures.push(
        { name: `${prefix}${name}_p50`, value: round(percentile(wall, 50), 1), unit: 'ms' },
        { name: `${prefix}${name}_p95`, value: round(percentile(wall, 95), 1), unit: 'ms' },
        { name: `${prefix}${name}_cpu_mean`, value: round(mean(cpu), 1), unit: 'ms' },
      );
      if (name === 'overview_warm') figures.push({ name: `${prefix}overview_bytes`, value: bytes, unit: 'bytes' });
    }
  } finally {
    await server.close(1000);
  }
  return figures;
}

/**
 * What a step changes: the all-time board's leader gains a point, and one cell of the
 * cohort flips (step s: person s % 50, question s / 50): every step's page is one no
 * earlier step drew, so no chart can come from the page's cache. `offset` keeps the
 * PostgreSQL run's states apart from the SQLite run's (the cache lives in the process).
 */
async function targets(store: Store, offset: number): Promise<(step: number) => { member: number; entry: string; correct: boolean; leader: number }> {
  const cohort = (await store.insights.members('c:slack:T1:C1', 50)).rows.map((r) => r.userKey);
  const [leader] = await store.insights.board('c:slack:T1:C1', 'all', 1);
  const latest = new Map((await store.insights.attempts(cohort)).map((a) => [`${a.userKey}|${a.entryId}`, a.lastCorrect]));
  return (step) => {
    const s = step + offset;
    const member = cohort[s % cohort.length]!;
    const entry = `mesh-q${(Math.floor(s / cohort.length) % 14) + 1}`;
    return { member, entry, correct: !(latest.get(`${member}|${entry}`) ?? false), leader: leader!.userKey };
  };
}

export async function benchDashboard(): Promise<Figure[]> {
  const history = generate();
  const nowIso = new Date(NOW_MS).toISOString();
  const figures: Figure[] = [{ name: 'dashboard.answers_in_channel', value: history.answers.round.length, unit: 'answers' }];
  const sqlite = benchDb(nowIso);
  try {
    figures.push(await secondsTaken('dashboard.sqlite.bulk_load', () => loadSqlite(sqlite.db, history)));
    const change = await targets(sqlite.store, 0);
    const attempt = sqlite.db.prepare("INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms) VALUES (?, ?, 'practice', ?, 1, ?)");
    const point = sqlite.db.prepare("UPDATE scores SET points = points + 1 WHERE scope = 'c:slack:T1:C1' AND period = 'all' AND user_key = ?");
    const mutate: Mutate = async (step) => {
      const c = change(step);
      attempt.run(c.member, c.entry, c.correct ? 1 : 0, NOW_MS + step);
      point.run(c.leader);
    };
    figures.push(...(await measurePages('dashboard.sqlite.', sqlite, mutate)));
  } finally {
    sqlite.dispose();
  }
  const postgres = await pgBenchDb(nowIso);
  try {
    figures.push(await secondsTaken('dashboard.postgres.bulk_load', () => loadPostgres(postgres.pool, history)));
    const change = await targets(postgres.store, 350);
    const mutate: Mutate = async (step) => {
      const c = change(step);
      await postgres.pool.query("INSERT INTO attempts (user_key, entry_id, source, correct, channel_key, at_ms) VALUES ($1, $2, 'practice', $3, 1, $4)", [c.member, c.entry, c.correct, NOW_MS + step]);
      await postgres.pool.query("UPDATE scores SET points = points + 1 WHERE scope = 'c:slack:T1:C1' AND period = 'all' AND user_key = $1", [c.leader]);
    };
    figures.push(...(await measurePages('dashboard.postgres.', postgres, mutate)));
  } finally {
    await postgres.dispose();
  }
  return figures;
}
