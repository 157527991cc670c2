/**
 * Three bot processes (`node --import tsx adapters/main.ts`, Slack HTTP mode, each on its
 * own PORT) on one PostgreSQL database, against one Web API stand-in, as a Deployment with
 * three replicas would run. Real time: the scheduled slot is the next whole minute, so
 * this test takes one to two minutes. It lives in the process suite (`npm run test:process`).
 */
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, readMigrations } from '../../src/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/postgres.js';
import { spawnSlackBot, type SpawnedBot } from '../helpers/spawn-bot.js';
import { interactionBody, postSigned, slashCommandBody } from '../slack/helpers/signed-request.js';
import { ADMIN, buttonsIn, clickPayload, posted } from '../slack/helpers/slack-payloads.js';
import type { Harness } from '../slack/helpers/slack-harness.js';
import { WebApiStandIn, type RecordedCall } from '../slack/helpers/web-api-standin.js';

const running: SpawnedBot[] = [];
let standin: WebApiStandIn | null = null;
afterAll(async () => {
  for (const bot of running) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await standin?.close();
});

const CLICKS = 1_000;

async function until<T>(what: string, limitMs: number, check: () => Promise<T | null> | T | null): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() - started > limitMs) throw new Error(`gave up after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function leaderOf(bots: SpawnedBot[]): Promise<SpawnedBot[]> {
  const leading: SpawnedBot[] = [];
  for (const bot of bots) {
    const metrics = await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text();
    if (/^meshbot_scheduler_leader\{replica="[^"]+"\} 1$/m.test(metrics)) leading.push(bot);
  }
  return leading;
}

function eventsUrl(bot: SpawnedBot): string {
  return `http://127.0.0.1:${bot.port}/slack/events`;
}

function roundPosts(s: WebApiStandIn): RecordedCall[] {
  return s.callsTo('chat.postMessage').filter((c) => buttonsIn(c.params['blocks']).some((b) => b.action_id.startsWith('quiz.answer')));
}

describe('three replicas on one PostgreSQL database', () => {
  it('migrate once, post each scheduled round once through a leader failover, and store every click once', { timeout: 240_000 }, async () => {
    const url = await freshDatabase();
    const db = new pg.Client({ connectionString: url });
    standin = await new WebApiStandIn().start();
    const s = standin;
    const start = (): Promise<SpawnedBot> =>
      spawnSlackBot({ cwd: process.cwd(), apiUrl: s.apiUrl, databasePath: '/nonexistent/unused.db', env: { DATABASE_URL: url, ADMIN_USER_IDS: ADMIN.id } }).then((bot) => {
        running.push(bot);
        return bot;
      });

    // Three replicas started at the same moment on an empty database migrate it once.
    const bots = await Promise.all([start(), start(), start()]);
    await db.connect();
    try {
      const versions = readMigrations(join(MIGRATIONS_DIR, 'postgres')).map((m) => m.version);
      expect((await db.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r: { version: number }) => r.version)).toEqual(versions);
      // Each migration applied once, by whichever replica got the lock first.
      expect(bots.map((b) => (b.output().match(/database migration applied/g) ?? []).length).reduce((a, b) => a + b, 0)).toBe(versions.length);
      for (const bot of bots) expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
      const [leader, ...others] = await until('one leader', 10_000, async () => {
        const leading = await leaderOf(bots);
        return leading.length === 1 ? leading : null;
      });
      expect(others).toHaveLength(0);
      const standbys = bots.filter((b) => b !== leader);

      // A schedule set through a standby, for the next whole minute at least 25 s away.
      const slot = Math.ceil((Date.now() + 25_000) / 60_000) * 60_000;
      const hhmm = new Date(slot).toISOString().slice(11, 16);
      const set = await postSigned(eventsUrl(standbys[0]!), slashCommandBody({ text: `schedule ${hhmm} UTC daily`, user_id: ADMIN.id, user_name: ADMIN.username }));
      expect(set.text).toContain(`Daily quiz set: ${hhmm} UTC`);

      // The leader dies (SIGKILL, no goodbye) ten seconds before the slot.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, slot - 10_000 - Date.now())));
      const killedAt = Date.now();
      leader!.child.kill('SIGKILL');
      await leader!.exited();
      await until('a standby to take the lead', 20_000, async () => ((await leaderOf(standbys)).length === 1 ? true : null));
      const takeoverMs = Date.now() - killedAt;
      expect(takeoverMs).toBeLessThan(15_000);

      const [round] = await until('the scheduled round', slot - Date.now() + 30_000, () => (roundPosts(s).length > 0 ? roundPosts(s) : null));
      const postedAfterMs = Date.now() - slot;
      expect(postedAfterMs).toBeLessThan(15_000);
      const [newLeader] = await leaderOf(standbys);
      expect(newLeader).toBeDefined();
      expect(newLeader!.output()).toMatch(/round posted/);

      // The killed replica comes back; clicks from 1,000 people spread over the three.
      const replicas = [...standbys, await start()];
      const message = posted(round!);
      const payloads = Array.from({ length: CLICKS }, (_, i) => {
        const who = { id: `U${1000 + i}`, username: `person${i}` };
        return clickPayload({ standin: s } as unknown as Harness, { message, button: i % 4, who, responseId: `click-${i}`, actionTs: `1700001000.${String(i).padStart(6, '0')}` });
      });
      let next = 0;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: 24 }, async () => {
          while (next < CLICKS) {
            const i = next++;
            const reply = await postSigned(eventsUrl(replicas[i % 3]!), interactionBody(payloads[i]));
            statuses.push(reply.status);
          }
        }),
      );
      expect(statuses.filter((st) => st === 200)).toHaveLength(CLICKS);
      await until('every click confirmed', 60_000, () => (new Set(s.responses.filter((r) => r.id.startsWith('click-')).map((r) => r.id)).size >= CLICKS ? true : null));
      expect(s.responses.filter((r) => r.id.startsWith('click-')).every((r) => String(r.body['text']).startsWith('Locked in: '))).toBe(true);
      const roundId = Number(buttonsIn(round!.params['blocks'])[0]!.value.split(':')[0]);
      const counts = async (): Promise<{ answers: number; scored: number; people: number }> =>
        (
          await db.query<{ answers: number; scored: number; people: number }>(
            `SELECT (SELECT count(*)::int FROM answers WHERE round_id = $1) AS answers,
               (SELECT coalesce(sum(answered), 0)::int FROM scores WHERE scope = 'c:slack:T0TEST:C0GENERAL' AND period = 'all') AS scored,
               (SELECT count(*)::int FROM scores WHERE scope = 'c:slack:T0TEST:C0GENERAL' AND period = 'all') AS people`,
            [roundId],
          )
        ).rows[0]!;
      expect(await counts()).toEqual({ answers: CLICKS, scored: CLICKS, people: CLICKS });

      // Slack retries a click on another replica: confirmed again, counted once.
      const retry = await postSigned(eventsUrl(replicas[1]!), interactionBody({ ...payloads[0]!, response_url: s.responseUrl('click-0-retry') }), { retryNum: 1 });
      expect(retry.status).toBe(200);
      await until('the retry answered', 10_000, () => (s.responses.some((r) => r.id === 'click-0-retry') ? true : null));
      expect(String(s.responses.find((r) => r.id === 'click-0-retry')!.body['text'])).toMatch(/^Locked in: /);
      expect(await counts()).toEqual({ answers: CLICKS, scored: CLICKS, people: CLICKS });

      // An admin's `post`, retried by Slack onto another replica, posts one round.
      const postBody = slashCommandBody({ text: 'post', user_id: ADMIN.id, user_name: ADMIN.username, trigger_id: '1700002000.111.post' });
      const before = roundPosts(s).length;
      const [first, again] = await Promise.all([postSigned(eventsUrl(replicas[0]!), postBody), postSigned(eventsUrl(replicas[2]!), postBody, { retryNum: 1 })]);
      expect([first.status, again.status]).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(roundPosts(s).length - before).toBe(1);

      // Still one post for the scheduled slot, whatever the replicas did meanwhile.
      const slotPosts = (await db.query("SELECT count(*)::int AS n FROM rounds WHERE kind = 'scheduled'")).rows[0] as { n: number };
      expect(slotPosts.n).toBe(1);
      process.stdout.write(`replicas: a standby led ${takeoverMs} ms after the leader was killed; the round was posted ${postedAfterMs} ms after its slot\n`);
    } finally {
      await db.end();
    }
  });
});
