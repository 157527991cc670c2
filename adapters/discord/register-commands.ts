/**
 * Registers meshbot's slash commands with Discord: one PUT that replaces the
 * application's commands in one server (instant; for trying it out) or globally.
 */
import { REST, Routes } from 'discord.js';
import { BotError, type DiscordConfig, type Logger } from '../../src/index.js';
import { connectError, restBase } from './connect.js';
import { discordCommandDefinitions } from './command-definitions.js';

/** What to register, and where. */
export interface RegisterOptions {
  config: DiscordConfig;
  /** The base command name (BOT_COMMAND, default `mesh`). */
  commandName?: string;
  /** A server id: register there only. Without it, globally for every server the bot is in. */
  guildId?: string;
  logger: Logger;
}

/** What was registered. */
export interface RegisterResult {
  scope: 'guild' | 'global';
  /** The top-level command names now registered, e.g. `mesh`, `mesh-admin`. */
  names: string[];
}

/** PUTs the command definitions; rejects with a BotError naming what to fix. */
export async function registerDiscordCommands(options: RegisterOptions): Promise<RegisterResult> {
  const { config, guildId, logger } = options;
  const body = discordCommandDefinitions(options.commandName);
  const apiUrl = restBase(config.apiUrl);
  // A one-shot command: no retries beyond the library's own, and a bounded wait.
  const rest = new REST({ version: '10', api: apiUrl, timeout: 15_000 }).setToken(config.token);
  const route = guildId ? Routes.applicationGuildCommands(config.applicationId, guildId) : Routes.applicationCommands(config.applicationId);
  try {
    await rest.put(route, { body });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401) throw connectError(error, apiUrl, null);
    const reason = error instanceof Error ? error.message : String(error);
    const hint =
      status === 403 || status === 404
        ? ` Check DISCORD_APPLICATION_ID${guildId ? ` and that the bot was invited to server ${guildId} with the applications.commands scope` : ''}.`
        : '';
    if (status === undefined) throw connectError(error, apiUrl, null);
    throw new BotError('chat.register_failed', `Discord refused the command registration (HTTP ${status}): ${reason}.${hint}`, { cause: error });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  const names = body.map((c) => c.name);
  logger.info({ scope: guildId ? 'guild' : 'global', guildId, names }, 'Discord commands registered');
  return { scope: guildId ? 'guild' : 'global', names };
}
