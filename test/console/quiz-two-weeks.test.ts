import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleTable, latestVersion, rightButton, roundsPosted, runConsole, type Printed, type ScriptRun } from '../helpers/console-script.js';
import { tempDir } from '../helpers/fixtures.js';

/**
 * Two weeks of weekday rounds through the scripted console, in Berlin (10:00, springs
 * forward on Sunday 28 March 2027) and New York (09:30). Everyone always clicks the same
 * button, one minute apart, in the order listed; a day's mark is 'x' (click) or '-'
 * (skip). The console shuffles choices with no seed, so which button was right comes from
 * each round's reveal; everything else (points, first-right bonuses, streaks, ties,
 * progress) is computed here from those facts alone and compared with what the bot says.
 */
const CHANNELS = [
  {
    name: 'berlin',
    zone: 'Europe/Berlin',
    time: '10:00',
    people: [
      ['bob', 1, 'xxxxxx-xxx'],
      ['alice', 2, 'xxxxxxxxxx'],
      ['carol', 3, '-----xxxxx'],
      ['dave', 4, 'xx-xxxxx-x'],
    ],
  },
  {
    name: 'newyork',
    zone: 'America/New_York',
    time: '09:30',
    people: [
      ['erin', 1, 'xxxx-xxxxx'],
      ['frank', 2, 'xxxxxxxxxx'],
      ['alice', 3, 'xxxxxxxxxx'],
      ['gus', 4, 'x-x-x-x-x-'],
    ],
  },
] as const;
const DAYS = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'];

function script(): string[] {
  const lines = [':time 2027-03-21T12:00:00Z', ':admin lead'];
  for (const c of CHANNELS) lines.push(`:channel ${c.name}`, `lead: /mesh schedule ${c.time} ${c.zone} weekdays`);
  for (const [day, date] of DAYS.entries()) {
    for (const c of CHANNELS) {
      lines.push(`:time ${DateTime.fromISO(`${date}T${c.time}`, { zone: c.zone }).plus({ minutes: 10 }).toUTC().toISO()}`, `:channel ${c.name}`);
      for (const [name, button, plan] of c.people) if (plan[day] === 'x') lines.push(`${name}: click ${button}`, ':advance 1m');
    }
  }
  lines.push(':time 2027-04-02T22:00:00Z');
  lines.push(':channel berlin', 'alice: /mesh leaderboard', 'alice: /mesh leaderboard week', 'alice: /mesh leaderboard month', 'alice: /mesh progress');
  lines.push(':channel newyork', 'frank: /mesh leaderboard', 'frank: /mesh leaderboard all workspace', 'lead: /mesh progress @carol');
  return lines;
}

interface Score {
  points: number;
  right: number;
  answered: number;
  /** Global order of the click that last scored: ties go to whoever reached the score first. */
  lastScored: number;
  streak: number;
}

/** Scores from the plan and each round's right button, for the given days. */
function expectedScores(rights: Map<string, number[]>, channels: readonly (typeof CHANNELS)[number][], days: number[]): Map<string, Score> {
  const scores = new Map<string, Score>();
  let clickNo = 0;
  for (let day = 0; day < DAYS.length; day++) {
    for (const c of CHANNELS) {
      let firstTaken = false;
      for (const [name, button, plan] of c.people) {
        if (plan[day] !== 'x') continue;
        clickNo++;
        if (!channels.includes(c) || !days.includes(day)) continue;
        const s = scores.get(name) ?? { points: 0, right: 0, answered: 0, lastScored: 0, streak: 0 };
        const right = rights.get(c.name)![day] === button;
        s.answered++;
        if (right) {
          s.points += firstTaken ? 10 : 15;
          s.right++;
          s.lastScored = clickNo;
          firstTaken = true;
        }
        scores.set(name, s);
      }
    }
  }
  // Streak: right answers in a row, back from the channel's last round.
  if (channels.length === 1) {
    const c = channels[0]!;
    for (const [name, button, plan] of c.people) {
      const s = scores.get(name);
      if (!s) continue;
      let day = DAYS.length - 1;
      while (day >= 0 && plan[day] === 'x' && rights.get(c.name)![day] === button) {
        s.streak++;
        day--;
      }
    }
  }
  return scores;
}

function board(scores: Map<string, Score>, last: (s: Score) => string): string[][] {
  return [...scores.entries()]
    .sort(([, a], [, b]) => b.points - a.points || a.lastScored - b.lastScored)
    .map(([name, s], i) => [String(i + 1), name, String(s.points), last(s)]);
}

describe('two weeks of daily rounds through the scripted console', () => {
  let run: ScriptRun;
  let rights: Map<string, number[]>;
  const replies = (channel: string, visibleTo: string): Printed[] => run.printed.filter((m) => m.channel === channel && m.visibleTo === visibleTo);

  beforeAll(() => {
    run = runConsole(script(), join(tempDir(), 'bot.db'));
    rights = new Map(CHANNELS.map((c) => [c.name, roundsPosted(run.printed, c.name).map((r) => rightButton(run.printed, r))]));
  });

  it('runs the script cleanly', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('posts one round per weekday per channel, at the local time before and after the DST change, and reveals each by its button label', () => {
    for (const c of CHANNELS) {
      const rounds = roundsPosted(run.printed, c.name);
      expect(rounds).toHaveLength(10);
      const closes = DateTime.fromISO(`2027-03-22T${c.time}`).plus({ hours: 8 }).toFormat('HH:mm');
      for (const r of rounds) {
        expect(r.text).toContain(`Closes at ${closes} (${c.zone}).`);
        expect(r.buttons).toHaveLength(4);
        expect(latestVersion(run.printed, r.id)!.text).toMatch(/^== Quiz round · closed ==/);
      }
    }
  });

  it('tells everyone their pick privately, and never twice for the same round', () => {
    const locked = run.printed.filter((m) => m.text.startsWith('Locked in:'));
    const clicks = CHANNELS.reduce((n, c) => n + c.people.reduce((k, [, , plan]) => k + plan.split('').filter((x) => x === 'x').length, 0), 0);
    expect(locked).toHaveLength(clicks);
    expect(locked.every((m) => m.visibleTo !== null)).toBe(true);
  });

  it('shows channel boards (all, week, month) with the hand-computed points, streaks and tie order', () => {
    const berlin = CHANNELS[0];
    const boards = replies('berlin', 'alice').filter((m) => m.text.startsWith('== Leaderboard'));
    expect(boards).toHaveLength(3);
    const streak = (s: Score) => String(s.streak);
    expect(consoleTable(boards[0]!.text)).toEqual(board(expectedScores(rights, [berlin], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), streak));
    expect(consoleTable(boards[1]!.text)).toEqual(board(expectedScores(rights, [berlin], [5, 6, 7, 8, 9]), streak));
    expect(consoleTable(boards[2]!.text)).toEqual(board(expectedScores(rights, [berlin], [8, 9]), streak));
    const newYork = replies('newyork', 'frank').filter((m) => m.text.startsWith('== Leaderboard'));
    expect(consoleTable(newYork[0]!.text)).toEqual(board(expectedScores(rights, [CHANNELS[1]], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), streak));
  });

  it('shows a workspace board adding up both channels', () => {
    const [, workspace] = replies('newyork', 'frank').filter((m) => m.text.startsWith('== Leaderboard'));
    expect(consoleTable(workspace!.text)).toEqual(board(expectedScores(rights, CHANNELS, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), (s) => `${s.right}/${s.answered}`));
  });

  it('shows the new hire\'s progress and the channel\'s cohort from the rounds they answered', () => {
    // Each person's latest answer to a question decides its status.
    const status = new Map<string, Map<string, boolean>>();
    for (const [day] of DAYS.entries()) {
      for (const c of CHANNELS) {
        const round = roundsPosted(run.printed, c.name)[day]!;
        const entry = /From Q(\d+) ·/.exec(latestVersion(run.printed, round.id)!.text)![1]!;
        for (const [name, button, plan] of c.people) {
          if (plan[day] !== 'x') continue;
          const mine = status.get(name) ?? new Map<string, boolean>();
          mine.set(entry, rights.get(c.name)![day] === button);
          status.set(name, mine);
        }
      }
    }
    const line = (name: string) => {
      const mine = [...(status.get(name)?.values() ?? [])];
      return { covered: mine.filter(Boolean).length, retry: mine.filter((r) => !r).length, unseen: 14 - mine.length };
    };
    const carol = line('carol');
    expect(replies('newyork', 'lead').at(-1)!.text).toMatch(new RegExp(`^== Progress · carol ==\\n${carol.covered}/14 covered, ${carol.retry} to retry\\n`));
    const cohort = replies('berlin', 'alice').find((m) => m.text.startsWith('== Progress · this channel =='))!;
    expect(consoleTable(cohort.text)).toEqual(
      ['alice', 'bob', 'carol', 'dave'].map((name) => {
        const p = line(name);
        return [name, `${p.covered}/14`, String(p.retry), String(p.unseen)];
      }),
    );
  });
});
