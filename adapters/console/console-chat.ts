import type { ChannelRef, ChatPort, Message } from '../../src/index.js';
import type { Transcript } from './transcript.js';

/** The console's ChatPort: scheduled posts and edits go to the transcript. */
export function createConsoleChat(transcript: Transcript): ChatPort {
  return {
    post: async (channel: ChannelRef, message: Message) => ({ messageId: (await transcript.add(channel.channelId, null, message)).id }),
    update: async (channel: ChannelRef, messageId: string, message: Message) => {
      await transcript.replace(messageId, channel.channelId, null, message);
    },
    // The console has no threads: a thread reply is a new message in the channel.
    reply: async (channel: ChannelRef, _messageId: string, message: Message) => ({ messageId: (await transcript.add(channel.channelId, null, message)).id }),
  };
}
