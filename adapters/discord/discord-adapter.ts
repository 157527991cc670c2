/**
 * meshbot on Discord: a discord.js client on the gateway with the Guilds intent only
 * (slash commands and buttons arrive as interactions, which need no other intent), the
 * core's ChatPort over REST, and a clean start and stop.
 *
 * Nothing here outlives a restart: schedules, rounds and answers live in SQLite, so after
 * a reconnect (discord.js resumes the session by itself) or a restart the core's next
 * tick carries on where it stopped.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import { BotError, type ChatPort, type DiscordConfig, type Logger } from '../../src/index.js';
import { noObserver, type BotHandle, type PlatformAdapter, type PlatformCallObserver } from '../platform-adapter.js';
import { connect, restBase } from './connect.js';
import { createDiscordChat } from './discord-chat.js';
import { handleInteraction, type InteractionDeps } from './handle-interaction.js';
import { observeRateLimits } from './observe-call.js';
import { StoppableShardingStrategy } from './stoppable-strategy.js';

/** How to build the Discord adapter. */
export interface DiscordAdapterOptions {
  config: DiscordConfig;
  /** The core, reached late (it is built with this adapter's ChatPort). */
  bot: BotHandle;
  logger: Logger;
  /** Ids that may run admin commands anywhere (ADMIN_USER_IDS), besides members with Manage Channels or Manage Server. */
  adminUserIds: readonly string[];
  observer?: PlatformCallObserver;
  /** The base slash command name, if not the bot's (BOT_COMMAND). */
  commandName?: string;
  /** How long start() waits for a ready gateway session (default 30 s). */
  readyTimeoutMs?: number;
  /** After this long without the core's answer an interaction is deferred (default 2 s; Discord allows 3). */
  deferAfterMs?: number;
}

const DEFAULTS = Object.freeze({ readyTimeoutMs: 30_000, deferAfterMs: 2_000 });

/** Creates the Discord adapter; nothing connects until start(). */
export function createDiscordAdapter(options: DiscordAdapterOptions): PlatformAdapter {
  const { config, logger } = options;
  const observer = options.observer ?? noObserver;
  const apiUrl = restBase(config.apiUrl);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl },
    allowedMentions: { parse: [] },
    // Our embeds, buttons and autocomplete choices are rendered as Discord's API JSON
    // already (snake_case); discord.js's default transformer re-walks every key of every
    // reply through lodash.snakecase, the largest cost of a reply in this process.
    jsonTransformer: (data: unknown) => data,
    ws: { buildStrategy: (manager) => new StoppableShardingStrategy(manager) },
  });
  const chat: ChatPort = createDiscordChat({ rest: client.rest, logger, observer });
  const deps: InteractionDeps = {
    bot: options.bot,
    logger,
    observer,
    adminUserIds: new Set(options.adminUserIds),
    deferAfterMs: options.deferAfterMs ?? DEFAULTS.deferAfterMs,
    ...(options.commandName ? { commandName: options.commandName } : {}),
  };
  const inFlight = new Set<Promise<void>>();
  let connected = false;
  let state: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' = 'idle';

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const onInteraction = (interaction: Interaction): void => {
    if (state === 'stopping' || state === 'stopped') {
      if (interaction.isRepliable()) {
        const note = interaction.reply({ content: 'meshbot is restarting: try again in a minute.', flags: MessageFlags.Ephemeral }).then(() => {});
        track(note.catch(() => {}));
      }
      return;
    }
    track(handleInteraction(interaction, deps));
  };

  client.on(Events.InteractionCreate, onInteraction);
  client.on(Events.ClientReady, (c) => {
    connected = true;
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'Discord gateway ready');
  });
  client.on(Events.ShardReconnecting, () => {
    connected = false;
    // Our own stop() closes the socket too; only an unplanned loss is worth a warning.
    if (state === 'running') logger.warn({}, 'Discord gateway connection lost; reconnecting');
  });
  client.on(Events.ShardResume, (_id, replayed) => {
    connected = true;
    logger.info({ replayed }, 'Discord gateway session resumed');
  });
  client.on(Events.ShardReady, () => {
    connected = true;
  });
  client.on(Events.ShardDisconnect, (event) => {
    connected = false;
    logger.error({ code: event.code }, 'Discord gateway closed the connection for good');
  });
  // Without listeners these would be thrown by the EventEmitter and take the process down.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.ShardError, (error) => logger.warn({ err: error }, 'Discord gateway error'));
  client.on(Events.Warn, (message) => logger.warn({}, `Discord: ${message}`));
  observeRateLimits(client.rest, observer, logger);

  return {
    platform: 'discord',
    chat,
    start: async () => {
      if (state !== 'idle') throw new BotError('internal', `the Discord adapter cannot start when ${state}`);
      state = 'starting';
      try {
        await connect(client, config.token, apiUrl, options.readyTimeoutMs ?? DEFAULTS.readyTimeoutMs);
        state = 'running';
      } catch (error) {
        state = 'stopped';
        connected = false;
        await client.destroy();
        throw error;
      }
    },
    stop: async () => {
      if (state === 'stopped' || state === 'idle') {
        state = 'stopped';
        await client.destroy();
        return;
      }
      state = 'stopping';
      await Promise.allSettled([...inFlight]);
      connected = false;
      await client.destroy();
      state = 'stopped';
    },
    isConnected: () => state === 'running' && connected,
  };
}
