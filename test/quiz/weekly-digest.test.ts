/**
 * The weekly digest end to end through the core, on a SQLite file that outlives each
 * "process": one digest per channel per week across restarts and downtime, late within
 * its window, missed after it, and what the digest says and shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heatmapSize, leaderboardSize, seededRandom, type Message } from '../../src/index.js';
import { pngSize } from '../helpers/chart-data.js';
import { command, RecordingChat, tempDir, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, person, roundPosts, runUntil, say } from '../helpers/quiz.js';

/** Mon 30 Nov 2026; the default digest is Friday 4 Dec at the quiz's 10:00 UTC. */
const MONDAY = '2026-11-30T08:00:00Z';
const FRIDAY_DIGEST = Date.parse('2026-12-04T10:00:00Z');

function digestPosts(chat: RecordingChat): { message: Message; channelId: string }[] {
  return chat.calls.filter((c) => c.kind === 'post' && c.message.text.startsWith('Weekly digest')).map((c) => ({ message: c.message, channelId: c.channel.channelId }));
}

/** A process on the database file, its clock at `at`. */
function processAt(path: string, at: string, seed: number): TestBot {
  return testBot({ path, start: at, random: seededRandom(seed) });
}

/** Answers every round posted so far that `t` saw: alice right, bob wrong. */
async function answerAll(t: TestBot, seen: Set<number>): Promise<void> {
  for (const post of roundPosts(t.chat)) {
    if (seen.has(post.roundId)) continue;
    seen.add(post.roundId);
    const round = await t.store.rounds.get(post.roundId);
    if (round?.status !== 'open') continue;
    await answerRound(t, post.message, true, person('alice'));
    await answerRound(t, post.message, false, person('bob'));
  }
}

describe('weekly digest', () => {
  it('GIVEN a weekday quiz WHEN the bot restarts twice and is down over Friday 10:00 THEN one digest posts late, once, and the next week posts its own', async () => {
    const path = join(tempDir(), 'bot.db');
    const seen = new Set<number>();
    // Process 1: Monday to Thursday, answering each round.
    const first = processAt(path, MONDAY, 1);
    await say(first, 'schedule 10:00 UTC weekdays', admin('lead'));
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
      await runUntil(first, `${day}T12:00:00Z`);
      await answerAll(first, seen);
    }
    await first.store.close();

    // Process 2 (restart 1): Thursday evening until it dies at 09:00 on Friday, before the digest.
    const second = processAt(path, '2026-12-03T20:00:00Z', 2);
    await runUntil(second, '2026-12-04T09:00:00Z');
    expect(digestPosts(second.chat)).toHaveLength(0);
    await second.store.close();

    // Process 3 (restart 2) after six hours down: the digest goes out late, within its window, once.
    const third = processAt(path, '2026-12-04T15:00:00Z', 3);
    const report = await third.bot.tick();
    expect(report.digests).toEqual({ posted: 1, missed: 0, failed: 0 });
    await runUntil(third, '2026-12-04T23:00:00Z');
    const [late] = digestPosts(third.chat);
    expect(digestPosts(third.chat)).toHaveLength(1);
    expect(late!.channelId).toBe('general');
    const [stored] = await third.store.digests.history(await third.store.people.channelKey({ platform: 'console', workspaceId: 'w1', channelId: 'general' }), 5);
    expect(stored).toMatchObject({ status: 'posted', weekKey: 'w2026-49', slotMs: FRIDAY_DIGEST, postedMs: Date.parse('2026-12-04T15:00:00Z') });

    // What the channel reads: the week's board with its chart, the cohort, the hardest question, the streaks.
    const text = textOf(late!.message);
    expect(late!.message.text).toBe('Weekly digest · week of 30 Nov 2026: 1. alice 60 points');
    expect(text).toMatch(/1 \| alice \| 60 \| 4\n2 \| bob \| 0 \| 0/);
    expect(text).toMatch(/Hardest question this week: Q\d+ · .+: 1 of 2 right \(50%\)\./);
    expect(text).toContain('Kept their streak: alice (4 in a row).');
    const [board, heatmap] = late!.message.images!;
    expect(pngSize(board!.png)).toEqual(leaderboardSize(2));
    expect(board).toMatchObject({ name: 'weekly-board.png', alt: expect.stringMatching(/^Leaderboard · this channel · week of 30 Nov 2026/) });
    expect(pngSize(heatmap!.png)).toEqual(heatmapSize(2, 14));
    await third.store.close();

    // Process 4: the next week posts its own digest, on time, once.
    const fourth = processAt(path, '2026-12-05T08:00:00Z', 4);
    await runUntil(fourth, '2026-12-11T18:00:00Z');
    const next = digestPosts(fourth.chat);
    expect(next.map((d) => d.message.text.split(':')[0])).toEqual(['Weekly digest · week of 7 Dec 2026']);
    const history = await fourth.store.digests.history(1, 5);
    expect(history.map((d) => [d.weekKey, d.status, d.postedMs])).toEqual([
      ['w2026-50', 'posted', Date.parse('2026-12-11T10:00:00Z')],
      ['w2026-49', 'posted', Date.parse('2026-12-04T15:00:00Z')],
    ]);
    await fourth.store.close();
  }, 60_000);

  it('GIVEN the bot down past the window WHEN it starts on Saturday THEN the digest is missed, never posted late, and the next Friday posts', async () => {
    const path = join(tempDir(), 'bot.db');
    const first = processAt(path, MONDAY, 1);
    await say(first, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(first, '2026-12-04T09:00:00Z');
    await first.store.close();

    const second = processAt(path, '2026-12-05T09:00:00Z', 2);
    const report = await second.bot.tick();
    expect(report.digests).toEqual({ posted: 0, missed: 1, failed: 0 });
    await runUntil(second, '2026-12-10T12:00:00Z');
    expect(digestPosts(second.chat)).toHaveLength(0);
    await runUntil(second, '2026-12-11T10:00:00Z');
    expect(digestPosts(second.chat).map((d) => d.message.text.split(':')[0])).toEqual(['Weekly digest · week of 7 Dec 2026']);
    await second.store.close();
  }, 60_000);

  it('GIVEN a claim whose post never finished (a crash) WHEN another process ticks after the lease THEN it posts it late, once', async () => {
    const path = join(tempDir(), 'bot.db');
    const chat = new RecordingChat();
    const first = testBot({ path, start: MONDAY, chat });
    await say(first, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(first, '2026-12-04T09:59:00Z');
    chat.failNext = 2; // the round's post and the digest's post both fail at 10:00
    first.clock.set(new Date(FRIDAY_DIGEST));
    const failed = await first.bot.tick();
    expect(failed.digests).toEqual({ posted: 0, missed: 0, failed: 1 });
    await first.store.close();

    const second = processAt(path, '2026-12-04T10:30:00Z', 2);
    const [retry, again] = [await second.bot.tick(), await second.bot.tick()];
    expect(retry.digests).toEqual({ posted: 1, missed: 0, failed: 0 });
    expect(again.digests).toEqual({ posted: 0, missed: 0, failed: 0 });
    expect(digestPosts(second.chat)).toHaveLength(1);
    await second.store.close();
  }, 60_000);

  it('GIVEN two processes ticking at the same moment THEN the channel gets one digest', async () => {
    const path = join(tempDir(), 'bot.db');
    const setup = processAt(path, MONDAY, 1);
    await say(setup, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(setup, '2026-12-04T09:59:00Z');
    await setup.store.close();
    const a = processAt(path, '2026-12-04T10:00:05Z', 2);
    const b = processAt(path, '2026-12-04T10:00:05Z', 3);
    const reports = await Promise.all([a.bot.tick(), b.bot.tick()]);
    expect(reports.map((r) => r.digests?.posted ?? 0).reduce((x, y) => x + y, 0)).toBe(1);
    expect(digestPosts(a.chat).length + digestPosts(b.chat).length).toBe(1);
    await a.store.close();
    await b.store.close();
  }, 60_000);

  it('GIVEN digest commands THEN admins move it or turn it off, anyone sees it, and a channel without a quiz is told why', async () => {
    const t = testBot({ start: MONDAY });
    expect((await say(t, 'digest friday', admin('lead'))).failure).toBe('digest.no_quiz');
    await say(t, 'schedule 09:30 Europe/Berlin weekdays', admin('lead'));
    expect((await say(t, 'digest')).text).toBe("Weekly digest: Fridays at 09:30 Europe/Berlin (the quiz's time). Next: Fri 4 Dec 09:30 Europe/Berlin.");
    expect((await say(t, 'digest monday 16:00', person('alice'))).failure).toBe('command.admin_only');
    expect((await say(t, 'digest someday', admin('lead'))).failure).toBe('digest.bad_day');
    expect((await say(t, 'digest monday 25:00', admin('lead'))).failure).toBe('digest.bad_time');
    const set = await say(t, 'digest mon 16:00', admin('lead'));
    expect(set).toMatchObject({ visibility: 'channel', text: 'Weekly digest set: Mondays at 16:00 Europe/Berlin. Next: Mon 30 Nov 16:00 Europe/Berlin.' });
    await runUntil(t, '2026-12-04T18:00:00Z');
    expect(digestPosts(t.chat).map((d) => d.message.text.split(':')[0])).toEqual(['Weekly digest · week of 30 Nov 2026']);
    const off = await t.bot.handleCommand(command('digest off', admin('lead')));
    expect(off[0]).toMatchObject({ visibility: 'channel', text: 'Weekly digest turned off for this channel.' });
    await runUntil(t, '2026-12-21T18:00:00Z');
    expect(digestPosts(t.chat)).toHaveLength(1);
    expect((await say(t, 'digest')).text).toMatch(/^The weekly digest is off in this channel/);
    await t.store.close();
  }, 60_000);
});
