import type { BlockAction, SlashCommand } from '@slack/bolt';
import { parseCommand, type IncomingAction, type IncomingCommand } from '../../src/index.js';
import { decodeActionId } from './render-blocks.js';

/**
 * Pure translations of Slack payloads into the core's plain data, and the keys that
 * recognise a delivery Slack sends twice. No I/O: the recorded fixtures test these.
 */

/** Who a person is, as the adapter resolved them (users.info, ADMIN_USER_IDS, cache). */
export interface SlackIdentity {
  userName: string;
  isAdmin: boolean;
}

/** The parts of a slash command payload the adapter reads (a subset of Bolt's `SlashCommand`). */
export type SlashCommandPayload = Pick<SlashCommand, 'command' | 'text' | 'user_id' | 'user_name' | 'team_id' | 'channel_id' | 'trigger_id'>;

/** The parts of a block_actions payload the adapter reads. */
export type BlockActionsPayload = Pick<BlockAction, 'type' | 'team' | 'user' | 'channel' | 'container' | 'message' | 'trigger_id'> & {
  actions: { action_id: string; action_ts: string; value?: string; type: string }[];
};

/** A slash command as the core's command. */
export function commandFromSlash(body: SlashCommandPayload, who: SlackIdentity): IncomingCommand {
  return {
    platform: 'slack',
    workspaceId: body.team_id,
    channelId: body.channel_id,
    userId: body.user_id,
    userName: who.userName,
    isAdmin: who.isAdmin,
    text: body.text ?? '',
    // Slack's retries of one invocation carry the same trigger id: the core runs it once.
    ...(body.trigger_id ? { deliveryId: body.trigger_id } : {}),
  };
}

/** The workspace a click happened in (org-wide installs send `team: null`). */
export function workspaceOfAction(body: BlockActionsPayload): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** The name a payload carries for its user, before users.info says better. */
export function payloadUserName(body: BlockActionsPayload): string {
  return body.user.name ?? body.user.username ?? body.user.id;
}

/**
 * A button click as the core's action, or null when the payload holds no button
 * (Slack sends one action per click; others, like selects, are not ours).
 */
export function actionFromBlockActions(body: BlockActionsPayload, who: SlackIdentity): IncomingAction | null {
  const action = body.actions[0];
  if (!action || action.type !== 'button') return null;
  const container = body.container as { channel_id?: unknown; message_ts?: unknown };
  const channelId = body.channel?.id ?? (typeof container.channel_id === 'string' ? container.channel_id : '');
  const messageTs = typeof container.message_ts === 'string' ? container.message_ts : body.message?.ts;
  return {
    platform: 'slack',
    workspaceId: workspaceOfAction(body),
    channelId,
    userId: body.user.id,
    userName: who.userName,
    isAdmin: who.isAdmin,
    actionId: decodeActionId(action.action_id),
    // Passed through as the core wrote it: it is the core's to interpret.
    value: action.value ?? '',
    ...(messageTs ? { messageId: messageTs } : {}),
  };
}

/** Commands whose reply never depends on whether the person is an admin. */
const NEVER_ADMIN: ReadonlySet<string> = new Set(['ask', 'quiz', 'review', 'leaderboard', 'progress', 'topics', 'help', 'me']);

/**
 * Whether the core may ask if this person is an admin: only then is it worth waiting
 * for users.info on the fast path. Conservative: a command this list does not know
 * (one the core adds later) counts as admin-only, so a wrong guess costs a lookup,
 * never a wrong refusal.
 */
export function commandNeedsAdmin(text: string): boolean {
  const parsed = parseCommand(text);
  if (!parsed.ok) return false;
  const { command } = parsed;
  if (command.name === 'schedule' || command.name === 'digest') return command.args.trim() !== '';
  return !NEVER_ADMIN.has(command.name);
}
