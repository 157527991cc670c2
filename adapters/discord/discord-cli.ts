import { parseArgs } from 'node:util';
/**
 * `npm run --silent cli -- discord <subcommand>`:
 *   register [--guild ID]   register /mesh and /mesh-admin (in one server, or globally)
 *   commands                print the registration body (JSON), e.g. to review it
 */
import { BotError, silentLogger, type Config } from '../../src/index.js';
import { discordCommandDefinitions } from './command-definitions.js';
import { registerDiscordCommands } from './register-commands.js';

export const DISCORD_USAGE = `usage: npm run --silent cli -- discord <command>
  register [--guild ID]   register the slash commands in one server (instant) or globally
  commands                print the registration body as JSON`;

/** Where the CLI writes (the process's streams unless a test passes its own). */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs a `discord` subcommand; resolves with the exit code (0 ok, 1 failed, 2 usage). */
export async function discordCli(args: string[], config: Config, output: CliOutput = processOutput): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'commands') {
    output.out(JSON.stringify(discordCommandDefinitions(config.commandName), null, 2));
    return 0;
  }
  if (sub !== 'register') {
    output.err(DISCORD_USAGE);
    return sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const guild = parseGuild(rest);
  if (!guild.ok) {
    output.err(`${guild.error}\n${DISCORD_USAGE}`);
    return 2;
  }
  if (!config.discord) {
    output.err('discord register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (set them in the environment or .env).');
    return 2;
  }
  try {
    const result = await registerDiscordCommands({
      config: config.discord,
      commandName: config.commandName,
      logger: silentLogger,
      ...(guild.id ? { guildId: guild.id } : {}),
    });
    const where = result.scope === 'guild' ? `in server ${guild.id} (available now)` : 'globally (every server the bot is in)';
    output.out(`Registered ${result.names.map((n) => `/${n}`).join(' and ')} ${where}.`);
    return 0;
  } catch (error) {
    output.err(`meshbot: ${error instanceof BotError ? error.message : String(error)}`);
    return 1;
  }
}

function parseGuild(args: string[]): { ok: true; id?: string } | { ok: false; error: string } {
  let value: string | undefined;
  try {
    value = parseArgs({ args, options: { guild: { type: 'string' } }, allowPositionals: false, strict: true }).values.guild;
  } catch (error) {
    return { ok: false, error: `unexpected arguments: ${args.join(' ')} (${(error as Error).message})` };
  }
  if (value === undefined) return { ok: true };
  if (!/^\d{15,25}$/.test(value)) return { ok: false, error: `--guild needs a server id (a number like 123456789012345678), not "${value}"` };
  return { ok: true, id: value };
}
