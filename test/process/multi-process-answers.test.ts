/**
 * Three processes on one SQLite file clicking for the same people at once: the store's
 * unique keys and IMMEDIATE transactions keep one answer per person, whichever process wins.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/index.js';
import { tempDir, testBot, type TestBot } from '../helpers/fixtures.js';
import { admin, person, roundPosts, say, storedRound, tableRows } from '../helpers/quiz.js';

async function postRound(t: TestBot) {
  await say(t, 'post', admin('lead'));
  const post = roundPosts(t.chat).at(-1);
  if (!post) throw new Error('no round posted');
  return { ...post, round: await storedRound(t, post.roundId) };
}

function runWorker(path: string, roundId: number, users: string[], startAt: number): Promise<Record<string, number>> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['test/helpers/answer-worker.ts', path, String(roundId), users.join(','), String(startAt)], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`worker exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim()) as Record<string, number>);
    });
  });
}

describe('answers from several processes on one SQLite file', () => {
  it('GIVEN three processes on one database file clicking for the same people at once THEN each person has exactly one answer', async () => {
    const path = join(tempDir(), 'bot.db');
    const t = testBot({ path, random: seededRandom(23) });
    const { round } = await postRound(t);
    const people = Array.from({ length: 120 }, (_, i) => `user${i}`);
    const startAt = Date.now() + 3000;
    // Every person is clicked for by two of the three processes.
    const shares = [people.slice(0, 80), people.slice(40, 120), [...people.slice(0, 40), ...people.slice(80, 120)]];

    const outputs = await Promise.all(shares.map((share) => runWorker(path, round.id, share, startAt)));

    const total = outputs.reduce<Record<string, number>>((sum, o) => {
      for (const [k, v] of Object.entries(o)) sum[k] = (sum[k] ?? 0) + v;
      return sum;
    }, {});
    // Per person: the pick that counted is confirmed to both processes that sent it (a
    // repeat is confirmed, not refused); the other three picks, from both, are refused.
    expect(total).toEqual({ recorded: 120 * 2, 'quiz.already_answered': 120 * 2 * 3 });
    expect((await t.store.rounds.results(round.id)).answered).toBe(120);
    const board = tableRows(await say(t, 'leaderboard all workspace', person('user0')));
    expect(board).toHaveLength(10);
    // One row per person on every board, each with one answer counted.
    expect(board.every((r) => r[3] === '1/1' || r[3] === '0/1')).toBe(true);
  }, 30_000);

});
