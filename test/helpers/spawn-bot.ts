import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SIGNING_SECRET } from '../slack/helpers/signed-request.js';

/** A free TCP port on 127.0.0.1 (closed again before the bot binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedBot {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves with the exit code (bounded: rejects after `limitMs`). */
  exited(limitMs?: number): Promise<number | null>;
}

/**
 * Starts the bot in Slack HTTP mode against a Web API stand-in, and waits (bounded) until
 * /healthz answers: from the sources as `npm start` does (`node --import tsx
 * adapters/main.ts`), or with `entry` the production build as the image does
 * (`node dist/adapters/main.js`).
 */
export async function spawnSlackBot(options: { cwd: string; apiUrl: string; databasePath: string; env?: Record<string, string>; entry?: string[] }): Promise<SpawnedBot> {
  const port = await freePort();
  const child = spawn(process.execPath, options.entry ?? ['--import', 'tsx', join('adapters', 'main.ts')], {
    cwd: options.cwd,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      SLACK_BOT_TOKEN: 'xoxb-process-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.apiUrl,
      DATABASE_PATH: options.databasePath,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned: SpawnedBot = {
    child,
    port,
    output: () => output,
    exited: (limitMs = 30_000) =>
      Promise.race([exit, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the bot did not exit within ${limitMs} ms:\n${output}`)), limitMs).unref())]),
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited during start-up (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return spawned;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
