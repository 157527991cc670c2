/**
 * Leaderboard top-10 with 1,000,000 answers in the database: 40 channels of one
 * workspace, 250 daily rounds each, 100 answers a round from a pool of 3,000 people.
 * The rows are bulk-loaded with prepared statements in one transaction (answers, rounds,
 * the score rows those answers add up to, streaks), then the board is read the way
 * `/mesh leaderboard` reads it: through the store, and through the whole command.
 */
import { periodKey, pointsFor, seededRandom as random, type IncomingCommand } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { benchDb, timeRuns, type BenchDb } from './quiz-fixtures.js';

const CHANNELS = 40;
const ROUNDS_PER_CHANNEL = 250;
const ANSWERS_PER_ROUND = 100;
const PEOPLE = 3_000;
const START_MS = Date.parse('2026-01-05T09:00:00Z');
const DAY_MS = 86_400_000;
const RUNS = 300;

interface Score {
  points: number;
  correct: number;
  answered: number;
  last: number;
}

/** Loads the history; returns how many answers it wrote. */
function load(b: BenchDb): number {
  const { db } = b;
  const rand = random(42);
  // Raw inserts: the bench loads a history, it does not measure loading it.
  const insertUser = db.prepare("INSERT INTO users (platform, workspace_id, user_id, display_name) VALUES ('slack', 'T1', ?, ?) RETURNING id").pluck();
  const insertChannel = db.prepare("INSERT INTO channels (platform, workspace_id, channel_id) VALUES ('slack', 'T1', ?) RETURNING id").pluck();
  const users = Array.from({ length: PEOPLE }, (_, u) => insertUser.get(`U${u}`, `person ${u}`) as number);
  const insertRound = db.prepare(`INSERT INTO rounds (channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, message_id,
      claimed_ms, opened_ms, closes_ms, closed_ms, post_attempts, revealed)
    VALUES (?, ?, 'scheduled', ?, NULL, 'choice', '["a","b","c","d"]', 0, 'closed', 'm', ?, ?, ?, ?, 1, 1)`);
  const insertAnswer = db.prepare('INSERT INTO answers (round_id, user_key, choice_index, correct, points, answered_ms) VALUES (?, ?, ?, ?, ?, ?)');
  const insertScore = db.prepare('INSERT INTO scores (scope, period, user_key, points, correct, answered, last_scored_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertStreak = db.prepare('INSERT INTO streaks (channel_key, user_key, current, best, last_slot_ms) VALUES (?, ?, ?, ?, ?)');
  const scores = new Map<string, Score>();
  const add = (scope: string, period: string, user: number, points: number, correct: boolean, at: number): void => {
    const key = `${scope}\u0000${period}\u0000${user}`;
    const s = scores.get(key) ?? { points: 0, correct: 0, answered: 0, last: at };
    s.points += points;
    s.correct += correct ? 1 : 0;
    s.answered++;
    if (points > 0) s.last = at;
    scores.set(key, s);
  };
  let answers = 0;
  db.transaction(() => {
    for (let c = 0; c < CHANNELS; c++) {
      const channelId = `C${c}`;
      const channelKey = insertChannel.get(channelId) as number;
      const scopes = [`c:slack:T1:${channelId}`, 'w:slack:T1'];
      // Each channel has its own regulars: a window of the people pool.
      const regulars = Array.from({ length: 300 }, (_, i) => users[(c * 75 + i) % PEOPLE]!);
      let lastSlot = 0;
      for (let r = 0; r < ROUNDS_PER_CHANNEL; r++) {
        const slot = START_MS + r * DAY_MS;
        lastSlot = slot;
        const roundId = Number(insertRound.run(channelKey, slot, `mesh-q${(r % 14) + 1}`, slot, slot, slot + 8 * 3_600_000, slot + 8 * 3_600_000).lastInsertRowid);
        const periods = ['all', periodKey('week', slot, 'UTC'), periodKey('month', slot, 'UTC')];
        const start = Math.floor(rand() * regulars.length);
        let first = true;
        for (let i = 0; i < ANSWERS_PER_ROUND; i++) {
          const user = regulars[(start + i) % regulars.length]!;
          const correct = rand() < 0.6;
          const points = pointsFor(correct, correct && first);
          if (correct) first = false;
          const at = slot + 60_000 + i * 1_000;
          insertAnswer.run(roundId, user, correct ? 0 : 1, correct ? 1 : 0, points, at);
          for (const scope of scopes) for (const period of periods) add(scope, period, user, points, correct, at);
          answers++;
        }
      }
      for (const user of regulars) insertStreak.run(channelKey, user, 1 + (user % 7), 1 + (user % 11), lastSlot);
    }
    for (const [key, s] of scores) {
      const [scope, period, user] = key.split('\u0000');
      insertScore.run(scope, period, Number(user), s.points, s.correct, s.answered, s.last);
    }
  })();
  db.exec('ANALYZE');
  return answers;
}

export async function benchLeaderboard(): Promise<Figure[]> {
  const b = benchDb(new Date(START_MS + (ROUNDS_PER_CHANNEL - 1) * DAY_MS + 12 * 3_600_000).toISOString());
  try {
    const loadStart = performance.now();
    const answers = load(b);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const asker: IncomingCommand = { platform: 'slack', workspaceId: 'T1', channelId: 'C7', userId: 'U1', userName: 'person 1', isAdmin: false, text: '' };
    const nowMs = b.clock.now().getTime();
    const figures: Figure[] = [
      { name: 'quiz.leaderboard.answers_in_db', value: answers, unit: 'answers' },
      { name: 'quiz.leaderboard.bulk_load', value: round(loadSeconds, 1), unit: 's' },
    ];
    const cases: [string, () => unknown][] = [
      ['store_channel_all', () => b.store.answers.leaderboard('c:slack:T1:C7', 'all', 10)],
      ['store_channel_week', () => b.store.answers.leaderboard('c:slack:T1:C7', periodKey('week', nowMs, 'UTC'), 10)],
      ['store_workspace_all', () => b.store.answers.leaderboard('w:slack:T1', 'all', 10)],
      ['store_workspace_month', () => b.store.answers.leaderboard('w:slack:T1', periodKey('month', nowMs, 'UTC'), 10)],
      ['command_channel_all', () => b.bot.handleCommand({ ...asker, text: 'leaderboard' })],
      ['command_workspace_all', () => b.bot.handleCommand({ ...asker, text: 'leaderboard all workspace' })],
      ['command_channel_week', () => b.bot.handleCommand({ ...asker, text: 'leaderboard week' })],
    ];
    for (const [name, run] of cases) {
      const times = await timeRuns(RUNS, 20, run);
      figures.push(
        { name: `quiz.leaderboard.${name}_p50`, value: round(percentile(times, 50)), unit: 'ms' },
        { name: `quiz.leaderboard.${name}_p99`, value: round(percentile(times, 99)), unit: 'ms' },
      );
    }
    return figures;
  } finally {
    b.dispose();
  }
}
