import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { productionNodeArgs } from '../helpers/production-command.js';
import { spawnSlackBot, type SpawnedBot } from '../helpers/spawn-bot.js';
import { WebApiStandIn } from '../slack/helpers/web-api-standin.js';

/** What the Dockerfile copies into the image, besides node_modules. */
const IMAGE_FILES = ['package.json', 'package-lock.json', 'dist', 'migrations', 'data'];

let bot: SpawnedBot | null = null;
let standin: WebApiStandIn | null = null;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await standin?.close();
});

describe('the production image, reproduced without Docker', () => {
  it('copies what the Dockerfile copies', async () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const file of IMAGE_FILES) expect(dockerfile).toMatch(new RegExp(`COPY[^\\n]*\\b${file.replace('.', '\\.')}\\b`));
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/USER node/);
    expect(dockerfile).toMatch(/HEALTHCHECK/);
    // The image starts the bot exactly as `npm run start:prod` does, flags included.
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd && (JSON.parse(cmd) as string[])).toEqual(['node', ...productionNodeArgs()]);
  });

  it('builds, installs production dependencies only, starts with the image command and answers /healthz', async () => {
    // The build stage: the sources compiled to dist/ (with the dev dependencies present here).
    execFileSync('npm', ['run', 'build'], { stdio: 'pipe', timeout: 120_000 });
    const dir = tempDir();
    for (const file of IMAGE_FILES) cpSync(file, join(dir, file), { recursive: true });
    execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe', timeout: 280_000 });
    expect(existsSync(join(dir, 'node_modules', 'better-sqlite3'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(false);

    standin = await new WebApiStandIn().start();
    bot = await spawnSlackBot({ cwd: dir, apiUrl: standin.apiUrl, databasePath: join(dir, 'data-volume', 'meshbot.db'), entry: productionNodeArgs() });
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
  }, 300_000);
});
