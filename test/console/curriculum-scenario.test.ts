import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestVersion, roundsPosted, runConsole, type Printed, type ScriptRun } from '../helpers/console-script.js';
import { curriculumDir } from '../helpers/curriculum-banks.js';
import { tempDir } from '../helpers/fixtures.js';

/**
 * A platform team's curriculum through the scripted console: the seed bank and three
 * small fixture banks (test/fixtures/curriculum) in one BANKS_DIR. #platform uses the mesh
 * bank and its next step (serverless-junior); #ops uses the two-step ops path. Both run a
 * weekday quiz for two weeks; alice and bob answer every round (a recall round's second
 * click is "I knew it", a choice round's confirms the first pick). Then each channel looks
 * the same words up, reads topics, banks and progress, and carol covers the first ops bank.
 */
const DAYS = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02'];

function script(): string[] {
  const lines = [':time 2027-03-21T12:00:00Z', ':admin lead'];
  lines.push(':channel platform', 'lead: /mesh banks use mesh,serverless-junior', 'lead: /mesh schedule 10:00 Europe/Berlin weekdays');
  lines.push(':channel ops', 'lead: /mesh banks use ops-junior, ops-senior', 'lead: /mesh schedule 09:30 America/New_York weekdays');
  for (const date of DAYS) {
    // 10:00 in New York: both channels' rounds of the day are open.
    lines.push(`:time ${DateTime.fromISO(`${date}T10:00`, { zone: 'America/New_York' }).toUTC().toISO()}`);
    lines.push(':channel platform', 'alice: click 1', 'alice: click 1', ':channel ops', 'bob: click 1', 'bob: click 1');
  }
  lines.push(':time 2027-04-02T22:00:00Z');
  lines.push(':channel platform', 'alice: /mesh ask retries and timeouts', 'alice: /mesh topics', 'alice: /mesh banks');
  lines.push(':channel ops', 'bob: /mesh ask retries and timeouts', 'bob: /mesh banks');
  for (let i = 0; i < 5; i++) lines.push('carol: /mesh quiz ops-junior', 'carol: click 1', 'carol: click 1');
  lines.push('carol: /mesh progress me', 'lead: /mesh progress');
  return lines;
}

describe('a curriculum of banks through the scripted console', () => {
  let run: ScriptRun;
  const last = (channel: string, who: string | null): Printed[] => run.printed.filter((m) => m.channel === channel && m.visibleTo === who);
  const bankOfReveal = (round: Printed): string => /From ([a-z0-9-]+) Q\d+ · /.exec(latestVersion(run.printed, round.id)?.text ?? '')?.[1] ?? '(no reveal)';

  beforeAll(() => {
    run = runConsole(script(), join(tempDir(), 'bot.db'), { BANKS_DIR: curriculumDir() });
  });

  it('GIVEN two channels with different banks THEN over two weeks each gets rounds only from its own banks, each round naming its bank', () => {
    expect(run.stderr).toBe('');
    const platform = roundsPosted(run.printed, 'platform');
    const ops = roundsPosted(run.printed, 'ops');
    expect([platform.length, ops.length]).toEqual([10, 10]);
    for (const round of platform) expect(['mesh', 'serverless-junior']).toContain(bankOfReveal(round));
    // Eight ops questions in ten rounds: both ops banks come up, and nothing else.
    expect(new Set(ops.map(bankOfReveal))).toEqual(new Set(['ops-junior', 'ops-senior']));
    expect(platform.every((r) => /From (Service Mesh — Interview \(mesh\)|Serverless \/ FaaS — Junior \(serverless-junior\))\.\)$/.test(r.text))).toBe(true);
    expect(ops.every((r) => /From Ops Foundations — (Junior \(ops-junior\)|Senior \(ops-senior\))\.\)$/.test(r.text))).toBe(true);
  });

  it("GIVEN the same words asked in each channel THEN each gets its own bank's answer, naming the bank, and the other bank's entry as related", () => {
    const [platform] = last('platform', 'alice').filter((m) => m.text.includes('(From '));
    const [ops] = last('ops', 'bob').filter((m) => m.text.includes('(From '));
    expect(platform!.text).toMatch(/^== mesh Q7 · Retries, timeouts, circuit breaking — and retry storms ==\n\(From Service Mesh — Interview \(mesh\)\)/);
    expect(ops!.text).toMatch(/^== ops-junior Q4 · Timeouts and retries in a client ==\n\(From Ops Foundations — Junior \(ops-junior\)\)/);
    expect(ops!.text).toContain('(Related: mesh Q7 · Retries, timeouts, circuit breaking — and retry storms)');
  });

  it('GIVEN topics THEN it shows each topic with its levels and the paths, with steps not loaded yet', () => {
    const topics = last('platform', 'alice').find((m) => m.text.startsWith('== Topics =='))!;
    expect(topics.text).toMatch(/Ops Foundations +\| junior \(ops-junior\), senior \(ops-senior\)/);
    expect(topics.text).toMatch(/Serverless \/ FaaS +\| junior \(serverless-junior\), senior \(not loaded yet\)/);
    expect(topics.text).toContain('Service Mesh — Interview (mesh) → Serverless / FaaS — Junior (serverless-junior) → Serverless / FaaS — Senior (not loaded yet)');
    expect(topics.text).toContain('Ops Foundations — Junior (ops-junior) → Ops Foundations — Senior (ops-senior) → Incident Command — Lead (not loaded yet)');
  });

  it("GIVEN banks THEN each channel sees every loaded bank's title, topic, level and size, and which are its own", () => {
    const ops = last('ops', 'bob').find((m) => m.text.startsWith('== Banks =='))!;
    expect(ops.text).toContain('- Bank: ops-senior\n  Title: Ops Foundations — Senior\n  Topic: Ops Foundations\n  Level: Senior\n  Questions: 3\n  Quiz items: 3\n  This channel: yes');
    expect(ops.text).toContain('- Bank: mesh\n  Title: Service Mesh — Interview\n  Topic: Service Mesh\n  Level: Interview\n  Questions: 14\n  Quiz items: 48\n  This channel: —');
    expect(ops.text).toContain('This channel uses ops-junior, ops-senior (chosen by lead).');
  });

  it('GIVEN carol has covered the first bank of the ops path THEN her progress shows coverage per bank and tells her the next step', () => {
    const progress = last('ops', 'carol').find((m) => m.text.startsWith('== Progress · carol =='))!;
    expect(progress.text).toContain('Ops Foundations — Junior (ops-junior): 5/5 covered, 0 to retry\nOps Foundations — Senior (ops-senior): 0/3 covered, 0 to retry');
    expect(progress.text).toContain('Next: Ops Foundations — Senior, /mesh quiz ops-senior (after Ops Foundations — Junior).');
  });

  it("GIVEN the channel's cohort THEN its progress has a column per bank", () => {
    const cohort = last('ops', 'lead').find((m) => m.text.startsWith('== Progress · this channel =='))!;
    expect(cohort.text).toMatch(/Name \| Covered \| To retry \| Not seen \| ops-junior \| ops-senior/);
    expect(cohort.text).toMatch(/\nbob +\| \d\/8 +\| \d +\| \d +\| \d\/5 +\| \d\/3/);
  });
});
