/**
 * The end-to-end rig of HTTP interactions mode: the REST stand-in on loopback, the real
 * core (seed banks, SQLite in memory, a ManualClock), and the HTTP interactions adapter's
 * route served by the same server as health and metrics. Requests are signed with a key
 * pair made for the test; the adapter knows only its public half. Use with
 * `useDiscordRig()` (harness.ts) for teardown and the unhandled-rejection guard.
 */
import { createDiscordHttpAdapter, type DiscordHttpAdapter } from '../../adapters/discord-http/index.js';
import { healthRoutes } from '../../adapters/http/health-routes.js';
import { serveRoutes } from '../../adapters/http/serve-routes.js';
import { createMetrics } from '../../adapters/observability/metrics.js';
import { createBot, loadBanks, ManualClock, openSqliteStore, seededRandom, type Bank, type Bot, type Store } from '../../src/index.js';
import { afterTest, APPLICATION_ID, CHANNEL_ID, GUILD_ID, RecordingLogger, RecordingObserver, startStandin, TOKEN } from './harness.js';
import type { DiscordStandin } from './standin/discord-standin.js';
import type { Where } from './standin/interactions.js';
import { postInteraction, signatureHeaders, signingKeys, type EndpointReply, type SigningKeys } from './standin/signed-interaction.js';

export interface HttpRig {
  standin: DiscordStandin;
  adapter: DiscordHttpAdapter;
  bot: Bot;
  store: Store;
  clock: ManualClock;
  logger: RecordingLogger;
  observer: RecordingObserver;
  keys: SigningKeys;
  /** The server's base URL, e.g. http://127.0.0.1:PORT. */
  baseUrl: string;
  /** POSTs an interaction (object or exact body text) signed at the clock's time, unless `headers` says otherwise. */
  send(payload: unknown, options?: { headers?: Record<string, string> }): Promise<EndpointReply>;
  /** A member of the test server, in the test channel. */
  member(id: string, name: string, options?: { manager?: boolean }): Where;
}

export interface HttpRigOptions {
  adminUserIds?: string[];
  deferAfterMs?: number;
  wrapBot?: (bot: Bot) => Bot;
}

let banks: Bank[] | null = null;

/** Starts stand-in, core, adapter and server; everything is taken down after the test. */
export async function startHttpRig(options: HttpRigOptions = {}): Promise<HttpRig> {
  const standin = await startStandin();
  banks ??= loadBanks('data/banks');
  const keys = signingKeys();
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const store = openSqliteStore(':memory:', clock.now().getTime());
  afterTest(() => store.close());
  const logger = new RecordingLogger();
  const observer = new RecordingObserver();
  let bot: Bot | null = null;
  const adapter = createDiscordHttpAdapter({
    config: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: standin.apiUrl, publicKey: keys.publicKeyHex },
    bot: () => {
      if (!bot) throw new Error('bot not built yet');
      return bot;
    },
    logger,
    observer,
    clock,
    adminUserIds: options.adminUserIds ?? [],
    drainTimeoutMs: 2_000,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  afterTest(() => adapter.stop());
  const core = createBot({ banks, store, clock, chat: adapter.chat, logger, random: seededRandom(7) });
  bot = options.wrapBot ? options.wrapBot(core) : core;
  const routes = [...healthRoutes({ store: () => store, adapters: [adapter], metrics: createMetrics({ processMetrics: false }), stopping: () => false }), ...adapter.routes];
  const server = await serveRoutes(routes, 0, '127.0.0.1');
  afterTest(() => server.close(1_000));
  await adapter.start();
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    standin,
    adapter,
    bot: core,
    store,
    clock,
    logger,
    observer,
    keys,
    baseUrl,
    send: (payload, o = {}) => {
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const headers = o.headers ?? signatureHeaders(keys.privateKey, body, Math.floor(clock.now().getTime() / 1000));
      return postInteraction(`${baseUrl}/discord/interactions`, body, headers);
    },
    member: (id, name, o = {}) => ({
      applicationId: APPLICATION_ID,
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      user: { id, username: name },
      ...(o.manager ? { permissions: String(84992 | 16) } : {}),
    }),
  };
}
