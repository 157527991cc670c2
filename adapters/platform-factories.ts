import type { Config } from '../src/index.js';
import type { AdapterFactory } from './start-bot.js';

/**
 * The adapters the configuration turns on (Slack and Discord may run together). Each
 * platform's code is imported only when it is configured: discord.js alone takes most of
 * a second and 20 MB to load, which a Slack-only bot should not pay at every start.
 */
export async function platformFactories(config: Config): Promise<AdapterFactory[]> {
  const factories: AdapterFactory[] = [];
  if (config.slack) {
    const slack = config.slack;
    const { createSlackAdapter } = await import('./slack/slack-adapter.js');
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
      const { createDiscordHttpAdapter } = await import('./discord-http/index.js');
      factories.push(({ bot, logger, observer, clock }) => {
        const adapter = createDiscordHttpAdapter({ config: { ...discord, publicKey }, bot, logger, observer, clock, ...common });
        return { adapter, servesRoutes: false, routes: adapter.routes };
      });
    } else {
      // The gateway: one session, so one process.
      const { createDiscordAdapter } = await import('./discord/index.js');
      factories.push(({ bot, logger, observer }) => ({ adapter: createDiscordAdapter({ config: discord, bot, logger, observer, ...common }), servesRoutes: false }));
    }
  }
  return factories;
}
