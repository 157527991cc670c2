import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buttonsOf, loadBanks, seededRandom } from '../../src/index.js';
import { click, testBot, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, person, roundPosts, runUntil, say, storedRound, tableRows } from '../helpers/quiz.js';
import { TINY_QUIZ_Q1_ONLY, tinyBanksDir } from '../helpers/small-banks.js';

/** alice answers the newest round in #general: right in choice mode, "I knew it" in recall mode. */
async function aliceGetsItRight(t: TestBot): Promise<'choice' | 'recall'> {
  const post = roundPosts(t.chat).at(-1)!;
  const round = await storedRound(t, post.roundId);
  if (round.mode === 'choice') {
    await answerRound(t, post.message, true, person('alice'));
  } else {
    const shown = await t.bot.handleAction(click('quiz.recall', String(round.id), person('alice')));
    const knew = buttonsOf(shown.messages[0]!).find((b) => b.label === 'I knew it')!;
    await t.bot.handleAction(click(knew.actionId, knew.value, person('alice')));
  }
  return round.mode;
}

function aliceStreak(rows: string[][]): string | undefined {
  return rows.find((r) => r[1] === 'alice')?.[3];
}

describe('streaks', () => {
  it('GIVEN self-graded recall rounds between multiple-choice rounds THEN they neither break nor extend a streak', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', banks: loadBanks(tinyBanksDir(TINY_QUIZ_Q1_ONLY)), random: seededRandom(51) });
    await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
    const modes: string[] = [];
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08']) {
      await runUntil(t, `${day}T10:05:00Z`);
      modes.push(await aliceGetsItRight(t));
      await runUntil(t, `${day}T20:00:00Z`);
    }
    // The bank has one question with items and two without: the choice rounds have recall rounds between them.
    expect(modes.join(' ')).toMatch(/choice.*recall.*choice/);
    const choiceRounds = modes.filter((m) => m === 'choice').length;
    expect(aliceStreak(tableRows(await say(t, 'leaderboard')))).toBe(String(choiceRounds));
  });

  it('GIVEN a manual round between scheduled rounds THEN it does not count for streaks', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(52) });
    await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(t, '2026-11-30T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-11-30T20:00:00Z');
    await say(t, 'post', admin('lead')); // alice ignores this one
    await runUntil(t, '2026-12-01T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-12-01T20:00:00Z');
    expect(aliceStreak(tableRows(await say(t, 'leaderboard')))).toBe('2');
  });

  it('GIVEN a slot missed while the bot was down THEN no round happened, and the streak carries on', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(53) });
    await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(t, '2026-11-30T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-11-30T20:00:00Z');
    // Down all Tuesday: the tick at Wednesday 09:00 finds Tuesday's window long closed.
    t.clock.set(new Date('2026-12-02T09:00:00Z'));
    expect(await t.bot.tick()).toMatchObject({ missed: 1, opened: 0 });
    await runUntil(t, '2026-12-02T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-12-02T20:00:00Z');
    expect(roundPosts(t.chat)).toHaveLength(2);
    expect(aliceStreak(tableRows(await say(t, 'leaderboard')))).toBe('2');
  });

  it('GIVEN a round she did not answer THEN alice\'s streak is broken, and shows 0 until she answers again', async () => {
    const t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(54) });
    await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
    await runUntil(t, '2026-11-30T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-12-01T20:00:00Z'); // Tuesday's round passes unanswered
    expect(aliceStreak(tableRows(await say(t, 'leaderboard')))).toBe('0');
    await runUntil(t, '2026-12-02T10:05:00Z');
    await aliceGetsItRight(t);
    await runUntil(t, '2026-12-02T20:00:00Z');
    expect(aliceStreak(tableRows(await say(t, 'leaderboard')))).toBe('1');
  });
});

describe('leaderboard periods follow the channel\'s zone', () => {
  it('GIVEN answers either side of midnight in Berlin on the last Sunday of February THEN weeks and months split at Berlin\'s midnight', async () => {
    // Sunday 28 February 2027, 23:00 in Berlin (22:00 UTC).
    const t = testBot({ start: '2027-02-28T22:00:00Z', random: seededRandom(55) });
    await say(t, 'schedule 10:00 Europe/Berlin weekdays', admin('lead'));
    await say(t, 'post', admin('lead'));
    const post = roundPosts(t.chat).at(-1)!;
    t.clock.set(new Date(DateTime.fromISO('2027-02-28T23:40', { zone: 'Europe/Berlin' }).toMillis()));
    await answerRound(t, post.message, true, person('alice'));
    // 00:20 on Monday 1 March in Berlin, still Sunday 28 February in UTC.
    t.clock.set(new Date(DateTime.fromISO('2027-03-01T00:20', { zone: 'Europe/Berlin' }).toMillis()));
    await answerRound(t, post.message, true, person('bob'));

    expect(tableRows(await say(t, 'leaderboard week'))).toEqual([['1', 'bob', '10', '0']]);
    expect(tableRows(await say(t, 'leaderboard month'))).toEqual([['1', 'bob', '10', '0']]);
    expect(tableRows(await say(t, 'leaderboard all'))).toEqual([
      ['1', 'alice', '15', '0'],
      ['2', 'bob', '10', '0'],
    ]);
    expect(tableRows(await say(t, 'leaderboard week workspace'))).toEqual([['1', 'bob', '10', '1/1']]);
  });

  it('GIVEN no answers yet THEN the board says so plainly', async () => {
    const reply = await say(testBot(), 'leaderboard month');
    expect(reply.text).toBe('No points yet in this channel (this month). Answer a quiz round to get on the board.');
  });
});
