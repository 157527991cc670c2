/**
 * Editing a bank while the bot runs (`node --import tsx adapters/main.ts`, Slack HTTP mode
 * against the Web API stand-in, BANKS_DIR a folder of its own): a changed answer, then a
 * broken line (with another change in the same save), then the line fixed. The changed
 * answer must be served within 5 seconds, the broken version must never go live while
 * admins see its error, and scores and progress must not move at any point.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { freshDatabase } from '../helpers/postgres.js';
import { spawnSlackBot, type SpawnedBot } from '../helpers/spawn-bot.js';
import type { Harness } from '../slack/helpers/slack-harness.js';
import { ADMIN, ALICE, BOB, click, posted, slash, textIn } from '../slack/helpers/slack-payloads.js';
import { WebApiStandIn } from '../slack/helpers/web-api-standin.js';

const running: SpawnedBot[] = [];
const standins: WebApiStandIn[] = [];
afterEach(async () => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  for (const s of standins.splice(0)) await s.close();
});

const BANK = 'service-mesh-interview.txt';

async function say(h: Harness, text: string, who = ALICE): Promise<string> {
  const reply = await slash(h, text, who);
  expect(reply.status).toBe(200);
  const body = JSON.parse(reply.text) as { text: string; blocks: unknown };
  return textIn(body.blocks);
}

/** Polls `check` every 100 ms until it returns true; returns the milliseconds it took. */
async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function seedFolder(): string {
  const dir = tempDir();
  for (const f of readdirSync('data/banks')) copyFileSync(join('data/banks', f), join(dir, f));
  return dir;
}

function harness(bot: SpawnedBot, standin: WebApiStandIn): Harness {
  return { eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, standin } as unknown as Harness;
}

async function banksFingerprint(bot: SpawnedBot): Promise<string | undefined> {
  const metrics = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
  return /^meshbot_banks_info\{fingerprint="([0-9a-f]+)"\} 1$/m.exec(metrics)?.[1];
}

describe('editing a bank while the bot runs', () => {
  it('GIVEN a changed answer, then a broken line, then the line fixed THEN each valid edit is served within 5 s, the broken one never, admins see its error, and scores and progress stay put', async () => {
    const dir = seedFolder();
    const standin = await new WebApiStandIn().start();
    standins.push(standin);
    const bot = await spawnSlackBot({ cwd: process.cwd(), apiUrl: standin.apiUrl, databasePath: join(tempDir(), 'bot.db'), env: { ADMIN_USER_IDS: ADMIN.id, BANKS_DIR: dir } });
    running.push(bot);
    const h = harness(bot, standin);
    const path = join(dir, BANK);
    const original = readFileSync(path, 'utf8');

    // Arrange: a round answered by alice and bob, so there are scores and progress to keep.
    expect((await slash(h, 'post', ADMIN)).status).toBe(200);
    const [round] = await standin.waitForCalls('chat.postMessage');
    for (const [who, button] of [[ALICE, 0], [BOB, 1]] as const) {
      expect((await click(h, { message: posted(round!), button, who, responseId: `click-${who.id}` })).status).toBe(200);
    }
    const earned = async (): Promise<string[]> => [await say(h, 'leaderboard'), await say(h, 'progress <@U0ALICE|alice>'), await say(h, 'progress <@U0BOB|bob>')];
    const before = await earned();
    expect(before[1]).toMatch(/1\/14 covered|0\/14 covered, 1 to retry/);

    // 1. A changed answer is served within 5 seconds.
    writeFileSync(path, original.replace('The classic failure is a retry storm.', 'The classic failure is a retry storm (first edit).'));
    const firstMs = await within(5_000, 'the first edit to be served', async () => (await say(h, 'ask q7')).includes('(first edit)'));
    expect(firstMs).toBeLessThan(5_000);
    expect(await earned()).toEqual(before);

    // 2. A broken line in a save that also changes Q7: the save never goes live.
    const broken = original
      .replace('The classic failure is a retry storm.', 'The classic failure is a retry storm (second edit).')
      .replace('Q8: What is the real latency and resource cost of a mesh?¶', 'Q8: What is the real latency and resource cost of a mesh?');
    const brokenLine = broken.split('\n').findIndex((l) => l.startsWith('Q8: ')) + 1;
    writeFileSync(path, broken);
    await within(5_000, 'the broken save to be reported', async () => bot.output().includes('bank file failed validation; its previous version stays live'));
    for (let i = 0; i < 10; i++) {
      const q7 = await say(h, 'ask q7');
      expect(q7).toContain('(first edit)');
      expect(q7).not.toContain('(second edit)');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await say(h, 'ask q8')).toMatch(/Q8 · Latency and resource overhead/);
    const adminView = await say(h, 'banks', ADMIN);
    expect(adminView).toContain(`${BANK}:${brokenLine}: expected the heading "Q8: ..." to end in "¶" (the previous version of ${BANK} stays live)`);
    expect(await say(h, 'banks', ALICE)).not.toContain(`${BANK}:${brokenLine}`);
    expect(bot.output()).toMatch(new RegExp(`"file":"${BANK}","line":${brokenLine},"reason":"expected the heading \\\\"Q8: ...\\\\" to end in \\\\"¶\\\\""`));
    expect(await earned()).toEqual(before);

    // 3. The line fixed: the second edit goes live, and the error is gone.
    writeFileSync(path, broken.replace('Q8: What is the real latency and resource cost of a mesh?\n', 'Q8: What is the real latency and resource cost of a mesh?¶\n'));
    const fixedMs = await within(5_000, 'the fixed save to be served', async () => (await say(h, 'ask q7')).includes('(second edit)'));
    expect(fixedMs).toBeLessThan(5_000);
    expect(await say(h, 'banks', ADMIN)).not.toContain('stays live');
    expect(await earned()).toEqual(before);
    const metrics = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
    expect(metrics).toMatch(/^meshbot_banks_version 3$/m);
    expect(metrics).toMatch(/^meshbot_bank_problems 0$/m);

    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
  });

  it('GIVEN two replicas on one PostgreSQL database and one banks folder THEN a channel\'s banks set on one hold on the other, and an edit is served by both within 5 s with the same bank fingerprint', { timeout: 150_000 }, async () => {
    const url = await freshDatabase();
    const dir = seedFolder();
    const standin = await new WebApiStandIn().start();
    standins.push(standin);
    const start = async (): Promise<SpawnedBot> => {
      const bot = await spawnSlackBot({ cwd: process.cwd(), apiUrl: standin.apiUrl, databasePath: '/nonexistent/unused.db', env: { DATABASE_URL: url, ADMIN_USER_IDS: ADMIN.id, BANKS_DIR: dir } });
      running.push(bot);
      return bot;
    };
    const replicas = await Promise.all([start(), start()]);
    const [a, b] = replicas.map((r) => harness(r, standin)) as [Harness, Harness];

    expect(JSON.parse((await slash(a, 'banks use mesh', ADMIN)).text)).toMatchObject({ response_type: 'in_channel' });
    expect(await say(b, 'banks')).toContain('This channel uses mesh (chosen by ada).');
    const before = await banksFingerprint(replicas[0]!);
    expect(await banksFingerprint(replicas[1]!)).toBe(before);

    const path = join(dir, BANK);
    writeFileSync(path, readFileSync(path, 'utf8').replace('The classic failure is a retry storm.', 'The classic failure is a retry storm (edited for every replica).'));
    for (const h of [a, b]) {
      expect(await within(5_000, 'each replica to serve the edit', async () => (await say(h, 'ask q7')).includes('(edited for every replica)'))).toBeLessThan(5_000);
    }
    const after = await banksFingerprint(replicas[0]!);
    expect(after).not.toBe(before);
    expect(await banksFingerprint(replicas[1]!)).toBe(after);
  });
});
