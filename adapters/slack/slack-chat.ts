import { BotError, type BotErrorCode, type ChannelRef, type ChatPort, type Message } from '../../src/index.js';
import { renderMessage } from './render-blocks.js';
import { classifyFailure } from './retry-policy.js';
import type { SlackCalls } from './slack-calls.js';

/** What to tell an operator for Slack answers that need a human. */
const HINTS: Readonly<Record<string, string>> = {
  not_in_channel: 'invite the bot to the channel (/invite @meshbot)',
  channel_not_found: 'the channel is private or gone: invite the bot, or turn its schedule off',
  is_archived: 'the channel is archived: turn its schedule off',
  missing_scope: "reinstall the app with the manifest's scopes",
  invalid_auth: 'check SLACK_BOT_TOKEN',
  token_revoked: 'the app was uninstalled or its token revoked: reinstall it and update SLACK_BOT_TOKEN',
  message_not_found: 'the round message was deleted',
  cant_update_message: 'the round message was not posted by this app',
};

/**
 * The core's ChatPort on Slack: rounds go out with chat.postMessage, reveals edit them
 * with chat.update, results go in the round's thread. A failure rejects with a BotError
 * naming the channel and Slack's reason, so the core logs it and retries at its next tick.
 */
export function createSlackChat(calls: SlackCalls): ChatPort {
  const send = async (code: BotErrorCode, method: string, channel: ChannelRef, args: Record<string, unknown>): Promise<Record<string, unknown>> => {
    try {
      return await calls.call(method, { channel: channel.channelId, ...args });
    } catch (error) {
      const { reason } = classifyFailure(error);
      const hint = HINTS[reason];
      throw new BotError(code, `${method} in channel ${channel.channelId} failed: ${reason}${hint ? ` (${hint})` : ''}`, { cause: error });
    }
  };
  const body = (message: Message): Record<string, unknown> => {
    const rendered = renderMessage(message);
    // Links in bank answers stay links; previews of them would bury the question.
    return { text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false };
  };
  const messageTs = (result: Record<string, unknown>, method: string, channel: ChannelRef): string => {
    if (typeof result['ts'] === 'string') return result['ts'];
    throw new BotError('chat.post_failed', `${method} in channel ${channel.channelId} answered without a message ts`);
  };

  return {
    post: async (channel, message) => {
      const result = await send('chat.post_failed', 'chat.postMessage', channel, body(message));
      return { messageId: messageTs(result, 'chat.postMessage', channel) };
    },
    update: async (channel, messageId, message) => {
      const { unfurl_links: _links, unfurl_media: _media, ...args } = body(message);
      await send('chat.update_failed', 'chat.update', channel, { ts: messageId, ...args });
    },
    reply: async (channel, messageId, message) => {
      const result = await send('chat.post_failed', 'chat.postMessage', channel, { thread_ts: messageId, ...body(message) });
      return { messageId: messageTs(result, 'chat.postMessage', channel) };
    },
  };
}
