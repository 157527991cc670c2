import type { Message } from './messages/model.js';

export type Platform = 'slack' | 'discord' | 'console';

/** A channel on one platform and workspace (Slack team, Discord guild). */
export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/**
 * Outbound calls the core makes on its own (scheduled rounds, reveals, weekly digests).
 * Each adapter implements it; a failure rejects with the platform's error so the core can
 * retry later.
 */
export interface ChatPort {
  /**
   * Posts a message to everyone in a channel and resolves with the platform's message id.
   * A message with `images` goes out as one message carrying them, in one platform call
   * once the bytes are uploaded (Slack: files.completeUploadExternal, whose id is then the
   * first file's; Discord: attachments), so a failed post never leaves half a message
   * behind for a retry to repeat. See docs/design.md, "Pictures".
   */
  post(channel: ChannelRef, message: Message): Promise<{ messageId: string }>;
  /** Replaces the content of a message the bot posted earlier (its pictures, if any, stay as they were). */
  update(channel: ChannelRef, messageId: string, message: Message): Promise<void>;
  /** Posts in the thread of an earlier message (or just after it where threads do not exist). */
  reply(channel: ChannelRef, messageId: string, message: Message): Promise<{ messageId: string }>;
}

/** Who did something, where: the plain data every command and click arrives as. */
export interface Actor extends ChannelRef {
  userId: string;
  userName: string;
  /** Whether the platform (or ADMIN_USER_IDS) says this person may run admin commands here. */
  isAdmin: boolean;
}

export interface IncomingCommand extends Actor {
  /** The text after the slash command, e.g. `ask circuit breaking`. */
  text: string;
  /**
   * The platform's id of this delivery (Slack's trigger id, Discord's interaction id),
   * when it has one: a delivery the platform repeats, on whichever replica, runs once.
   */
  deliveryId?: string;
}

export interface IncomingAction extends Actor {
  actionId: string;
  value: string;
  /** The platform id of the message whose button was clicked, when known. */
  messageId?: string;
}
