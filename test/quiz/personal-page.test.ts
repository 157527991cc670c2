/**
 * `/mesh me` and the page behind Slack's App Home (`bot.home`), and the pictures that
 * follow `/mesh leaderboard` and `/mesh progress`, through the core.
 */
import { describe, expect, it } from 'vitest';
import { buttonsOf, heatmapSize, leaderboardSize, seededRandom, type OutgoingMessage } from '../../src/index.js';
import { pngSize } from '../helpers/chart-data.js';
import { click, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, person, roundPosts, runUntil, say } from '../helpers/quiz.js';

/** Answers a private practice question right or wrong. */
async function answerPractice(t: TestBot, question: OutgoingMessage, right: boolean, name: string): Promise<void> {
  const buttons = buttonsOf(question).filter((b) => b.actionId === 'practice.answer');
  const id = Number(buttons[0]!.value.split(':')[0]);
  const row = (await t.store.learning.practice(id))!;
  const button = buttons.find((b) => (b.value === `${id}:${row.correctIndex}`) === right)!;
  await t.bot.handleAction(click(button.actionId, button.value, person(name)));
}

/** Three weekday rounds: alice right each time, bob wrong. */
async function threeRounds(t: TestBot): Promise<void> {
  await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
  for (const day of ['2026-11-30', '2026-12-01', '2026-12-02']) {
    await runUntil(t, `${day}T12:00:00Z`);
    const post = roundPosts(t.chat).at(-1)!;
    await answerRound(t, post.message, true, person('alice'));
    await answerRound(t, post.message, false, person('bob'));
  }
  await runUntil(t, '2026-12-03T09:00:00Z');
}

describe('a home for each person', () => {
  it('GIVEN alice answered three rounds and missed a practice question THEN /mesh me shows her points, streak, coverage, a review due and the week\'s board, privately', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(5) });
    await threeRounds(t);
    await answerPractice(t, await say(t, 'quiz', person('alice')), false, 'alice');
    t.clock.advance(60 * 60_000);

    const me = await say(t, 'me', person('alice'));

    expect(me.visibility).toBe('ephemeral');
    const text = textOf(me);
    expect(text).toContain('Your progress · alice');
    expect(text).toContain('Points this week: 45');
    expect(text).toContain('Points in all: 45');
    expect(text).toContain('Streak: 3 in a row (best 3)');
    expect(text).toMatch(/Reviews due: [1-9]/);
    expect(text).toMatch(/Service mesh[^\n]*: 3\/14 covered, 1 to retry, 10 not yet seen/i);
    expect(text).toMatch(/This week's board \(whole workspace\)\n# \| Name \| Points\n1 \| alice \| 45\n2 \| bob \| 0/);
    const [review] = buttonsOf(me);
    expect(review).toMatchObject({ label: 'Review now', actionId: 'practice.next', value: 'review' });
    // The button opens the due review privately.
    const opened = await t.bot.handleAction(click(review!.actionId, review!.value, person('alice')));
    expect(opened.messages[0]!.text).toMatch(/^Review: /);
  });

  it('GIVEN someone who never used the bot THEN their home page shows zeros and a practice button, and nothing is written for them', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z' });
    const page = await t.bot.home({ platform: 'console', workspaceId: 'w1', userId: 'newcomer', userName: 'Newcomer' });
    const text = textOf(page);
    expect(text).toContain('Your progress · Newcomer');
    expect(text).toContain('Points in all: 0');
    expect(text).toContain('Streak: none yet');
    expect(text).toContain('Reviews due: none yet');
    expect(text).toContain("This week's board: nobody has scored yet.");
    expect(buttonsOf(page).map((b) => b.label)).toEqual(['Practise a question']);
    expect(await t.store.people.findUser('console', 'w1', 'newcomer')).toBeUndefined();
  });
});

describe('pictures after the text', () => {
  it('GIVEN /mesh leaderboard and /mesh progress THEN the text comes first, with no picture, and the picture follows when asked for', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(5) });
    await threeRounds(t);

    const board = await say(t, 'leaderboard week', person('carol'));
    const cohort = await say(t, 'progress', person('carol'));

    for (const reply of [board, cohort]) {
      expect(reply.images).toBeUndefined();
      expect(typeof reply.followUp).toBe('function');
    }
    const boardPicture = (await board.followUp!())!;
    expect(boardPicture).toMatchObject({ visibility: 'ephemeral', text: "Leaderboard · this channel · this week: top 2 by points; first alice with 45 points and a streak of 3." });
    expect(pngSize(boardPicture.images![0]!.png)).toEqual(leaderboardSize(2));
    const cohortPicture = (await cohort.followUp!())!;
    expect(cohortPicture.images![0]).toMatchObject({ name: 'cohort-heatmap.png', ...heatmapSize(2, 14) });
    expect(pngSize(cohortPicture.images![0]!.png)).toEqual(heatmapSize(2, 14));
  }, 30_000);
});
