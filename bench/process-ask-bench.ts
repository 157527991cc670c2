/**
 * The `/mesh ask` round trip measured from outside, with meshbot as its own process
 * started the production way (`npm run start:prod`'s command, LOG_LEVEL=info, a SQLite file),
 * beside the bare library doing the least it can (acknowledging with a short text), also
 * its own process, in the same run, interleaved request by request:
 * - Slack: a signed slash command over loopback HTTP to each; time to the ack's body.
 * - Discord: INTERACTION_CREATE sent over the stand-in's gateway to each process's
 *   session; time until its first callback arrives at the stand-in's REST API.
 * Each request comes from a different person (as a channel's would), so per-person rate
 * limits never answer instead of the lookup. Needs `npm run build` (run if dist/ is missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDiscordStandin, type DiscordStandin } from '../test/discord/standin/discord-standin.js';
import { slashCommand, type Where } from '../test/discord/standin/interactions.js';
import { productionNodeArgs } from '../test/helpers/production-command.js';
import { freePort } from '../test/helpers/spawn-bot.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../test/slack/helpers/signed-request.js';
import { WebApiStandIn } from '../test/slack/helpers/web-api-standin.js';
import { percentile, round, type Figure } from './figure.js';
import { tempDirectory } from './temp-directory.js';

const WARMUP = 1_000;
const MEASURED = 2_000;
const QUERIES = ['circuit breaking', 'retry storm', 'mtls certificate rotation', 'sidecar overhead', 'canary rollout', 'what is a service mesh'];

interface Proc {
  child: ChildProcess;
  port: number;
}

async function spawnProcess(args: string[], env: Record<string, string>, ready: (p: Proc) => Promise<boolean>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const started = Date.now();
  const proc = { child, port };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${stderr}`);
    if (await ready(proc).catch(() => false)) return proc;
    if (Date.now() - started > 30_000) throw new Error(`${args.join(' ')} was not ready within 30 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(p: Proc): Promise<void> {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGTERM');
  await exited;
}

const readyz = async (p: Proc): Promise<boolean> => (await fetch(`http://127.0.0.1:${p.port}/readyz`)).status === 200;

/** Interleaves `measure(side, i)` over the sides; rotates who goes first. */
async function interleave<S extends string>(sides: readonly S[], measure: (side: S, i: number) => Promise<number>): Promise<Record<S, number[]>> {
  const out = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<S, number[]>;
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const first = i % sides.length;
    for (const side of [...sides.slice(first), ...sides.slice(0, first)]) {
      const ms = await measure(side, i);
      if (i >= WARMUP) out[side].push(ms);
    }
  }
  return out;
}

function figures(prefix: string, times: { ours: number[]; bare: number[] }): Figure[] {
  const p = (side: 'ours' | 'bare', q: number): number => percentile(times[side], q);
  return [
    { name: `${prefix}.ours_p50`, value: round(p('ours', 50)), unit: 'ms' },
    { name: `${prefix}.ours_p99`, value: round(p('ours', 99)), unit: 'ms' },
    { name: `${prefix}.bare_p50`, value: round(p('bare', 50)), unit: 'ms' },
    { name: `${prefix}.bare_p99`, value: round(p('bare', 99)), unit: 'ms' },
    { name: `${prefix}.ours_over_bare_p50`, value: round(p('ours', 50) / p('bare', 50)), unit: 'x' },
  ];
}

async function slack(): Promise<Figure[]> {
  const standin = await new WebApiStandIn().start();
  const dir = tempDirectory('meshbot-ask-');
  const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: standin.apiUrl, LOG_LEVEL: 'info' };
  const ours = await spawnProcess(productionNodeArgs(), { ...env, DATABASE_PATH: join(dir.path, 'bench.db') }, readyz);
  const bare = await spawnProcess([join('bench', 'bare-bolt-app.mjs')], env, readyz);
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  try {
    const first = await postSigned(`http://127.0.0.1:${ours.port}/slack/events`, slashCommandBody({ text: 'ask circuit breaking' }), { agent });
    if (!first.text.includes('Q7')) throw new Error(`expected Q7 from meshbot, got ${first.text.slice(0, 200)}`);
    const times = await interleave(['ours', 'bare'] as const, async (side, i) => {
      const body = slashCommandBody({ text: `ask ${QUERIES[i % QUERIES.length]}`, user_id: `U${String(i).padStart(6, '0')}` });
      const url = `http://127.0.0.1:${(side === 'ours' ? ours : bare).port}/slack/events`;
      const started = performance.now();
      // A keep-alive socket closed by the server at the wrong moment resets: count the resend.
      const reply = await postSigned(url, body, { agent }).catch(() => postSigned(url, body, { agent }));
      if (reply.status !== 200) throw new Error(`${side} answered HTTP ${reply.status}`);
      return performance.now() - started;
    });
    return figures('process.slack.ask', times);
  } finally {
    agent.destroy();
    await Promise.all([stop(ours), stop(bare)]);
    await standin.close();
    dir.remove();
  }
}

const APPLICATION_ID = '1098765432109876543';
const GUILD_ID = '200000000000000001';
const CHANNEL_ID = '300000000000000001';
const TOKENS = { ours: 'bench.meshbot.token', bare: 'bench.bare.token', bareEmbed: 'bench.bare-embed.token' } as const;

async function discord(): Promise<Figure[]> {
  const standin: DiscordStandin = await startDiscordStandin({
    tokens: [TOKENS.ours, TOKENS.bare, TOKENS.bareEmbed],
    applicationId: APPLICATION_ID,
    guilds: [{ id: GUILD_ID, name: 'Bench', channels: [{ id: CHANNEL_ID, name: 'bench' }] }],
  });
  const dir = tempDirectory('meshbot-ask-');
  const ask = (i: number) => {
    const where: Where = { applicationId: APPLICATION_ID, guildId: GUILD_ID, channelId: CHANNEL_ID, user: { id: String(400000000000000000n + BigInt(i)), username: `p${i}` } };
    return slashCommand(where, 'mesh', 'ask', [{ name: 'query', type: 3, value: QUERIES[i % QUERIES.length]! }]);
  };
  const answers = (token: string) => async (): Promise<boolean> => {
    await standin.interact(ask(0), { token, timeoutMs: 1_000 });
    return true;
  };
  const ours = await spawnProcess(productionNodeArgs(), { DISCORD_TOKEN: TOKENS.ours, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standin.apiUrl, DATABASE_PATH: join(dir.path, 'bench.db'), LOG_LEVEL: 'info' }, answers(TOKENS.ours));
  const bare = await spawnProcess([join('bench', 'bare-discord-client.mjs')], { DISCORD_TOKEN: TOKENS.bare, DISCORD_API_URL: standin.apiUrl }, answers(TOKENS.bare));
  // The bare client again, replying with meshbot's own answer (embed and buttons): how much
  // of the difference is the reply's content, which discord.js checks and serialises.
  const sample = (await standin.interact(ask(1), { token: TOKENS.ours })).body as { data: unknown };
  const bareEmbed = await spawnProcess([join('bench', 'bare-discord-client.mjs')], { DISCORD_TOKEN: TOKENS.bareEmbed, DISCORD_API_URL: standin.apiUrl, BARE_REPLY: JSON.stringify(sample.data) }, answers(TOKENS.bareEmbed));
  try {
    const times = await interleave(['ours', 'bare', 'bareEmbed'] as const, async (side, i) => {
      const started = performance.now();
      await standin.interact(ask(i + 1), { token: TOKENS[side] });
      return performance.now() - started;
    });
    return [
      ...figures('process.discord.ask', times),
      { name: 'process.discord.ask.bare_same_reply_p50', value: round(percentile(times.bareEmbed, 50)), unit: 'ms' },
      { name: 'process.discord.ask.ours_over_bare_same_reply_p50', value: round(percentile(times.ours, 50) / percentile(times.bareEmbed, 50)), unit: 'x' },
    ];
  } finally {
    await Promise.all([stop(ours), stop(bare), stop(bareEmbed)]);
    await standin.close();
    dir.remove();
  }
}

export async function benchProcessAsk(): Promise<Figure[]> {
  if (!existsSync('dist/adapters/main.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  return [...(await slack()), ...(await discord())];
}
