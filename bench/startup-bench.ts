/**
 * Start-up and memory of the production build (`npm run start:prod`'s command, Slack HTTP
 * mode, SQLite) beside a bare Bolt app (bench/bare-bolt-app.mjs) in the same run: time
 * from spawn to /readyz answering 200, and resident memory once ready and after 500
 * signed `/mesh ask` commands. Needs `npm run build` first (the bench runs it if dist/ is
 * missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { productionNodeArgs } from '../test/helpers/production-command.js';
import { freePort } from '../test/helpers/spawn-bot.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from '../test/slack/helpers/signed-request.js';
import { WebApiStandIn } from '../test/slack/helpers/web-api-standin.js';
import { tempDirectory } from './temp-directory.js';
import { round, type Figure } from './figure.js';

const RUNS = 5;
const ASKS = 500;

interface Started {
  child: ChildProcess;
  port: number;
  readyMs: number;
}

async function startProcess(args: string[], env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited during start-up: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return { child, port, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 30_000) throw new Error(`${args.join(' ')} was not ready within 30 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function measure(args: string[], env: Record<string, string>): Promise<{ readyMs: number; rssReady: number; rssAfter: number }> {
  const ready: number[] = [];
  let rssReady = 0;
  let rssAfter = 0;
  for (let run = 0; run < RUNS; run++) {
    const p = await startProcess(args, env);
    ready.push(p.readyMs);
    // Let start-up work settle (a first tick, lazy loads) before reading memory.
    await new Promise((resolve) => setTimeout(resolve, 500));
    rssReady = Math.max(rssReady, rssMb(p.child.pid!));
    const url = `http://127.0.0.1:${p.port}/slack/events`;
    for (let i = 0; i < ASKS; i++) await postSigned(url, slashCommandBody({ text: `ask ${['circuit breaking', 'mtls rotation', 'retry storm', 'sidecar overhead'][i % 4]}`, user_id: `U${i % 50}` }));
    rssAfter = Math.max(rssAfter, rssMb(p.child.pid!));
    await stop(p.child);
  }
  ready.sort((a, b) => a - b);
  return { readyMs: ready[Math.floor(ready.length / 2)]!, rssReady, rssAfter };
}

export async function benchStartup(): Promise<Figure[]> {
  if (!existsSync('dist/adapters/main.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const standin = await new WebApiStandIn().start();
  const dir = tempDirectory('meshbot-startup-');
  try {
    const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: standin.apiUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const ours = await measure(productionNodeArgs(), { ...env, DATABASE_PATH: join(dir.path, 'bench.db') });
    // The same build without start:prod's V8 flags, to show what they are worth.
    const defaults = await measure([join('dist', 'adapters', 'main.js')], { ...env, DATABASE_PATH: join(dir.path, 'bench-defaults.db') });
    const bare = await measure([join('bench', 'bare-bolt-app.mjs')], env);
    return [
      { name: 'startup.ready_ms', value: round(ours.readyMs, 0), unit: 'ms' },
      { name: 'startup.bare_bolt_ready_ms', value: round(bare.readyMs, 0), unit: 'ms' },
      { name: 'startup.rss_ready_mb', value: round(ours.rssReady, 1), unit: 'MB' },
      { name: 'startup.bare_bolt_rss_ready_mb', value: round(bare.rssReady, 1), unit: 'MB' },
      { name: 'startup.rss_over_bare_ready', value: round(ours.rssReady / bare.rssReady, 2), unit: 'x' },
      { name: 'startup.rss_ready_v8_defaults_mb', value: round(defaults.rssReady, 1), unit: 'MB' },
      { name: 'startup.rss_after_asks_v8_defaults_mb', value: round(defaults.rssAfter, 1), unit: 'MB' },
      { name: 'startup.rss_after_asks_mb', value: round(ours.rssAfter, 1), unit: 'MB' },
      { name: 'startup.bare_bolt_rss_after_asks_mb', value: round(bare.rssAfter, 1), unit: 'MB' },
      { name: 'startup.rss_over_bare_after_asks', value: round(ours.rssAfter / bare.rssAfter, 2), unit: 'x' },
    ];
  } finally {
    await standin.close();
    dir.remove();
  }
}
