/**
 * The responders of gateway mode: the core's replies through discord.js's interaction
 * methods (each one HTTP call to Discord, timed and counted by the observer).
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions } from 'discord.js';
import type { Logger, Message, OutgoingMessage } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import { gatewayFiles, imagesOf } from './attachments.js';
import { observed } from './observe-call.js';
import { renderMessage, type DiscordMessage } from './render-embeds.js';
import type { ClickResponder, CommandResponder } from './respond.js';

/** Where the responders log dropped buttons and count calls. */
export interface GatewayResponderDeps {
  /** Where buttons left out of a reply are logged. */
  logger: Logger;
  /** Where each interaction call is timed and counted. */
  observer: PlatformCallObserver;
}

/** A core message as the content of an interaction message (reply, update, edit); it never pings anyone. */
export function messageOptions(message: Message & { failure?: string }, logger: Logger): DiscordMessage & { allowedMentions: { parse: [] }; files?: ReturnType<typeof gatewayFiles> } {
  const { embeds, components, dropped } = renderMessage(message, { failure: message.failure !== undefined });
  if (dropped.length > 0) logger.warn({ dropped }, 'buttons left out of a Discord reply');
  // Pictures go as attachments that their embeds show (attachments.ts).
  const images = imagesOf(message, embeds.filter((e) => !e.image).length);
  return { embeds, components, allowedMentions: { parse: [] }, ...(images.length > 0 ? { files: gatewayFiles(images) } : {}) };
}

/** A core message as a new interaction message: private (flag 64) or for the channel. */
export function replyOptions(message: OutgoingMessage, logger: Logger): InteractionReplyOptions {
  const options: InteractionReplyOptions = messageOptions(message, logger);
  if (message.visibility === 'ephemeral') options.flags = MessageFlags.Ephemeral;
  return options;
}

/** Replies to a slash command through discord.js. */
export function gatewayCommandResponder(interaction: ChatInputCommandInteraction, deps: GatewayResponderDeps): CommandResponder {
  const { logger, observer } = deps;
  return {
    reply: async (message) => void (await observed(observer, 'interactions.reply', () => interaction.reply(replyOptions(message, logger)))),
    defer: async () => void (await observed(observer, 'interactions.defer', () => interaction.deferReply({ flags: MessageFlags.Ephemeral }))),
    editReply: async (message) => void (await observed(observer, 'interactions.edit_reply', () => interaction.editReply(messageOptions(message, logger)))),
    deleteReply: () => observed(observer, 'interactions.delete_reply', () => interaction.deleteReply()),
    followUp: async (message) => void (await observed(observer, 'interactions.follow_up', () => interaction.followUp(replyOptions(message, logger)))),
  };
}

/** Answers a button click through discord.js. */
export function gatewayClickResponder(interaction: ButtonInteraction, deps: GatewayResponderDeps): ClickResponder {
  const { logger, observer } = deps;
  return {
    reply: async (message) => void (await observed(observer, 'interactions.reply', () => interaction.reply(replyOptions(message, logger)))),
    update: async (message) => void (await observed(observer, 'interactions.update', () => interaction.update(messageOptions(message, logger)))),
    deferUpdate: async () => void (await observed(observer, 'interactions.defer_update', () => interaction.deferUpdate())),
    editReply: async (message) => void (await observed(observer, 'interactions.edit_reply', () => interaction.editReply(messageOptions(message, logger)))),
    followUp: async (message) => void (await observed(observer, 'interactions.follow_up', () => interaction.followUp(replyOptions(message, logger)))),
  };
}
