/**
 * Signed click throughput over HTTP: the bot as its own processes (`node --import tsx
 * adapters/main.ts`, Slack HTTP mode) on one PostgreSQL database, with one replica and
 * with three, the clicks spread round-robin as a load balancer would. Each click is a
 * signed block_actions request from a different person; the figure is clicks acknowledged
 * per second (each stored before its 200), with 32 in flight. Bodies are signed before
 * the clock starts. On a 2-core machine, three replicas share the same two cores as one.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { spawnSlackBot, type SpawnedBot } from '../test/helpers/spawn-bot.js';
import { interactionBody, postSigned, slashCommandBody } from '../test/slack/helpers/signed-request.js';
import { ADMIN, clickPayload, posted } from '../test/slack/helpers/slack-payloads.js';
import type { Harness } from '../test/slack/helpers/slack-harness.js';
import { WebApiStandIn } from '../test/slack/helpers/web-api-standin.js';
import { percentile, round, type Figure } from './figure.js';
import { freshBenchDatabase } from './postgres-fixtures.js';

const CLICKS = 3_000;
const WARMUP = 300;
const IN_FLIGHT = 32;

async function run(replicas: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const { url, drop } = await freshBenchDatabase();
  const standin = await new WebApiStandIn().start();
  const bots: SpawnedBot[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      bots.push(await spawnSlackBot({ cwd: process.cwd(), apiUrl: standin.apiUrl, databasePath: '/nonexistent/unused.db', env: { DATABASE_URL: url, ADMIN_USER_IDS: ADMIN.id, LOG_LEVEL: 'warn' } }));
    }
    const urls = bots.map((b) => `http://127.0.0.1:${b.port}/slack/events`);
    await postSigned(urls[0]!, slashCommandBody({ text: 'post', user_id: ADMIN.id, user_name: ADMIN.username }));
    const [round] = await standin.waitForCalls('chat.postMessage');
    const message = posted(round!);
    const h = { standin } as unknown as Harness;
    const bodies = Array.from({ length: WARMUP + CLICKS }, (_, i) =>
      interactionBody(clickPayload(h, { message, button: i % 4, who: { id: `U${10_000 + i}`, username: `p${i}` }, responseId: `b${i}`, actionTs: `1700003000.${i}` })),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const send = async (from: number, to: number, times: number[]): Promise<void> => {
      let next = from;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < to) {
            const i = next++;
            const started = performance.now();
            // A keep-alive socket the server just closed resets: send again (a click is
            // idempotent, so a repeat is counted once, as a load balancer's retry would be).
            const reply = await postSigned(urls[i % urls.length]!, bodies[i]!, { agent }).catch(() => postSigned(urls[i % urls.length]!, bodies[i]!, { agent }));
            if (reply.status !== 200) throw new Error(`click ${i} got HTTP ${reply.status}`);
            times.push(performance.now() - started);
          }
        }),
      );
    };
    await send(0, WARMUP, []);
    const times: number[] = [];
    const started = performance.now();
    await send(WARMUP, WARMUP + CLICKS, times);
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return { perSecond: Math.round(CLICKS / seconds), p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((b) => b.exited().catch(() => null)));
    await standin.close();
    await drop();
  }
}

export async function benchReplicaClicks(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const replicas of [1, 3]) {
    const r = await run(replicas);
    figures.push(
      { name: `replicas.clicks_per_s.${replicas}`, value: r.perSecond, unit: 'clicks/s' },
      { name: `replicas.click_p50.${replicas}`, value: round(r.p50), unit: 'ms' },
      { name: `replicas.click_p99.${replicas}`, value: round(r.p99), unit: 'ms' },
    );
  }
  return figures;
}
