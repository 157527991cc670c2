/**
 * INTERACTION_CREATE payloads shaped as Discord sends them (API v10): slash commands,
 * autocomplete requests and button clicks, from a member of a server channel.
 */
import { randomBytes } from 'node:crypto';
import { snowflake } from './snowflake.js';

/** Permissions of an ordinary member: View Channel, Send Messages, Embed Links, Read Message History. */
export const MEMBER_PERMISSIONS = '84992';
/** The same plus Manage Channels. */
export const MANAGER_PERMISSIONS = String(84992 | 16);

/** Who acts, and where. */
export interface Where {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: { id: string; username: string; globalName?: string | null; nick?: string | null };
  permissions?: string;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

function base(where: Where, type: number, data: unknown): any {
  const user = { id: where.user.id, username: where.user.username, global_name: where.user.globalName ?? null, discriminator: '0', avatar: null, public_flags: 0 };
  return {
    id: snowflake(),
    application_id: where.applicationId,
    type,
    data,
    guild_id: where.guildId,
    guild: { id: where.guildId, locale: 'en-US', features: [] },
    channel_id: where.channelId,
    channel: { id: where.channelId, type: 0, guild_id: where.guildId, name: 'platform-onboarding', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0 },
    member: {
      user,
      roles: [],
      nick: where.user.nick ?? null,
      avatar: null,
      joined_at: '2026-01-05T09:00:00.000000+00:00',
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: where.permissions ?? MEMBER_PERMISSIONS,
      communication_disabled_until: null,
    },
    token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': where.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/** `/<command> <sub> [options]` (type 2, chat input). */
export function slashCommand(where: Where, command: string, sub: string, options: CommandOption[] = [], resolved?: unknown): any {
  return base(where, 2, { id: snowflake(), name: command, type: 1, options: [{ type: 1, name: sub, options }], ...(resolved ? { resolved } : {}) });
}

/** Autocomplete while typing option `focused` of `/<command> <sub>` (type 4). */
export function autocomplete(where: Where, command: string, sub: string, focused: string, value: string, others: CommandOption[] = []): any {
  return base(where, 4, { id: snowflake(), name: command, type: 1, options: [{ type: 1, name: sub, options: [...others, { type: 3, name: focused, value, focused: true }] }] });
}

/** A click on the button `customId` of `message` (type 3). */
export function buttonClick(where: Where, customId: string, message: any): any {
  return { ...base(where, 3, { custom_id: customId, component_type: 2 }), message };
}
