/**
 * meshbot on Discord over HTTP interactions: Discord POSTs each slash command, click and
 * autocomplete to `POST /discord/interactions` on our HTTP server, and the first answer
 * goes back in the HTTP response. Nothing is held in the process between requests, so
 * any number of replicas behind a load balancer can answer, unlike a gateway session.
 * Round posts and edits (the ChatPort) and later interaction calls go through
 * discord.js's REST client.
 */
import { REST } from 'discord.js';
import { BotError, type ChatPort, type Clock, type DiscordConfig, type Logger } from '../../src/index.js';
import { restBase } from '../discord/connect.js';
import { createDiscordChat } from '../discord/discord-chat.js';
import { observeRateLimits } from '../discord/observe-call.js';
import type { HttpRoute } from '../http/routes.js';
import { noObserver, type BotHandle, type PlatformAdapter, type PlatformCallObserver } from '../platform-adapter.js';
import { answerInteraction } from './answer-interaction.js';
import { checkApplication } from './check-application.js';
import { interactionRoute } from './interaction-route.js';
import { interactionWebhook } from './interaction-webhook.js';
import { DEFAULT_MAX_SKEW_MS, publicKeyFromHex } from './verify-request.js';

/** Where Discord is told to send interactions (the Interactions Endpoint URL's path). */
export const INTERACTIONS_PATH = '/discord/interactions';

/** How to build the HTTP interactions adapter. */
export interface DiscordHttpAdapterOptions {
  /** DISCORD_TOKEN and DISCORD_APPLICATION_ID (REST calls), DISCORD_PUBLIC_KEY (verification), DISCORD_API_URL. */
  config: DiscordConfig & { publicKey: string };
  /** The core, reached late (it is built with this adapter's ChatPort). */
  bot: BotHandle;
  /** Where start-up, refusals and failures are logged. */
  logger: Logger;
  /** Request timestamps are checked against this clock. */
  clock: Clock;
  /** Ids that may run admin commands anywhere (ADMIN_USER_IDS), besides members with Manage Channels or Manage Server. */
  adminUserIds: readonly string[];
  /** Where each REST call (round posts, webhook edits, follow-ups) and each 429 is reported. */
  observer?: PlatformCallObserver;
  /** The base slash command name, if not the bot's (BOT_COMMAND). */
  commandName?: string;
  /** After this long without the core's answer a command is deferred (default 2 s; Discord allows 3). */
  deferAfterMs?: number;
  /** Largest request body accepted (default 256 KiB; a click carries its whole message, still far below). */
  maxBodyBytes?: number;
  /** How far a request's timestamp may be from the clock (default 5 minutes). */
  maxSkewMs?: number;
  /** How long stop() waits for requests in flight and their follow-ups (default 10 s). */
  drainTimeoutMs?: number;
}

/** The adapter, and the route to serve on PORT. */
export interface DiscordHttpAdapter extends PlatformAdapter {
  /** `POST /discord/interactions`, to serve beside health and metrics. */
  readonly routes: readonly HttpRoute[];
}

const DEFAULTS = Object.freeze({ deferAfterMs: 2_000, maxBodyBytes: 256 * 1024, drainTimeoutMs: 10_000 });

/** Creates the adapter; the key is checked now, the token at start(). */
export function createDiscordHttpAdapter(options: DiscordHttpAdapterOptions): DiscordHttpAdapter {
  const { config, logger } = options;
  const observer = options.observer ?? noObserver;
  const apiUrl = restBase(config.apiUrl);
  const publicKey = publicKeyFromHex(config.publicKey);
  const rest = new REST({ version: '10', api: apiUrl }).setToken(config.token);
  observeRateLimits(rest, observer, logger);
  const chat: ChatPort = createDiscordChat({ rest, logger, observer });
  const inFlight = new Set<Promise<void>>();
  let state: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' = 'idle';

  const route = interactionRoute({
    path: INTERACTIONS_PATH,
    publicKey,
    clock: options.clock,
    logger,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxSkewMs: options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS,
    answer: (raw, ack) =>
      answerInteraction(raw, ack, {
        bot: options.bot,
        logger,
        adminUserIds: new Set(options.adminUserIds),
        deferAfterMs: options.deferAfterMs ?? DEFAULTS.deferAfterMs,
        webhook: (applicationId, token) => interactionWebhook(rest, applicationId, token, observer),
        stopping: () => state === 'stopping' || state === 'stopped',
        ...(options.commandName ? { commandName: options.commandName } : {}),
      }),
    track: (work) => {
      inFlight.add(work);
      // The route logs its own failures; this only keeps the set current.
      void work.catch(() => {}).finally(() => inFlight.delete(work));
    },
  });

  const release = (): void => {
    // REST's sweeper intervals would otherwise outlive the adapter.
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  };

  return {
    platform: 'discord',
    chat,
    routes: [route],
    start: async () => {
      if (state !== 'idle') throw new BotError('internal', `the Discord HTTP interactions adapter cannot start when ${state}`);
      state = 'starting';
      try {
        await checkApplication(rest, config, apiUrl, logger);
      } catch (error) {
        state = 'stopped';
        release();
        throw error;
      }
      state = 'running';
      logger.info({ path: INTERACTIONS_PATH }, 'Discord HTTP interactions ready');
    },
    stop: async () => {
      if (state === 'stopped') return;
      const wasRunning = state !== 'idle';
      state = 'stopping';
      if (wasRunning) {
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.drainTimeoutMs ?? DEFAULTS.drainTimeoutMs)));
        await Promise.race([Promise.allSettled([...inFlight]), limit]);
        clearTimeout(timer);
      }
      release();
      state = 'stopped';
    },
    // The route is served by the same server as /readyz: whoever reads readiness reaches the route too.
    isConnected: () => state === 'running',
  };
}
