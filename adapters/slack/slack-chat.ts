import { BotError, type BotErrorCode, type ChannelRef, type ChatPort, type Message } from '../../src/index.js';
import { messageMrkdwn, renderMessage } from './render-blocks.js';
import { classifyFailure } from './retry-policy.js';
import type { SlackCalls } from './slack-calls.js';
import { uploadImages, type UploadDeps, type UploadTarget } from './slack-upload.js';

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
  // files.getUploadURLExternal / files.completeUploadExternal without the scope the manifests now ask for.
  not_allowed_token_type: "reinstall the app with the manifest's scopes (files:write)",
};

/** Turns a failed call into a BotError naming the channel, Slack's reason, and what to do about it. */
export function slackFailure(code: BotErrorCode, method: string, channelId: string, error: unknown): BotError {
  const { reason } = classifyFailure(error);
  const hint = HINTS[reason];
  return new BotError(code, `${method} in channel ${channelId} failed: ${reason}${hint ? ` (${hint})` : ''}`, { cause: error });
}

/**
 * Shares a message with pictures: the pictures uploaded, then one completing call with
 * the message as its text (see slack-upload.ts). Resolves with the message's ts when
 * Slack says it, else the first file's id (sharing finishes asynchronously).
 */
export async function postWithImages(deps: UploadDeps, target: UploadTarget, message: Message): Promise<string> {
  const where = 'userId' in target ? target.userId : target.channelId;
  try {
    const done = await uploadImages(deps, message.images ?? [], target, messageMrkdwn(message));
    return done.ts ?? done.fileIds[0] ?? '';
  } catch (error) {
    throw slackFailure('chat.post_failed', 'files.completeUploadExternal', where, error);
  }
}

/**
 * The core's ChatPort on Slack: rounds go out with chat.postMessage, reveals edit them
 * with chat.update, results go in the round's thread; messages with pictures (the weekly
 * digest) are uploads. A failure rejects with a BotError naming the channel and Slack's
 * reason, so the core logs it and retries at its next tick.
 */
export function createSlackChat(calls: SlackCalls, upload: Omit<UploadDeps, 'calls'>): ChatPort {
  const uploads: UploadDeps = { calls, ...upload };
  const send = async (code: BotErrorCode, method: string, channel: ChannelRef, args: Record<string, unknown>): Promise<Record<string, unknown>> => {
    try {
      return await calls.call(method, { channel: channel.channelId, ...args });
    } catch (error) {
      throw slackFailure(code, method, channel.channelId, error);
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
      if (message.images?.length) return { messageId: await postWithImages(uploads, { channelId: channel.channelId }, message) };
      const result = await send('chat.post_failed', 'chat.postMessage', channel, body(message));
      return { messageId: messageTs(result, 'chat.postMessage', channel) };
    },
    update: async (channel, messageId, message) => {
      const { unfurl_links: _links, unfurl_media: _media, ...args } = body(message);
      await send('chat.update_failed', 'chat.update', channel, { ts: messageId, ...args });
    },
    reply: async (channel, messageId, message) => {
      if (message.images?.length) return { messageId: await postWithImages(uploads, { channelId: channel.channelId, threadTs: messageId }, message) };
      const result = await send('chat.post_failed', 'chat.postMessage', channel, { thread_ts: messageId, ...body(message) });
      return { messageId: messageTs(result, 'chat.postMessage', channel) };
    },
  };
}
