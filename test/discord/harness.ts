/**
 * The end-to-end rig: a Discord stand-in on loopback, the real core (seed banks, SQLite
 * in memory, a ManualClock) and the Discord adapter's real discord.js client connected to
 * the stand-in. `useDiscordRig()` registers the hooks that take it all down after each
 * test and fail the test on any unhandled rejection.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import type { PlatformAdapter } from '../../adapters/platform-adapter.js';
import { RecordingLogger, RecordingObserver } from '../helpers/recorders.js';
import { createBot, loadBanks, ManualClock, openSqliteStore, seededRandom, type Bank, type Bot, type Store } from '../../src/index.js';
import { startDiscordStandin, type DiscordStandin } from './standin/discord-standin.js';
import type { Where } from './standin/interactions.js';

export { RecordingLogger, RecordingObserver };

export const TOKEN = 'MTA5.standin.bot-token';
export const APPLICATION_ID = '1098765432109876543';
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';

export interface Rig {
  standin: DiscordStandin;
  adapter: PlatformAdapter;
  bot: Bot;
  store: Store;
  clock: ManualClock;
  logger: RecordingLogger;
  observer: RecordingObserver;
  /** A member of the test server, in the test channel. */
  member(id: string, name: string, options?: { manager?: boolean }): Where;
}

let banks: Bank[] | null = null;
const cleanups: (() => Promise<void> | void)[] = [];
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

/** Registers the per-test guard and teardown; call once at the top of a test file. */
export function useDiscordRig(): void {
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled, 'unhandled rejections during the test').toEqual([]);
  });
}

/** Registers something to undo after the current test. */
export function afterTest(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** Starts the stand-in only (for tests that drive start-up failures or registration). */
export async function startStandin(): Promise<DiscordStandin> {
  const standin = await startDiscordStandin({
    tokens: [TOKEN],
    applicationId: APPLICATION_ID,
    guilds: [{ id: GUILD_ID, name: 'Platform', channels: [{ id: CHANNEL_ID, name: 'platform-onboarding' }] }],
  });
  afterTest(() => standin.close());
  return standin;
}

/** Starts the whole rig: stand-in, core and connected adapter. */
export async function startRig(options: { adminUserIds?: string[]; deferAfterMs?: number; wrapBot?: (bot: Bot) => Bot } = {}): Promise<Rig> {
  const standin = await startStandin();
  banks ??= loadBanks('data/banks');
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const store = openSqliteStore(':memory:', clock.now().getTime());
  afterTest(() => store.close());
  const logger = new RecordingLogger();
  const observer = new RecordingObserver();
  let bot: Bot | null = null;
  const adapter = createDiscordAdapter({
    config: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: standin.apiUrl },
    bot: () => {
      if (!bot) throw new Error('bot not built yet');
      return bot;
    },
    logger,
    observer,
    adminUserIds: options.adminUserIds ?? [],
    readyTimeoutMs: 5_000,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  afterTest(() => adapter.stop());
  const core = createBot({ banks, store, clock, chat: adapter.chat, logger, random: seededRandom(7) });
  bot = options.wrapBot ? options.wrapBot(core) : core;
  await adapter.start();
  return {
    standin,
    adapter,
    bot: core,
    store,
    clock,
    logger,
    observer,
    member: (id, name, o = {}) => ({
      applicationId: APPLICATION_ID,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: { id, username: name },
      ...(o.manager ? { permissions: String(84992 | 16) } : {}),
    }),
  };
}
