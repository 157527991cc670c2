/**
 * Discord interactions as the core's plain data: a slash command becomes the command
 * text the core parses, a button click becomes an action, an autocomplete request names
 * the option being typed. Pure: it reads an InteractionView, which the gateway adapter
 * builds from discord.js objects and the HTTP interactions adapter from raw API JSON.
 */
import { PermissionFlagsBits } from 'discord.js';
import type { Actor, IncomingAction, IncomingCommand } from '../../src/index.js';
import { commandNames, findSubcommand, type CommandGroup } from './command-definitions.js';
import { decodeCustomId } from './custom-id.js';
import type { InteractionActor, InteractionView } from './interaction-view.js';

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
export function mapInteraction(view: InteractionView, context: MappingContext): DiscordRequest {
  switch (view.kind) {
    case 'command':
      return mapCommand(view, context);
    case 'button':
      return mapButton(view, context);
    case 'autocomplete':
      return mapAutocomplete(view, context);
    case 'unsupported':
      return { kind: 'refused', reason: `unsupported interaction type ${view.type}`, reply: null };
  }
}

function groupOf(name: string, context: MappingContext): CommandGroup | null {
  const names = commandNames(context.commandName);
  if (name === names.user) return 'user';
  if (name === names.admin) return 'admin';
  return null;
}

function mapCommand(view: Extract<InteractionView, { kind: 'command' }>, context: MappingContext): DiscordRequest {
  const group = groupOf(view.commandName, context);
  const spec = group ? findSubcommand(group, view.subcommand ?? '') : undefined;
  if (!spec) {
    const names = commandNames(context.commandName);
    return {
      kind: 'refused',
      reason: `unknown command /${view.commandName} ${view.subcommand ?? ''}`.trim(),
      reply: `This command is out of date: an admin can run \`npm run cli -- discord register\` to update /${names.user} and /${names.admin}.`,
    };
  }
  const actor = actorOf(view.actor, context);
  if (!actor) return outsideGuild(context);
  // Only an admin's `post` does slow work: anyone else is refused at once by the core.
  return { kind: 'command', command: { ...actor, text: spec.toText(view.options) }, slow: spec.slow === true && actor.isAdmin };
}

function mapButton(view: Extract<InteractionView, { kind: 'button' }>, context: MappingContext): DiscordRequest {
  const decoded = decodeCustomId(view.customId);
  if (!decoded) return { kind: 'refused', reason: `foreign custom id ${view.customId.slice(0, 100)}`, reply: 'That button is no longer active.' };
  const actor = actorOf(view.actor, context);
  if (!actor) return outsideGuild(context);
  return { kind: 'action', action: { ...actor, actionId: decoded.actionId, value: decoded.value, messageId: view.messageId } };
}

function mapAutocomplete(view: Extract<InteractionView, { kind: 'autocomplete' }>, context: MappingContext): DiscordRequest {
  const { focused, subcommand: sub } = view;
  const group = groupOf(view.commandName, context);
  if (group === 'user' && sub === 'ask' && focused.name === 'query') return { kind: 'autocomplete', field: 'query', text: focused.value };
  if (group === 'admin' && sub === 'schedule' && (focused.name === 'zone' || focused.name === 'days')) return { kind: 'autocomplete', field: focused.name, text: focused.value };
  return { kind: 'refused', reason: `no suggestions for ${view.commandName} ${sub ?? ''} ${focused.name}`, reply: null };
}

function outsideGuild(context: MappingContext): DiscordRequest {
  return { kind: 'refused', reason: 'interaction outside a server', reply: `/${context.commandName} works in server channels, not in direct messages.` };
}

/** Who clicked or typed, where; null outside a server (the core keys everything by server and channel). */
export function actorOf(who: InteractionActor, context: MappingContext): Actor | null {
  if (!who.guildId || !who.channelId) return null;
  const byPermission = who.permissions?.any(ADMIN_PERMISSIONS) ?? false;
  return {
    platform: 'discord',
    workspaceId: who.guildId,
    channelId: who.channelId,
    userId: who.userId,
    // The name people see in the server: nickname, then global display name, then username.
    userName: who.nick ?? who.globalName ?? who.username,
    isAdmin: byPermission || context.adminUserIds.has(who.userId),
  };
}
