import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_EXAMPLES, loadConfig, parseConfig } from '../../src/index.js';
import { runCli } from '../helpers/run-cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('configuration', () => {
  it('has sensible defaults with nothing set: the console, on var/meshbot.db', () => {
    expect(loadConfig({})).toEqual({
      slack: null,
      discord: null,
      database: { kind: 'sqlite', path: 'var/meshbot.db' },
      databasePath: 'var/meshbot.db',
      banksDir: 'data/banks',
      banksReload: { watch: true, rescanMs: 30_000 },
      nextStepCoverage: 0.8,
      port: 3000,
      commandName: 'mesh',
      adminUserIds: [],
      logLevel: 'info',
      dashboard: null,
    });
  });

  it('GIVEN DASHBOARD_SECRET and PUBLIC_URL THEN dashboard links are on, and either alone names the other', () => {
    const secret = 'f'.repeat(40);
    const both = parseConfig({ DASHBOARD_SECRET: secret, PUBLIC_URL: 'https://meshbot.example.com/' });
    expect(both.ok && both.config.dashboard).toEqual({ secret, publicUrl: 'https://meshbot.example.com' });
    const secretOnly = parseConfig({ DASHBOARD_SECRET: secret });
    expect(!secretOnly.ok && secretOnly.problems.map((p) => p.variable)).toEqual(['PUBLIC_URL']);
    const urlOnly = parseConfig({ PUBLIC_URL: 'https://meshbot.example.com' });
    expect(!urlOnly.ok && urlOnly.problems.map((p) => p.variable)).toEqual(['DASHBOARD_SECRET']);
  });

  it('GIVEN a short DASHBOARD_SECRET or a PUBLIC_URL with a path THEN start-up names the variable', () => {
    expect(() => loadConfig({ DASHBOARD_SECRET: 'short', PUBLIC_URL: 'https://meshbot.example.com' })).toThrow(/DASHBOARD_SECRET: expected at least 32 characters/);
    expect(() => loadConfig({ DASHBOARD_SECRET: 'f'.repeat(40), PUBLIC_URL: 'https://meshbot.example.com/dashboard' })).toThrow(/PUBLIC_URL: expected only the scheme and host/);
  });

  it('names each wrong variable, says what is wrong and shows an example', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', BOT_COMMAND: 'Mesh Bot' })).toThrow(
      /PORT: expected a port number .*\(for example PORT=3000\)[\s\S]*BOT_COMMAND: [\s\S]*LOG_LEVEL: expected one of/,
    );
  });

  it('requires the Slack pair together and the Discord pair together', () => {
    const slack = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(!slack.ok && slack.problems.map((p) => p.variable)).toEqual(['SLACK_SIGNING_SECRET']);
    const discord = parseConfig({ DISCORD_TOKEN: 'abc' });
    expect(!discord.ok && discord.problems.map((p) => p.variable)).toEqual(['DISCORD_APPLICATION_ID']);
  });

  it('turns on Socket Mode with an app token and runs Slack and Discord together', () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 'd',
      DISCORD_APPLICATION_ID: '123456789',
      ADMIN_USER_IDS: ' U1 , 42 ,',
    });
    expect(result.ok && result.config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 's', appToken: 'xapp-1' });
    expect(result.ok && result.config.discord).toEqual({ token: 'd', applicationId: '123456789' });
    expect(result.ok && result.config.adminUserIds).toEqual(['U1', '42']);
  });

  it('turns on Discord HTTP interactions with DISCORD_PUBLIC_KEY, which still needs the token and application id', () => {
    const key = 'AB'.repeat(32);
    const result = parseConfig({ DISCORD_TOKEN: 'd', DISCORD_APPLICATION_ID: '123456789', DISCORD_PUBLIC_KEY: key });
    expect(result.ok && result.config.discord).toEqual({ token: 'd', applicationId: '123456789', publicKey: key.toLowerCase() });
    const alone = parseConfig({ DISCORD_PUBLIC_KEY: key });
    expect(!alone.ok && alone.problems.map((p) => p.variable)).toEqual(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID']);
  });

  it('GIVEN bank reload and next-step settings THEN they are read, and wrong values name the variable', () => {
    const result = parseConfig({ BANKS_WATCH: 'off', BANKS_RESCAN_SECONDS: '0', NEXT_STEP_COVERAGE_PERCENT: '65' });
    expect(result.ok && result.config.banksReload).toEqual({ watch: false, rescanMs: 0 });
    expect(result.ok && result.config.nextStepCoverage).toBe(0.65);
    expect(() => loadConfig({ BANKS_WATCH: 'sometimes', NEXT_STEP_COVERAGE_PERCENT: '120' })).toThrow(
      /BANKS_WATCH: expected on or off \(for example BANKS_WATCH=on\)[\s\S]*NEXT_STEP_COVERAGE_PERCENT: expected a whole number from 1 to 100/,
    );
  });

  it('names DISCORD_PUBLIC_KEY when it is not 64 hex characters', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'd', DISCORD_APPLICATION_ID: '123456789', DISCORD_PUBLIC_KEY: 'not-a-key' })).toThrow(/DISCORD_PUBLIC_KEY: expected the 64 hex characters/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const variable of Object.keys(CONFIG_EXAMPLES)) expect(example).toMatch(new RegExp(`^${variable}=`, 'm'));
  });

  it('is read from the environment in one place only', () => {
    const readers = [...sourceFiles('src'), ...sourceFiles('adapters')].filter((f) => readFileSync(f, 'utf8').includes('process.env'));
    expect(readers).toEqual([join('adapters', 'load-config.ts')]);
  });

  it('stops start-up with the variable to fix, not a stack trace', () => {
    const run = runCli(['ask', '--json', 'mtls'], { env: { LOG_LEVEL: 'chatty' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/LOG_LEVEL: expected one of .* \(for example LOG_LEVEL=info\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
