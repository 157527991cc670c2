/**
 * Quiz benchmarks (issue 3): answers recorded per second through the real click path,
 * leaderboard top-10 with 1,000,000 answers in the database, and the scheduler tick with
 * 10,000 scheduled channels. Each runs on its own database file with the real migrations
 * (WAL), and prints figures only: the targets (>= 10,000 answers/s, < 5 ms, < 50 ms) are
 * read against them, never asserted.
 */
import type { Figure } from './figure.js';
import { benchAnswers } from './quiz-answers-bench.js';
import { benchLeaderboard } from './quiz-leaderboard-bench.js';
import { benchTick } from './quiz-tick-bench.js';

export async function benchQuiz(): Promise<Figure[]> {
  return [...(await benchAnswers()), ...(await benchLeaderboard()), ...(await benchTick())];
}
