/**
 * A message's pictures as Discord attachments: each PNG is uploaded with the message
 * (multipart) and shown in an embed of its own through `attachment://<name>`, with its
 * description as the attachment's alt text (docs/design.md, "Pictures").
 */
import type { APIEmbed } from 'discord.js';
import type { Message, MessageImage } from '../../src/index.js';

/** Discord shows at most 10 embeds in a message; the text takes one or two of them. */
export const MAX_EMBEDS = 10;
/** Discord's limit on an attachment's description (its alt text). */
const DESCRIPTION_MAX = 1024;

/** The pictures that fit beside `textEmbeds` embeds of text. */
export function imagesOf(message: Message, textEmbeds: number): readonly MessageImage[] {
  return (message.images ?? []).slice(0, Math.max(0, MAX_EMBEDS - textEmbeds));
}

/** A file name Discord keeps as given (it rewrites others, and `attachment://` must match it exactly). */
export function attachmentName(image: MessageImage, index: number): string {
  const base = image.name.replace(/\.png$/i, '').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'chart';
  return `${index + 1}-${base}.png`;
}

/** One embed per picture, showing its attachment. */
export function imageEmbeds(images: readonly MessageImage[], color: number): APIEmbed[] {
  return images.map((image, i) => ({ color, image: { url: `attachment://${attachmentName(image, i)}`, width: image.width, height: image.height } }));
}

/** The `attachments` field of a message body: ids match the order of the uploaded files. */
export function attachmentsField(images: readonly MessageImage[]): { id: number; filename: string; description: string }[] {
  return images.map((image, i) => ({ id: i, filename: attachmentName(image, i), description: image.alt.slice(0, DESCRIPTION_MAX) }));
}

/** The files for @discordjs/rest's `files` option (sent as files[0], files[1], ...). */
export function restFiles(images: readonly MessageImage[]): { name: string; data: Buffer; contentType: string }[] {
  return images.map((image, i) => ({ name: attachmentName(image, i), data: image.png, contentType: 'image/png' }));
}

/** The files for discord.js's interaction methods (`followUp({ files })`). */
export function gatewayFiles(images: readonly MessageImage[]): { attachment: Buffer; name: string; description: string }[] {
  return images.map((image, i) => ({ attachment: image.png, name: attachmentName(image, i), description: image.alt.slice(0, DESCRIPTION_MAX) }));
}
