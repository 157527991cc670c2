/**
 * The responder of HTTP interactions mode: the first response is the body of the HTTP
 * response to Discord's request (reply type 4, deferral 5, deferred update 6, update 7);
 * everything after it goes through the interaction's webhook.
 */
import { InteractionResponseType, MessageFlags, type APIInteractionResponse, type APIInteractionResponseCallbackData } from 'discord.js';
import type { Logger, OutgoingMessage } from '../../src/index.js';
import { apiMessage, apiMessageBody } from '../discord/message-body.js';
import type { ClickResponder, CommandResponder } from '../discord/respond.js';
import type { InteractionWebhook } from './interaction-webhook.js';

/** Sends the HTTP response to Discord's request, which is the interaction's first response; at most once. */
export type Acknowledge = (response: APIInteractionResponse) => Promise<void>;

/** A core message as a new interaction message: private (flags 64) or for the channel. */
export function interactionMessage(message: OutgoingMessage, logger: Logger): APIInteractionResponseCallbackData {
  return { ...apiMessageBody(message, logger), ...(message.visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Replies for one interaction: first through `ack`, then through `webhook`. */
export function httpResponder(ack: Acknowledge, webhook: InteractionWebhook, logger: Logger): CommandResponder & ClickResponder {
  return {
    reply: (message) => ack({ type: InteractionResponseType.ChannelMessageWithSource, data: interactionMessage(message, logger) }),
    // Deferred replies are private; answerCommand re-sends a channel answer as a follow-up.
    defer: () => ack({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } }),
    update: (message) => ack({ type: InteractionResponseType.UpdateMessage, data: apiMessageBody(message, logger) }),
    deferUpdate: () => ack({ type: InteractionResponseType.DeferredMessageUpdate }),
    editReply: (message) => webhook.editOriginal(apiMessageBody(message, logger)),
    deleteReply: () => webhook.deleteOriginal(),
    followUp: (message) => webhook.followUp(interactionMessage(message, logger), apiMessage(message, logger).files),
  };
}
