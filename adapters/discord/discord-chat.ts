/**
 * The core's ChatPort on Discord: scheduled rounds, reveals and results.
 *
 * Calls go straight to the REST routes through the client's own REST instance (the same
 * calls channel.send and message.edit make) so they need no channel cache: a round falls
 * due whether or not the gateway is connected at that moment. That REST instance queues
 * and waits out 429s and retries 5xx itself; we add no retries on top. A call that still
 * fails rejects with a BotError naming the channel, and the core tries again at its next
 * tick (the round stays claimed in SQLite until posted).
 */
import { Routes, type APIMessage, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { BotError, type BotErrorCode, type ChannelRef, type ChatPort, type Logger } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import { observed, statusOf } from './observe-call.js';
import { apiMessage, apiMessageBody } from './message-body.js';

/** What the Discord ChatPort needs: the REST client, where to log, and where to count calls. */
export interface DiscordChatDeps {
  rest: REST;
  logger: Logger;
  observer: PlatformCallObserver;
}

/** Creates the ChatPort over the client's REST instance. */
export function createDiscordChat(deps: DiscordChatDeps): ChatPort {
  const send = async (code: BotErrorCode, what: string, channel: ChannelRef, method: string, call: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await observed(deps.observer, method, call);
    } catch (error) {
      const status = statusOf(error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new BotError(code, `Discord: ${what} in channel ${channel.channelId} (guild ${channel.workspaceId}) failed${status ? ` with HTTP ${status}` : ''}: ${reason}`, { cause: error });
    }
  };
  return {
    // A message with pictures is one multipart request: the files and the embeds that show them.
    post: async (channel, message) => {
      const { body, files } = apiMessage(message, deps.logger);
      const posted = (await send('chat.post_failed', 'posting a message', channel, 'channels.messages.create', () =>
        deps.rest.post(Routes.channelMessages(channel.channelId), { body, ...(files.length > 0 ? { files } : {}) }),
      )) as APIMessage;
      return { messageId: posted.id };
    },
    update: async (channel, messageId, message) => {
      const body = apiMessageBody(message, deps.logger);
      await send('chat.update_failed', `editing message ${messageId}`, channel, 'channels.messages.edit', () =>
        deps.rest.patch(Routes.channelMessage(channel.channelId, messageId), { body }),
      );
    },
    // Discord's answer to a thread reply here is a reply that quotes the round message.
    reply: async (channel, messageId, message) => {
      const rendered = apiMessage(message, deps.logger);
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...rendered.body,
        // The results still post if the round message was deleted meanwhile.
        message_reference: { message_id: messageId, fail_if_not_exists: false },
      };
      const files = rendered.files;
      const posted = (await send('chat.post_failed', `replying to message ${messageId}`, channel, 'channels.messages.create', () =>
        deps.rest.post(Routes.channelMessages(channel.channelId), { body, ...(files.length > 0 ? { files } : {}) }),
      )) as APIMessage;
      return { messageId: posted.id };
    },
  };
}
