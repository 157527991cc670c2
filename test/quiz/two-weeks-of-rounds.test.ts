import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/index.js';
import { testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, choiceButtons, latestUpdate, localTime, person, roundPosts, runUntil, say, storedRound, tableRows } from '../helpers/quiz.js';

/**
 * Two channels on different zones run weekday rounds for two weeks (Mon 22 March to Fri
 * 2 April 2027); Berlin springs forward on Sunday 28 March, so its rounds move from 09:00
 * to 08:00 UTC while staying at 10:00 local. Each person's answers follow a plan
 * (R right, W wrong, - no answer) in the order listed, so the first right answer of a
 * round is the first R in the list; every expected figure below is computed by hand.
 */
const BERLIN = { channel: 'berlin', zone: 'Europe/Berlin', time: '10:00' };
const NEW_YORK = { channel: 'newyork', zone: 'America/New_York', time: '09:30' };

const PLANS: Readonly<Record<string, readonly [string, string][]>> = {
  berlin: [
    ['bob', 'RRWRRR-RRR'],
    ['alice', 'RRRRRRRRRR'],
    ['carol', '-----RRRRR'],
  ],
  newyork: [
    ['erin', 'RRRR-RRRRR'],
    ['dave', 'RWRRRRRRRR'],
    ['alice', 'WWWWWWWWWW'],
  ],
};

const WEEKDAYS = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'];

/** Runs the two weeks; `endOfDay` runs each evening after both rounds have closed. */
async function runTwoWeeks(endOfDay: (t: TestBot, date: string) => Promise<void> = async () => {}): Promise<TestBot> {
  const t = testBot({ start: '2027-03-21T12:00:00Z', random: seededRandom(7) });
  for (const c of [BERLIN, NEW_YORK]) {
    await say(t, `schedule ${c.time} ${c.zone} weekdays`, admin('lead', c.channel));
  }
  for (const [day, date] of WEEKDAYS.entries()) {
    for (const c of [BERLIN, NEW_YORK]) {
      const slot = DateTime.fromISO(`${date}T${c.time}`, { zone: c.zone }).toMillis();
      await runUntil(t, slot + 20 * 60_000);
      const post = roundPosts(t.chat, c.channel).at(-1)!;
      for (const [name, plan] of PLANS[c.channel]!) {
        const mark = plan[day];
        if (mark === 'R' || mark === 'W') await answerRound(t, post.message, mark === 'R', person(name, c.channel));
        t.clock.advance(1000);
      }
    }
    // 23:45 in Berlin: both rounds have closed (New York's at 17:30 local) and it is still the same day in both zones.
    await runUntil(t, DateTime.fromISO(`${date}T23:45`, { zone: 'Europe/Berlin' }).toMillis());
    await endOfDay(t, date);
  }
  return t;
}

function board(rows: string[][]): string[] {
  return rows.map((r) => r.join(' '));
}

describe('two weeks of weekday rounds in two channels and zones', () => {
  it('posts exactly one round per weekday at the local time, across the DST change, and reveals each', async () => {
    const t = await runTwoWeeks();
    for (const c of [BERLIN, NEW_YORK]) {
      const posts = roundPosts(t.chat, c.channel);
      const slots = await Promise.all(posts.map(async (p) => localTime((await storedRound(t, p.roundId)).slotMs, c.zone)));
      expect(slots).toEqual(WEEKDAYS.map((d) => localTime(DateTime.fromISO(`${d}T${c.time}`, { zone: c.zone }).toMillis(), c.zone)));
      for (const p of posts) {
        const round = await storedRound(t, p.roundId);
        expect(round.status).toBe('closed');
        // Posted on time (the tick ran at the slot), closed 8 hours later.
        expect(round.openedMs).toBe(round.slotMs);
        expect(round.closedMs).toBe(round.slotMs + 8 * 3_600_000);
        const reveal = latestUpdate(t.chat, p.messageId)!;
        const rightLabel = choiceButtons(p.message)[round.correctIndex!]!.label;
        expect(textOf(reveal)).toContain(`Answer: ${rightLabel}`);
      }
    }
    // Ten rounds from a 14-question bank: no question twice in a channel.
    for (const c of [BERLIN, NEW_YORK]) {
      expect(new Set(await Promise.all(roundPosts(t.chat, c.channel).map(async (p) => (await storedRound(t, p.roundId)).entryId))).size).toBe(10);
    }
    // The spring-forward shows in UTC: 09:00Z before, 08:00Z after, for the same 10:00 local.
    const berlinUtc = await Promise.all(roundPosts(t.chat, 'berlin').map(async (p) => new Date((await storedRound(t, p.roundId)).slotMs).toISOString().slice(11, 16)));
    expect(berlinUtc).toEqual(['09:00', '09:00', '09:00', '09:00', '09:00', '08:00', '08:00', '08:00', '08:00', '08:00']);
  });

  it('keeps channel and workspace boards and streaks that match the hand-computed plan', async () => {
    const berlin = person('alice', 'berlin');
    const seen = new Map<string, string[]>();
    const t = await runTwoWeeks(async (bot, date) => {
      if (date === '2027-03-26') seen.set('berlin week 1', board(tableRows(await say(bot, 'leaderboard week', berlin))));
      if (date === '2027-03-31') seen.set('berlin march', board(tableRows(await say(bot, 'leaderboard month', berlin))));
    });

    // Week 1 (days 0-4): bob right on 0,1,3,4 and first each time (15 each); alice first only on day 2.
    // Streaks: bob 2 (days 3-4, broken by his wrong answer on day 2), alice 5.
    expect(seen.get('berlin week 1')).toEqual(['1 bob 60 2', '2 alice 55 5']);
    // March = days 0-7: bob right on 0,1,3,4,5,7 = 90; alice first on days 2 and 6: 30 + 60 = 90;
    // the tie goes to bob, who reached 90 a second before alice on day 7. carol: days 5-7.
    // bob's streak is 1: he skipped day 6's round.
    expect(seen.get('berlin march')).toEqual(['1 bob 90 1', '2 alice 90 8', '3 carol 30 3']);

    // All time: bob 8 x 15 = 120; alice 2 x 15 + 8 x 10 = 110; carol 5 x 10 = 50.
    // Streaks: alice 10; bob 3 (days 7-9); carol 5. The weekend never broke a streak.
    expect(board(tableRows(await say(t, 'leaderboard', berlin)))).toEqual(['1 bob 120 3', '2 alice 110 10', '3 carol 50 5']);
    expect(board(tableRows(await say(t, 'leaderboard week', berlin)))).toEqual(['1 bob 60 3', '2 alice 55 10', '3 carol 50 5']);
    // April = days 8-9: bob first both days; alice and carol tie at 20, alice answered first.
    expect(board(tableRows(await say(t, 'leaderboard month', berlin)))).toEqual(['1 bob 30 3', '2 alice 20 10', '3 carol 20 5']);

    const newYork = person('dave', 'newyork');
    // erin right on all but day 4, always first: 9 x 15 = 135; dave right on all but day 1, first on day 4: 15 + 80 = 95.
    // Streaks: erin 5 (days 5-9, broken by the round she skipped); dave 8 (days 2-9); alice never right.
    expect(board(tableRows(await say(t, 'leaderboard all', newYork)))).toEqual(['1 erin 135 5', '2 dave 95 8', '3 alice 0 0']);

    // Workspace: every channel together, with right/answered; alice's 110 come from Berlin only.
    expect(board(tableRows(await say(t, 'leaderboard all workspace', newYork)))).toEqual([
      '1 erin 135 9/9',
      '2 bob 120 8/9',
      '3 alice 110 10/20',
      '4 dave 95 9/10',
      '5 carol 50 5/5',
    ]);
  });
});
