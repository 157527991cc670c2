import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/index.js';
import { testBot, type TestBot } from '../helpers/fixtures.js';
import { admin, localTime, roundPosts, say, storedRound, tickEveryMinute } from '../helpers/quiz.js';

/** Local slot times of every round posted in a channel, in order. */
async function slots(t: TestBot, channel: string, zone: string): Promise<string[]> {
  return Promise.all(roundPosts(t.chat, channel).map(async (p) => localTime((await storedRound(t, p.roundId)).slotMs, zone)));
}

describe('daily schedules across DST changes, ticking every minute as in production', () => {
  it('GIVEN 02:30 Europe/Berlin daily THEN the spring-forward day gets one round, an hour later, and no day is skipped', async () => {
    const t = testBot({ start: '2027-03-26T12:00:00Z', random: seededRandom(1) });
    await say(t, 'schedule 02:30 Europe/Berlin daily', admin('lead'));
    await tickEveryMinute(t, '2027-03-30T12:00:00Z');
    // 02:30 does not exist on 28 March (clocks jump from 02:00 to 03:00): the round opens at 03:30.
    expect(await slots(t, 'general', 'Europe/Berlin')).toEqual(['Sat 2027-03-27 02:30', 'Sun 2027-03-28 03:30', 'Mon 2027-03-29 02:30', 'Tue 2027-03-30 02:30']);
  });

  it('GIVEN 02:30 Europe/Berlin daily THEN the fall-back day, where 02:30 happens twice, gets one round', async () => {
    const t = testBot({ start: '2027-10-29T12:00:00Z', random: seededRandom(2) });
    await say(t, 'schedule 02:30 Europe/Berlin daily', admin('lead'));
    await tickEveryMinute(t, '2027-11-02T12:00:00Z');
    const posted = await Promise.all(roundPosts(t.chat).map(async (p) => new Date((await storedRound(t, p.roundId)).slotMs).toISOString()));
    // The first 02:30 (summer time, 00:30 UTC) counts; the repeat an hour later does not.
    expect(posted).toEqual(['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-11-01T01:30:00.000Z', '2027-11-02T01:30:00.000Z']);
  });

  it('GIVEN America/New_York schedules THEN both 2027 changes keep one round per day', async () => {
    const spring = testBot({ start: '2027-03-12T12:00:00Z', random: seededRandom(3) });
    await say(spring, 'schedule 02:30 America/New_York daily', admin('lead'));
    await tickEveryMinute(spring, '2027-03-16T12:00:00Z');
    expect(await slots(spring, 'general', 'America/New_York')).toEqual(['Sat 2027-03-13 02:30', 'Sun 2027-03-14 03:30', 'Mon 2027-03-15 02:30', 'Tue 2027-03-16 02:30']);

    const fall = testBot({ start: '2027-11-05T12:00:00Z', random: seededRandom(4) });
    await say(fall, 'schedule 01:30 America/New_York daily', admin('lead'));
    await tickEveryMinute(fall, '2027-11-09T12:00:00Z');
    expect(await slots(fall, 'general', 'America/New_York')).toEqual(['Sat 2027-11-06 01:30', 'Sun 2027-11-07 01:30', 'Mon 2027-11-08 01:30', 'Tue 2027-11-09 01:30']);
  });

  it('GIVEN the bot was down from before one slot until after the spring-forward slot THEN it posts the latest slot late, within its window', async () => {
    const t = testBot({ start: '2027-03-26T12:00:00Z', random: seededRandom(5) });
    await say(t, 'schedule 02:30 Europe/Berlin daily', admin('lead'));
    // Down from Friday afternoon until 04:00 on Sunday (02:00 UTC): Saturday's slot passed
    // entirely; Sunday's (03:30, the day 02:30 does not exist) is half an hour old.
    t.clock.set(new Date('2027-03-28T02:00:00Z'));
    const report = await t.bot.tick();
    expect(report).toMatchObject({ opened: 1, missed: 1 });
    expect(await slots(t, 'general', 'Europe/Berlin')).toEqual(['Sun 2027-03-28 03:30']);
    await tickEveryMinute(t, '2027-03-29T12:00:00Z');
    expect(await slots(t, 'general', 'Europe/Berlin')).toEqual(['Sun 2027-03-28 03:30', 'Mon 2027-03-29 02:30']);
  });
});
