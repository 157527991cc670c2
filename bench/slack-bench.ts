/**
 * Slack fast-path benchmark: a signed `/mesh ask circuit breaking` round trip through
 * our adapter (Bolt + identity cache + core lookup + Block Kit rendering, answered in
 * the ack) divided by a bare Bolt app's ack, same process, same run, over loopback.
 * Target (issue 4): <= 1.25x.
 *
 * Four apps take turns, request by request, so drift, GC and JIT state hit all alike:
 * ours; ours in front of a canned core answer (the adapter's own cost); a bare Bolt ack
 * (the target's denominator); a bare Bolt app acking our exact answer body (what
 * answering in the ack costs Bolt itself). Two clients: node:http (lean, so server work
 * is not hidden) and fetch (undici, as the platform notes measured their ~0.8 ms floor).
 */
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App, LogLevel } from '@slack/bolt';
import { createBot, loadBanks, ManualClock, openSqliteStore, silentLogger, type Bot, type OutgoingMessage } from '../src/index.js';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.js';
import { toResponse } from '../adapters/slack/slack-listeners.js';
import { sign, SIGNING_SECRET, slashCommandBody } from '../test/slack/helpers/signed-request.js';
import { WebApiStandIn } from '../test/slack/helpers/web-api-standin.js';
import { percentile, round, type Figure } from './figure.js';

/** Long warm-up: the lookup's code is still being optimised for the first few thousand calls. */
const WARMUP = 3_000;
const MEASURED = 2_000;
const QUERY = 'ask circuit breaking';

type Client = 'http' | 'fetch';
type Role = 'ours' | 'canned' | 'bare' | 'bareSameBody';

/** Starts the four apps, measures with each client, and reports the figures. */
export async function benchSlack(): Promise<Figure[]> {
  const apps = await startApps();
  try {
    const first = await roundTrip('http', apps.urls.ours, new Agent({ keepAlive: false }));
    if (!first.body.includes('Q7')) throw new Error(`the Slack bench expected Q7 in the answer, got: ${first.body.slice(0, 200)}`);
    return [...figures('', await measure('http', apps.urls)), ...figures('fetch.', await measure('fetch', apps.urls))];
  } finally {
    await apps.stop();
  }
}

function figures(prefix: string, times: Record<Role, number[]>): Figure[] {
  const p50 = (role: Role): number => percentile(times[role], 50);
  const p99 = (role: Role): number => percentile(times[role], 99);
  const name = (n: string): string => `slack.${prefix}${n}`;
  return [
    { name: name('ask_roundtrip_p50'), value: round(p50('ours')), unit: 'ms' },
    { name: name('ask_roundtrip_p99'), value: round(p99('ours')), unit: 'ms' },
    { name: name('bare_bolt_ack_p50'), value: round(p50('bare')), unit: 'ms' },
    { name: name('bare_bolt_ack_p99'), value: round(p99('bare')), unit: 'ms' },
    { name: name('ask_over_bare_p50'), value: round(p50('ours') / p50('bare')), unit: 'x' },
    { name: name('ask_over_bare_p99'), value: round(p99('ours') / p99('bare')), unit: 'x' },
    // Where the difference goes: the answer's size, the adapter's own work, the core's lookup.
    { name: name('bare_bolt_same_body_p50'), value: round(p50('bareSameBody')), unit: 'ms' },
    { name: name('adapter_canned_core_p50'), value: round(p50('canned')), unit: 'ms' },
    { name: name('adapter_canned_core_over_bare_same_body_p50'), value: round(p50('canned') / p50('bareSameBody')), unit: 'x' },
  ];
}

/** Alternates one request per app, WARMUP rounds unrecorded, then MEASURED rounds. */
async function measure(client: Client, urls: Record<Role, string>): Promise<Record<Role, number[]>> {
  const roles = Object.keys(urls) as Role[];
  const agents = Object.fromEntries(roles.map((r) => [r, new Agent({ keepAlive: true, maxSockets: 1 })])) as Record<Role, Agent>;
  const times = Object.fromEntries(roles.map((r) => [r, [] as number[]])) as Record<Role, number[]>;
  try {
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      for (const role of roles) {
        const { ms } = await roundTrip(client, urls[role], agents[role]);
        if (i >= WARMUP) times[role].push(ms);
      }
    }
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
  }
  return times;
}

async function startApps(): Promise<{ urls: Record<Role, string>; stop: () => Promise<void> }> {
  const standin = await new WebApiStandIn().start();
  const clock = new ManualClock(new Date());
  const store = openSqliteStore(':memory:', clock.now().getTime());
  let bot: Bot | null = null;
  let canned: OutgoingMessage[] = [];
  const adapterOptions = { config: { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, apiUrl: standin.apiUrl }, logger: silentLogger, adminUserIds: [], port: 0, host: '127.0.0.1' };
  const ours = createSlackAdapter({ ...adapterOptions, bot: () => bot! });
  const cannedCore = { handleCommand: async () => canned };
  const withCannedCore = createSlackAdapter({ ...adapterOptions, bot: () => Object.assign(Object.create(bot!) as Bot, cannedCore) });
  // One person asks thousands of times: lift the per-person budget so every request is a real lookup.
  bot = createBot({ banks: loadBanks('data/banks'), store, clock, chat: ours.chat, rateLimits: { lookupsPerMinute: 0 } });
  canned = await bot.handleCommand({ platform: 'slack', workspaceId: 'T0TEST', channelId: 'C0GENERAL', userId: 'U0ALICE', userName: 'alice', isAdmin: false, text: QUERY });
  await ours.start();
  await withCannedCore.start();
  const bare = await bareBolt(standin.apiUrl, undefined);
  const bareSameBody = await bareBolt(standin.apiUrl, toResponse(canned[0]!));
  const url = (port: number | null): string => `http://127.0.0.1:${port ?? 0}/slack/events`;
  return {
    urls: { ours: url(ours.listeningPort()), canned: url(withCannedCore.listeningPort()), bare: url(bare.port), bareSameBody: url(bareSameBody.port) },
    stop: async () => {
      await ours.stop();
      await withCannedCore.stop();
      await bare.app.stop();
      await bareSameBody.app.stop();
      await standin.close();
      await store.close();
    },
  };
}

/** A Bolt app with nothing but a `/mesh` listener that acks (with `body`, if given). */
async function bareBolt(apiUrl: string, body: ReturnType<typeof toResponse> | undefined): Promise<{ app: App; port: number }> {
  const app = new App({ signingSecret: SIGNING_SECRET, token: 'xoxb-bench', botId: 'BBOT', botUserId: 'UBOT', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } } });
  app.command('/mesh', async ({ ack }) => {
    await ack(body);
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return { app, port: (server.address() as AddressInfo).port };
}

/** One signed slash command, timed from sending to the last byte of the answer. */
async function roundTrip(client: Client, url: string, agent: Agent): Promise<{ ms: number; body: string }> {
  // Signing happens before the clock starts: it is the client's cost, the same for every app.
  const body = slashCommandBody({ text: QUERY, response_url: 'http://127.0.0.1:9/unused' });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
  };
  const started = performance.now();
  if (client === 'fetch') {
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`Slack bench: HTTP ${res.status} from ${url}`);
    return { ms: performance.now() - started, body: text };
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        if (res.statusCode !== 200) reject(new Error(`Slack bench: HTTP ${res.statusCode} from ${url}`));
        else resolve({ ms, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
