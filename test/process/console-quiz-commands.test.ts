import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, roundsPosted, runConsole } from '../helpers/console-script.js';
import { tempDir } from '../helpers/fixtures.js';
import { tinyBanksDir } from '../helpers/small-banks.js';
import { pngSize } from '../helpers/chart-data.js';

describe('quiz commands through the scripted console', () => {
  it('GIVEN a double click THEN the second is told the first answer stands, privately', () => {
    const run = runConsole([':time 2026-12-01T08:00:00Z', ':admin lead', 'lead: /mesh post', 'alice: click 1', 'alice: click 2'], join(tempDir(), 'bot.db'));
    const [round] = roundsPosted(run.printed);
    const [posted, locked, again] = run.printed.slice(-3);
    expect(posted).toMatchObject({ visibleTo: 'lead', text: 'Round posted.' });
    expect(locked).toMatchObject({ visibleTo: 'alice', text: expect.stringMatching(new RegExp(`^Locked in: ${escape(round!.buttons[0]!)}\\.`)) });
    expect(again).toMatchObject({ visibleTo: 'alice', text: `You already answered this round; your first answer stands. You picked ${round!.buttons[0]}.` });
  });

  it('GIVEN people who are not admins THEN schedule changes and post are refused; anyone may see the schedule', () => {
    const run = runConsole(
      [':time 2027-03-26T12:00:00Z', 'bob: /mesh schedule 10:00 Europe/Berlin', 'bob: /mesh post', 'bob: /mesh schedule off', ':admin lead', 'lead: /mesh schedule 10:00 Europe/Berlin weekdays', 'bob: /mesh schedule'],
      join(tempDir(), 'bot.db'),
    );
    expect(run.printed.map((m) => m.text)).toEqual([
      'Only channel admins can do that.',
      'Only channel admins can do that.',
      'Only channel admins can do that.',
      'Daily quiz set: 10:00 Europe/Berlin, weekdays. First round: Mon 29 Mar 10:00 Europe/Berlin.\n(Set by lead. /mesh schedule off stops it.)',
      'Daily quiz: 10:00 Europe/Berlin, weekdays. Next round: Mon 29 Mar 10:00 Europe/Berlin.\n(Set by lead.)',
    ]);
    expect(run.printed.map((m) => m.visibleTo)).toEqual(['bob', 'bob', 'bob', null, 'bob']);
  });

  it('GIVEN a bad time, zone, cron expression or a too frequent one THEN the admin gets a clear message', () => {
    const run = runConsole(
      [':admin lead', 'lead: /mesh schedule 7pm', 'lead: /mesh schedule 10:00 Europe/Atlantis', 'lead: /mesh schedule 10:00 UTC 0 10 * * 8', 'lead: /mesh schedule 10:00 UTC */10 * * * *', 'lead: /mesh schedule'],
      join(tempDir(), 'bot.db'),
    );
    const texts = run.printed.map((m) => m.text);
    expect(texts[0]).toMatch(/"7pm" is not a time of day: use HH:MM, 24-hour \(e\.g\. 09:30\)\./);
    expect(texts[1]).toMatch(/"Europe\/Atlantis" is not a time zone I know: use an IANA name like Europe\/Berlin/);
    expect(texts[2]).toMatch(/"0 10 \* \* 8": invalid cron expression/);
    expect(texts[3]).toMatch(/"\*\/10 \* \* \* \*" would start more than one round an hour/);
    expect(texts[4]).toBe('No daily quiz in this channel yet. An admin can start one: /mesh schedule 10:00 Europe/Berlin weekdays');
  });

  it('GIVEN a bank without quiz items THEN rounds run in recall mode: show the answer privately, then self-grade', () => {
    const banks = tinyBanksDir();
    const run = runConsole(
      [':time 2026-12-01T08:00:00Z', ':admin lead', 'lead: /mesh schedule 09:00 UTC daily', ':advance 1h', 'alice: click 1', 'alice: click 1', 'bob: click 1', 'bob: click 2', ':advance 8h', 'alice: /mesh progress', 'bob: /mesh leaderboard'],
      join(tempDir(), 'bot.db'),
      { BANKS_DIR: banks },
    );
    expect(run.stderr).toBe('');
    const [round] = roundsPosted(run.printed);
    expect(round!.buttons).toEqual(['Show answer']);
    const shown = run.printed.find((m) => m.visibleTo === 'alice' && m.buttons.includes('I knew it'))!;
    expect(shown.buttons).toEqual(['I knew it', 'Not yet']);
    // The private answer is replaced by the grade.
    expect(latestVersion(run.printed, shown.id)!.text).toBe('Noted: you knew it.');
    expect(latestVersion(run.printed, round!.id)!.text).toMatch(/2 answered, 1 knew it\./);
    expect(run.printed.some((m) => m.text === '2 answered; knew it: alice.')).toBe(true);
    expect(run.printed.at(-3)!.text).toMatch(/alice +\| 1\/3 +\| 0 +\| 2\nbob +\| 0\/3 +\| 1 +\| 2/);
    // The cohort's picture follows its table, as privately, written to a file whose path is printed.
    const picture = run.printed.at(-2)!;
    expect(picture.visibleTo).toBe('alice');
    const path = /Picture: (\S+\.png) \(598x202\)/.exec(picture.text)?.[1];
    expect(path && pngSize(readFileSync(path))).toEqual({ width: 598, height: 202 });
    expect(run.printed.at(-1)!.text).toContain('No points yet in this channel (all time). Answer a quiz round to get on the board.');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
