/**
 * A core message as the JSON body Discord's API takes for a message, in snake_case as it
 * goes on the wire: channel posts and edits, interaction responses and webhook edits all
 * share it. (Gateway interaction replies go through discord.js's camelCase options
 * instead; see gateway-responder.ts.)
 */
import type { APIEmbed } from 'discord.js';
import type { Logger, Message } from '../../src/index.js';
import type { ButtonRow } from './render-buttons.js';
import { renderMessage } from './render-embeds.js';

/** The rendered message with mentions switched off. */
export interface ApiMessageBody {
  /** The message's text, as one embed (two when the description is long). */
  embeds: APIEmbed[];
  /** Its buttons, in action rows. */
  components: ButtonRow[];
  /** Nothing meshbot sends may ping anyone, whatever the text says. */
  allowed_mentions: { parse: [] };
}

/** Renders a core message (coloured as a failure when it reports one); dropped buttons are logged. */
export function apiMessageBody(message: Message & { failure?: string }, logger: Logger): ApiMessageBody {
  const { embeds, components, dropped } = renderMessage(message, { failure: message.failure !== undefined });
  if (dropped.length > 0) logger.warn({ dropped }, 'buttons left out of a Discord message');
  return { embeds, components, allowed_mentions: { parse: [] } };
}
