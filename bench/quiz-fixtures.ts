/**
 * Shared set-up for the quiz benches: a database file in a temporary folder with the real
 * migrations (WAL, as in production), a bot over the seed bank, a ChatPort that does nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot, createSqliteStore, loadBanks, ManualClock, migrate, openDatabase, seededRandom, type Bot, type ChatPort, type Store } from '../src/index.js';

/** A ChatPort that answers at once and keeps nothing: the bench measures the bot, not a platform. */
export const noopChat: ChatPort = {
  post: async () => ({ messageId: 'bench' }),
  update: async () => {},
  reply: async () => ({ messageId: 'bench' }),
};

export interface BenchDb {
  /** The raw handle, for bulk loading data the bench needs (never used to measure). */
  db: ReturnType<typeof openDatabase>;
  store: Store;
  bot: Bot;
  clock: ManualClock;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/** A fresh database file with the real migrations and a bot over the seed bank. */
export function benchDb(startIso: string, rateLimits?: { answersPerMinute?: number; lookupsPerMinute?: number }): BenchDb {
  const dir = mkdtempSync(join(tmpdir(), 'meshbot-bench-'));
  const path = join(dir, 'bench.db');
  const db = openDatabase(path);
  migrate(db);
  const store = createSqliteStore(db, path);
  const clock = new ManualClock(new Date(startIso));
  const bot = createBot({ banks: loadBanks('data/banks'), store, clock, chat: noopChat, random: seededRandom(1), ...(rateLimits ? { rateLimits } : {}) });
  return {
    db,
    store,
    bot,
    clock,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Times `fn` `runs` times after `warmup` untimed runs; returns each run's milliseconds. */
export async function timeRuns(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}
