/**
 * A core message as the JSON body Discord's API takes for a message, in snake_case as it
 * goes on the wire: channel posts and edits, interaction responses and webhook edits all
 * share it. (Gateway interaction replies go through discord.js's camelCase options
 * instead; see gateway-responder.ts.)
 */
import type { APIEmbed } from 'discord.js';
import type { Logger, Message } from '../../src/index.js';
import { attachmentsField, imagesOf, restFiles } from './attachments.js';
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
  /** The pictures' metadata (alt text), when the message has pictures; the bytes go as files. */
  attachments?: { id: number; filename: string; description: string }[];
}

/** A message body and the files to send with it (none for a message without pictures). */
export interface ApiMessage {
  body: ApiMessageBody;
  files: { name: string; data: Buffer; contentType: string }[];
}

/** Renders a core message (coloured as a failure when it reports one); dropped buttons are logged. */
export function apiMessageBody(message: Message & { failure?: string }, logger: Logger): ApiMessageBody {
  const { embeds, components, dropped } = renderMessage(message, { failure: message.failure !== undefined });
  if (dropped.length > 0) logger.warn({ dropped }, 'buttons left out of a Discord message');
  const images = imagesOf(message, embeds.filter((e) => !e.image).length);
  return { embeds, components, allowed_mentions: { parse: [] }, ...(images.length > 0 ? { attachments: attachmentsField(images) } : {}) };
}

/** The body and, for a message with pictures, their files: what a REST post or webhook takes. */
export function apiMessage(message: Message & { failure?: string }, logger: Logger): ApiMessage {
  const body = apiMessageBody(message, logger);
  const images = imagesOf(message, body.embeds.filter((e) => !e.image).length);
  return { body, files: restFiles(images) };
}
