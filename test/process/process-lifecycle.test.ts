import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { spawnSlackBot, type SpawnedBot } from '../helpers/spawn-bot.js';
import type { Harness } from '../slack/helpers/slack-harness.js';
import { ADMIN, ALICE, click, posted, slash } from '../slack/helpers/slack-payloads.js';
import { WebApiStandIn } from '../slack/helpers/web-api-standin.js';

const running: SpawnedBot[] = [];
const standins: WebApiStandIn[] = [];

afterEach(async () => {
  for (const bot of running.splice(0)) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  for (const s of standins.splice(0)) await s.close();
});

async function start(standin: WebApiStandIn, db: string): Promise<{ bot: SpawnedBot; h: Harness }> {
  const bot = await spawnSlackBot({ cwd: process.cwd(), apiUrl: standin.apiUrl, databasePath: db, env: { ADMIN_USER_IDS: ADMIN.id } });
  running.push(bot);
  return { bot, h: { eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, standin } as unknown as Harness };
}

describe('the running bot process', () => {
  it('serves health, readiness and metrics on PORT beside Slack events', async () => {
    const standin = await new WebApiStandIn().start();
    standins.push(standin);
    const { bot } = await start(standin, join(tempDir(), 'bot.db'));
    const ready = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: true, slack: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
    expect(metrics).toMatch(/meshbot_lookups_total|meshbot_rounds_total/);
    expect(metrics).toMatch(/meshbot_process_cpu_seconds_total/);
    expect(bot.output()).not.toContain('xoxb-process-test-token');
  });

  it('stops cleanly on SIGTERM mid-round, losing nothing, and the next start carries on', async () => {
    const standin = await new WebApiStandIn().start();
    standins.push(standin);
    const db = join(tempDir(), 'bot.db');

    // Arrange: an open round with one answer in it.
    const first = await start(standin, db);
    expect((await slash(first.h, 'post', ADMIN)).status).toBe(200);
    const [round] = await standin.waitForCalls('chat.postMessage');
    const confirm = await click(first.h, { message: posted(round!), button: 0, who: ALICE, responseId: 'first-click' });
    expect(confirm.status).toBe(200);
    await standin.waitForResponses('first-click');

    // Act: SIGTERM while the round is open.
    first.bot.child.kill('SIGTERM');
    expect(await first.bot.exited()).toBe(0);
    expect(first.bot.output()).toMatch(/meshbot stopped/);

    // Assert: the answer and the open round survived, and a restart neither re-posts nor forgets.
    const store = openSqliteStore(db);
    expect((await store.reports.progress())).toEqual([expect.objectContaining({ userId: ALICE.id, attempts: 1 })]);
    await store.close();
    const second = await start(standin, db);
    await click(second.h, { message: posted(round!), button: 1, who: ALICE, responseId: 'second-click' });
    const [again] = await standin.waitForResponses('second-click');
    expect(JSON.stringify(again!.body)).toMatch(/already answered/i);
    expect(standin.callsTo('chat.postMessage')).toHaveLength(1);
    second.bot.child.kill('SIGTERM');
    expect(await second.bot.exited()).toBe(0);
  });

  it('GIVEN a click acknowledged with 200 WHEN the process is killed at once (SIGKILL) THEN the answer is there after a restart', async () => {
    const standin = await new WebApiStandIn().start();
    standins.push(standin);
    const db = join(tempDir(), 'bot.db');
    const first = await start(standin, db);
    expect((await slash(first.h, 'post', ADMIN)).status).toBe(200);
    const [round] = await standin.waitForCalls('chat.postMessage');
    // Slack is slow to say who the person is: nothing on the way to the ack may wait for it.
    standin.script('users.info', { hold: new Promise<void>(() => {}) });

    const ack = await click(first.h, { message: posted(round!), button: 2, who: ALICE, responseId: 'killed-click' });
    expect(ack.status).toBe(200);
    first.bot.child.kill('SIGKILL');
    await first.bot.exited();

    const store = openSqliteStore(db);
    expect(await store.reports.progress()).toEqual([expect.objectContaining({ userId: ALICE.id, attempts: 1 })]);
    await store.close();
  });
});
