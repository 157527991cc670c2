import { BotError, type ChannelRef, type ChatPort, type Message } from '../src/index.js';
import type { PlatformAdapter } from './platform-adapter.js';

/** One ChatPort for the core that sends each call to the adapter of the channel's platform. */
export function routeChat(adapters: readonly PlatformAdapter[]): ChatPort {
  const port = (channel: ChannelRef): ChatPort => {
    const adapter = adapters.find((a) => a.platform === channel.platform);
    if (!adapter) throw new BotError('chat.post_failed', `no ${channel.platform} adapter is running for channel ${channel.channelId}`);
    return adapter.chat;
  };
  return {
    post: (channel: ChannelRef, message: Message) => port(channel).post(channel, message),
    update: (channel: ChannelRef, messageId: string, message: Message) => port(channel).update(channel, messageId, message),
    reply: (channel: ChannelRef, messageId: string, message: Message) => port(channel).reply(channel, messageId, message),
  };
}
