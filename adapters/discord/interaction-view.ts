/**
 * What the mapping to the core reads from a Discord interaction, whichever way it came:
 * as a discord.js object from the gateway (gateway-view.ts) or as the raw API JSON that
 * Discord POSTs to the interactions endpoint (read here). Both readers fill the same
 * view, so one pure mapping (map-interaction.ts) serves both modes.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  PermissionsBitField,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
} from 'discord.js';
import type { OptionReader } from './command-definitions.js';

/** Who acted, and where; the guild and channel are null outside a server channel. */
export interface InteractionActor {
  /** The server (guild) id; null in a direct message. */
  guildId: string | null;
  /** The channel the interaction happened in. */
  channelId: string | null;
  /** The user's id (a snowflake). */
  userId: string;
  /** The unique username, the last resort for a display name. */
  username: string;
  /** The global display name, if the user set one. */
  globalName: string | null;
  /** The server nickname, if any. */
  nick: string | null;
  /** The member's permissions in this channel (null outside a server). */
  permissions: Readonly<PermissionsBitField> | null;
}

/** An interaction reduced to what meshbot acts on. */
export type InteractionView =
  | { kind: 'command'; actor: InteractionActor; commandName: string; subcommand: string | null; options: OptionReader }
  | { kind: 'button'; actor: InteractionActor; customId: string; messageId: string }
  | { kind: 'autocomplete'; actor: InteractionActor; commandName: string; subcommand: string | null; focused: { name: string; value: string } }
  | { kind: 'unsupported'; type: number };

type BasicOption = APIApplicationCommandInteractionDataBasicOption;

/** Reads the raw API interaction Discord sends to the interactions endpoint (API v10). */
export function viewOfApiInteraction(raw: APIInteraction): InteractionView {
  switch (raw.type) {
    case InteractionType.ApplicationCommand: {
      if (raw.data.type !== ApplicationCommandType.ChatInput) return { kind: 'unsupported', type: raw.type };
      const { subcommand, options } = subcommandOf(raw.data.options);
      return { kind: 'command', actor: actorOfApi(raw), commandName: raw.data.name, subcommand, options: apiOptionReader(options) };
    }
    case InteractionType.MessageComponent:
      if (raw.data.component_type !== ComponentType.Button) return { kind: 'unsupported', type: raw.type };
      return { kind: 'button', actor: actorOfApi(raw), customId: raw.data.custom_id, messageId: raw.message.id };
    case InteractionType.ApplicationCommandAutocomplete: {
      const { subcommand, options } = subcommandOf(raw.data.options);
      const focused = options.find((o) => 'focused' in o && o.focused === true);
      if (!focused || !('value' in focused)) return { kind: 'unsupported', type: raw.type };
      return { kind: 'autocomplete', actor: actorOfApi(raw), commandName: raw.data.name, subcommand, focused: { name: focused.name, value: String(focused.value) } };
    }
    default:
      return { kind: 'unsupported', type: raw.type };
  }
}

/** The subcommand named in the top-level options, and its own options (meshbot uses no subcommand groups). */
function subcommandOf(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): { subcommand: string | null; options: BasicOption[] } {
  const sub = options?.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (sub && sub.type === ApplicationCommandOptionType.Subcommand) return { subcommand: sub.name, options: sub.options ?? [] };
  return { subcommand: null, options: (options ?? []).filter((o): o is BasicOption => o.type !== ApplicationCommandOptionType.SubcommandGroup) };
}

function apiOptionReader(options: readonly BasicOption[]): OptionReader {
  const valueOf = (name: string, type: ApplicationCommandOptionType): string | null => {
    const option = options.find((o) => o.name === name && o.type === type);
    return option && 'value' in option ? String(option.value) : null;
  };
  return {
    string: (name) => valueOf(name, ApplicationCommandOptionType.String),
    user: (name) => valueOf(name, ApplicationCommandOptionType.User),
  };
}

function actorOfApi(raw: Exclude<APIInteraction, { type: InteractionType.Ping }>): InteractionActor {
  const member = raw.member;
  const user = member?.user ?? raw.user;
  return {
    guildId: raw.guild_id ?? null,
    channelId: raw.channel?.id ?? raw.channel_id ?? null,
    userId: user?.id ?? '',
    username: user?.username ?? '',
    globalName: user?.global_name ?? null,
    nick: member?.nick ?? null,
    // The same bitfield discord.js builds from `member.permissions` for a gateway interaction.
    permissions: member ? new PermissionsBitField(BigInt(member.permissions)).freeze() : null,
  };
}
