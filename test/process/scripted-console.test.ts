import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { jsonLines, runCli } from '../helpers/run-cli.js';

interface Printed {
  id: string;
  channel: string;
  visibleTo: string | null;
  text: string;
  buttons: string[];
}

function runScript(script: string, db: string) {
  return runCli(['console', '--script', '-', '--json'], { input: script, env: { DATABASE_PATH: db } });
}

describe('scripted console', () => {
  it('prints one JSON object per bot message with the contract fields', () => {
    const db = join(tempDir(), 'bot.db');
    const run = runScript(['# a comment', '', 'alice: /mesh ask circuit breaking', 'bob: /mesh ask mtls'].join('\n'), db);
    expect(run.status).toBe(0);
    const printed = jsonLines<Printed>(run.stdout);
    expect(printed).toHaveLength(2);
    expect(Object.keys(printed[0]!)).toEqual(['id', 'channel', 'visibleTo', 'text', 'buttons']);
    expect(printed[0]).toMatchObject({ channel: 'general', visibleTo: 'alice', text: expect.stringMatching(/Q7/) });
    expect(printed[0]!.buttons).toContain('Share in channel');
    expect(printed[1]).toMatchObject({ visibleTo: 'bob', text: expect.stringMatching(/Q5/) });
  });

  it('clicks the newest message with buttons the user can see, in the current channel', () => {
    const db = join(tempDir(), 'bot.db');
    const script = [':channel ops', 'alice: /mesh ask ambient ebpf', 'bob: /mesh ask mtls', 'alice: click 1'].join('\n');
    const printed = jsonLines<Printed>(runScript(script, db).stdout);
    const last = printed.at(-1)!;
    expect(last.id).toBe(printed[0]!.id);
    expect(last).toMatchObject({ channel: 'ops', visibleTo: 'alice' });
    expect(last.text).toMatch(/Dimension/);
  });

  it('shares to the channel for everyone to see', () => {
    const db = join(tempDir(), 'bot.db');
    const printed = jsonLines<Printed>(runScript('alice: /mesh ask canary\nalice: click 2', db).stdout);
    expect(printed.at(-1)).toMatchObject({ visibleTo: null, text: expect.stringMatching(/Shared by alice/) });
  });

  it('refuses admin commands to non-admins and runs them for :admin users', () => {
    const db = join(tempDir(), 'bot.db');
    const printed = jsonLines<Printed>(runScript('bob: /mesh gaps\n:admin bob\nbob: /mesh ask kafka', db).stdout);
    expect(printed[0]!.text).toMatch(/Only channel admins/);
  });

  it('answers unknown commands with usage and reports bad script lines on stderr', () => {
    const db = join(tempDir(), 'bot.db');
    const run = runScript('alice: /mesh dance\n:bogus\nalice: /other thing', db);
    const printed = jsonLines<Printed>(run.stdout);
    expect(printed[0]!.text).toMatch(/I don't know "dance"/);
    expect(run.stderr).toMatch(/script line 2: unknown directive ":bogus"/);
    expect(run.stderr).toMatch(/script line 3: unknown slash command "\/other"/);
    expect(run.status).toBe(1);
  });
});
