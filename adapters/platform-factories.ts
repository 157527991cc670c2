import type { Config } from '../src/index.js';
import { createDiscordAdapter } from './discord/index.js';
import { createDiscordHttpAdapter } from './discord-http/index.js';
import { createSlackAdapter } from './slack/slack-adapter.js';
import type { AdapterFactory } from './start-bot.js';

/** The adapters the configuration turns on (Slack and Discord may run together). */
export function platformFactories(config: Config): AdapterFactory[] {
  const factories: AdapterFactory[] = [];
  if (config.slack) {
    const slack = config.slack;
    factories.push(({ bot, logger, observer, routes }) => {
      const adapter = createSlackAdapter({ config: slack, bot, logger, observer, adminUserIds: config.adminUserIds, port: config.port, routes });
      // In HTTP mode Bolt serves /healthz and /metrics (and /discord/interactions) beside /slack/events; Socket Mode needs our own server.
      return { adapter, servesRoutes: adapter.servesRoutes };
    });
  }
  if (config.discord) {
    const discord = config.discord;
    const common = { adminUserIds: config.adminUserIds, commandName: config.commandName };
    const publicKey = discord.publicKey;
    if (publicKey) {
      // DISCORD_PUBLIC_KEY: HTTP interactions, which any number of replicas can answer.
      factories.push(({ bot, logger, observer, clock }) => {
        const adapter = createDiscordHttpAdapter({ config: { ...discord, publicKey }, bot, logger, observer, clock, ...common });
        return { adapter, servesRoutes: false, routes: adapter.routes };
      });
    } else {
      // The gateway: one session, so one process.
      factories.push(({ bot, logger, observer }) => ({ adapter: createDiscordAdapter({ config: discord, bot, logger, observer, ...common }), servesRoutes: false }));
    }
  }
  return factories;
}
