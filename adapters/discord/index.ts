/**
 * The Discord adapter's public face, for the composition root and the CLI:
 *   createDiscordAdapter   the PlatformAdapter (gateway client, interactions, ChatPort)
 *   discordCli             `npm run cli -- discord register [--guild ID]` and `discord commands`
 *   registerDiscordCommands / discordCommandDefinitions   the registration itself and its body
 */
export { createDiscordAdapter, type DiscordAdapterOptions } from './discord-adapter.js';
export { discordCli, DISCORD_USAGE, type CliOutput } from './discord-cli.js';
export { registerDiscordCommands, type RegisterOptions, type RegisterResult } from './register-commands.js';
export { discordCommandDefinitions, commandNames, SUBCOMMANDS } from './command-definitions.js';
