import { describe, expect, it } from 'vitest';
import { parseSchedule, seededRandom } from '../../src/index.js';
import { testBot } from '../helpers/fixtures.js';
import { admin, person, roundPosts, runUntil, say } from '../helpers/quiz.js';

describe('schedule command', () => {
  it.each([
    ['25:00', /"25:00" is not a time of day: use HH:MM, 24-hour/],
    ['10am Europe/Berlin', /"10am" is not a time of day/],
    ['10:00 Mars/Olympus_Mons', /"Mars\/Olympus_Mons" is not a time zone I know: use an IANA name like Europe\/Berlin/],
    ['10:00 Berlin', /"Berlin" is not a time zone I know/],
    ['10:00 UTC 0 10 * * 9', /invalid cron expression: .*9/],
    ['10:00 UTC 0 10 * *', /expected weekdays, daily, weekends, day names like mon,wed,fri, or a five-field cron expression/],
    ['10:00 UTC 30 9 * * 1-5', /fires at 9:30, not at the time given/],
    ['10:00 UTC */5 * * * *', /more than one round an hour/],
    ['10:00 UTC 0,30 10 * * *', /more than one round an hour/],
    ['10:00 UTC fortnightly', /"fortnightly": expected weekdays, daily/],
  ])('GIVEN "schedule %s" THEN it is refused with a clear message', async (args, message) => {
    const t = testBot();
    const reply = await say(t, `schedule ${args}`, admin('lead'));
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.failure).toMatch(/^schedule\./);
    expect(reply.text).toMatch(message);
    expect((await t.store.schedules.get((await t.store.people.channelKey({ platform: 'console', workspaceId: 'w1', channelId: 'general' }))))).toBeUndefined();
  });

  it.each([
    ['10:00 Europe/Berlin', '0 10 * * 1-5'],
    ['9.30 America/New_York daily', '30 9 * * *'],
    ['10:00 UTC mon,wed,fri', '0 10 * * 1,3,5'],
    ['10:00 UTC mon-fri', '0 10 * * 1,2,3,4,5'],
    ['10:00 UTC fri-mon', '0 10 * * 0,1,5,6'],
    ['10:00 UTC tuesday thursday', '0 10 * * 2,4'],
    ['10:00 UTC weekends', '0 10 * * 0,6'],
    ['10:00 UTC 0 10 1 * *', '0 10 1 * *'],
  ])('GIVEN "schedule %s" THEN the cron expression is %s', (args, cron) => {
    const parsed = parseSchedule(args);
    expect(parsed.ok && parsed.request.kind === 'set' ? parsed.request.spec.cron : parsed).toBe(cron);
  });

  it.each(['monkey', 'month', 'friends'])('GIVEN a word that only starts like a day ("%s") THEN it is not taken for that day', (word) => {
    expect(parseSchedule(`10:00 UTC ${word}`)).toMatchObject({ ok: false, code: 'schedule.bad_days' });
  });

  it('GIVEN a schedule THEN "schedule" shows it to anyone, with the next round in the channel\'s zone', async () => {
    // Friday 26 March 2027, 12:00 UTC: the next weekday round is Monday, after the spring-forward.
    const t = testBot({ start: '2027-03-26T12:00:00Z' });
    const set = await say(t, 'schedule 10:00 Europe/Berlin weekdays', admin('lead'));
    expect(set).toMatchObject({ visibility: 'channel', text: 'Daily quiz set: 10:00 Europe/Berlin, weekdays. First round: Mon 29 Mar 10:00 Europe/Berlin.' });
    const shown = await say(t, 'schedule', person('bob'));
    expect(shown.text).toBe('Daily quiz: 10:00 Europe/Berlin, weekdays. Next round: Mon 29 Mar 10:00 Europe/Berlin.');
  });

  it('GIVEN a new time without a zone THEN the channel keeps its zone', async () => {
    const t = testBot({ start: '2027-03-26T12:00:00Z' });
    await say(t, 'schedule 10:00 America/New_York', admin('lead'));
    const reply = await say(t, 'schedule 08:15 daily', admin('lead'));
    expect(reply.text).toBe('Daily quiz set: 08:15 America/New_York, daily. First round: Fri 26 Mar 08:15 America/New_York.');
  });

  it('GIVEN no schedule THEN "schedule" says so and how to start one', async () => {
    const reply = await say(testBot(), 'schedule', person('bob'));
    expect(reply.text).toBe('No daily quiz here yet.');
    expect(reply.blocks).toEqual([{ type: 'text', text: 'No daily quiz in this channel yet. An admin can start one: /mesh schedule 10:00 Europe/Berlin weekdays' }]);
  });

  it.each(['schedule 10:00 Europe/Berlin', 'schedule off', 'post'])('GIVEN a non-admin WHEN "%s" THEN it is refused and nothing changes', async (text) => {
    const t = testBot({ random: seededRandom(41) });
    await say(t, 'schedule 09:00 UTC daily', admin('lead'));
    const reply = await say(t, text, person('bob'));
    expect(reply).toMatchObject({ failure: 'command.admin_only', visibility: 'ephemeral', text: 'Only channel admins can do that.' });
    expect((await say(t, 'schedule', person('bob'))).text).toMatch(/^Daily quiz: 09:00 UTC, daily/);
    expect(roundPosts(t.chat)).toHaveLength(0);
  });

  it('GIVEN "schedule off" THEN no more rounds open, and the open one still closes as planned', async () => {
    const t = testBot({ start: '2026-12-01T08:00:00Z', random: seededRandom(42) });
    await say(t, 'schedule 09:00 UTC daily', admin('lead'));
    await runUntil(t, '2026-12-01T10:00:00Z');
    expect(roundPosts(t.chat)).toHaveLength(1);
    const off = await say(t, 'schedule off', admin('lead'));
    expect(off).toMatchObject({ visibility: 'channel', text: 'Daily quiz turned off for this channel. An open round still closes as planned.' });
    await runUntil(t, '2026-12-04T10:00:00Z');
    expect(roundPosts(t.chat)).toHaveLength(1);
    expect(t.chat.calls.filter((c) => c.kind === 'update')).toHaveLength(1);
  });
});
