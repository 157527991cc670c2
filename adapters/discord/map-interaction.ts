/**
 * Discord interactions as the core's plain data: a slash command becomes the command
 * text the core parses, a button click becomes an action, an autocomplete request names
 * the option being typed. Pure apart from reading the discord.js interaction.
 */
import { PermissionFlagsBits, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Actor, IncomingAction, IncomingCommand } from '../../src/index.js';
import { commandNames, findSubcommand, type CommandGroup, type OptionReader } from './command-definitions.js';
import { decodeCustomId } from './custom-id.js';

/** What an interaction asks of the bot. */
export type DiscordRequest =
  | { kind: 'command'; command: IncomingCommand; slow: boolean }
  | { kind: 'action'; action: IncomingAction }
  | { kind: 'autocomplete'; field: AutocompleteField; text: string }
  | { kind: 'refused'; reason: string; reply: string | null };

/** The options that offer suggestions while the user types. */
export type AutocompleteField = 'query' | 'zone' | 'days';

/** What the mapping needs to know besides the interaction. */
export interface MappingContext {
  /** The configured base command name, e.g. `mesh`. */
  commandName: string;
  /** Ids allowed to run admin commands anywhere (ADMIN_USER_IDS). */
  adminUserIds: ReadonlySet<string>;
}

/** Members who can manage the channel, or the whole server, are admins (Administrator implies both). */
const ADMIN_PERMISSIONS = [PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild];

/** Maps any interaction; kinds meshbot does not handle come back as `refused`. */
export function mapInteraction(interaction: Interaction, context: MappingContext): DiscordRequest {
  if (interaction.isChatInputCommand()) return mapCommand(interaction, context);
  if (interaction.isButton()) return mapButton(interaction, context);
  if (interaction.isAutocomplete()) return mapAutocomplete(interaction, context);
  return { kind: 'refused', reason: `unsupported interaction type ${interaction.type}`, reply: null };
}

function groupOf(name: string, context: MappingContext): CommandGroup | null {
  const names = commandNames(context.commandName);
  if (name === names.user) return 'user';
  if (name === names.admin) return 'admin';
  return null;
}

function mapCommand(interaction: ChatInputCommandInteraction, context: MappingContext): DiscordRequest {
  const group = groupOf(interaction.commandName, context);
  const spec = group ? findSubcommand(group, interaction.options.getSubcommand(false) ?? '') : undefined;
  if (!spec) {
    const names = commandNames(context.commandName);
    return {
      kind: 'refused',
      reason: `unknown command /${interaction.commandName} ${interaction.options.getSubcommand(false) ?? ''}`.trim(),
      reply: `This command is out of date: an admin can run \`npm run cli -- discord register\` to update /${names.user} and /${names.admin}.`,
    };
  }
  const actor = actorOf(interaction, context);
  if (!actor) return outsideGuild(context);
  const reader: OptionReader = {
    string: (name) => interaction.options.getString(name, false),
    user: (name) => interaction.options.getUser(name, false)?.id ?? null,
  };
  // Only an admin's `post` does slow work: anyone else is refused at once by the core.
  return { kind: 'command', command: { ...actor, text: spec.toText(reader) }, slow: spec.slow === true && actor.isAdmin };
}

function mapButton(interaction: ButtonInteraction, context: MappingContext): DiscordRequest {
  const decoded = decodeCustomId(interaction.customId);
  if (!decoded) return { kind: 'refused', reason: `foreign custom id ${interaction.customId.slice(0, 100)}`, reply: 'That button is no longer active.' };
  const actor = actorOf(interaction, context);
  if (!actor) return outsideGuild(context);
  return { kind: 'action', action: { ...actor, actionId: decoded.actionId, value: decoded.value, messageId: interaction.message.id } };
}

function mapAutocomplete(interaction: AutocompleteInteraction, context: MappingContext): DiscordRequest {
  const focused = interaction.options.getFocused(true);
  const group = groupOf(interaction.commandName, context);
  const sub = interaction.options.getSubcommand(false);
  const text = String(focused.value);
  if (group === 'user' && sub === 'ask' && focused.name === 'query') return { kind: 'autocomplete', field: 'query', text };
  if (group === 'admin' && sub === 'schedule' && (focused.name === 'zone' || focused.name === 'days')) return { kind: 'autocomplete', field: focused.name, text };
  return { kind: 'refused', reason: `no suggestions for ${interaction.commandName} ${sub ?? ''} ${focused.name}`, reply: null };
}

function outsideGuild(context: MappingContext): DiscordRequest {
  return { kind: 'refused', reason: 'interaction outside a server', reply: `/${context.commandName} works in server channels, not in direct messages.` };
}

type GuildInteraction = ChatInputCommandInteraction | ButtonInteraction;

/** Who clicked or typed, where; null outside a server (the core keys everything by server and channel). */
export function actorOf(interaction: GuildInteraction, context: MappingContext): Actor | null {
  if (!interaction.guildId || !interaction.channelId) return null;
  const userId = interaction.user.id;
  const byPermission = interaction.memberPermissions?.any(ADMIN_PERMISSIONS) ?? false;
  return {
    platform: 'discord',
    workspaceId: interaction.guildId,
    channelId: interaction.channelId,
    userId,
    userName: displayName(interaction),
    isAdmin: byPermission || context.adminUserIds.has(userId),
  };
}

/** The name people see in the server: nickname, then global display name, then username. */
function displayName(interaction: GuildInteraction): string {
  const member = interaction.member;
  // discord.js gives a GuildMember when the guild is cached, the raw API member otherwise.
  const nick = member && 'nickname' in member ? member.nickname : member && 'nick' in member ? member.nick : null;
  return nick ?? interaction.user.globalName ?? interaction.user.username;
}
