/**
 * The neutral message model as a Discord message: one embed (the question as its title,
 * the answer as its description), buttons in action rows. Every Discord limit is kept
 * here, so the core never needs to know them: title 256, description 4,096, footer
 * 2,048, author 256, 6,000 characters across a message's embeds.
 */
import type { APIEmbed } from 'discord.js';
import type { Block, Button, Message } from '../../src/index.js';
import { clip, markdownText, plainText } from './discord-text.js';
import { imageEmbeds, imagesOf } from './attachments.js';
import { renderButtons, type ButtonRow } from './render-buttons.js';
import { renderTable } from './render-table.js';

export const LIMITS = Object.freeze({ title: 256, author: 256, description: 4096, footer: 2048, embedsTotal: 6000 });

const COLOR = Object.freeze({ normal: 0x5865f2, failure: 0xed4245 });
const SHORTENED = '\n\n*…shortened to fit in Discord.*';
const DIVIDER = '─'.repeat(12);

/** A message as Discord takes it (embeds and components), before delivery options. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** The rendered message, with a note for each button that could not be shown. */
export interface RenderedMessage extends DiscordMessage {
  dropped: string[];
}

interface Parts {
  author?: string;
  title?: string;
  paragraphs: string[];
  footer: string[];
  buttons: Button[];
}

/** Renders a core message; `failure` colours the embed as an expected failure. */
export function renderMessage(message: Message, options: { failure?: boolean } = {}): RenderedMessage {
  const parts = collect(message.blocks);
  const { rows, dropped } = renderButtons(parts.buttons);
  const author = parts.author ? clip(plainText(parts.author), LIMITS.author) : undefined;
  const title = parts.title ? clip(markdownText(parts.title), LIMITS.title) : undefined;
  const footer = parts.footer.length > 0 ? clip(plainText(parts.footer.join('\n')), LIMITS.footer) : undefined;
  const fixed = (author?.length ?? 0) + (title?.length ?? 0) + (footer?.length ?? 0);
  let description = parts.paragraphs.join('\n\n');
  if (description === '' && !title && !author) description = markdownText(message.text) || '\u200b';
  const budget = LIMITS.embedsTotal - fixed;
  if (description.length > budget) description = `${cutAtBoundary(description, budget - SHORTENED.length)}${SHORTENED}`;
  const chunks = description === '' ? [] : splitText(description, LIMITS.description);
  const color = options.failure ? COLOR.failure : COLOR.normal;
  const first: APIEmbed = { color };
  if (author) first.author = { name: author };
  if (title) first.title = title;
  if (chunks[0]) first.description = chunks[0];
  // A description over 4,096 characters continues in a second embed of the same message.
  const embeds: APIEmbed[] = [first, ...chunks.slice(1).map((chunk) => ({ color, description: chunk }))];
  const last = embeds[embeds.length - 1]!;
  if (footer) last.footer = { text: footer };
  // Pictures follow the text, each in its own embed (see attachments.ts for the files themselves).
  embeds.push(...imageEmbeds(imagesOf(message, embeds.length), color));
  return { embeds, components: rows, dropped };
}

function collect(blocks: readonly Block[]): Parts {
  const parts: Parts = { paragraphs: [], footer: [], buttons: [] };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    switch (block.type) {
      case 'header': {
        if (parts.title !== undefined || parts.author !== undefined) {
          parts.paragraphs.push(`**${markdownText(block.text)}**`);
          break;
        }
        // A header followed by a one-line question: the question is the title, the header the line above it.
        const next = blocks[i + 1];
        if (next?.type === 'text' && !next.text.includes('\n') && next.text.length <= LIMITS.title) {
          parts.author = block.text;
          parts.title = next.text;
          i++;
        } else {
          parts.title = block.text;
        }
        break;
      }
      case 'text':
        parts.paragraphs.push(markdownText(block.text));
        break;
      case 'table':
        parts.paragraphs.push(renderTable(block.header, block.rows));
        break;
      case 'fields':
        // Lines in the description keep the block's place in the message (embed fields would all sink to the end).
        parts.paragraphs.push(block.fields.map((f) => `**${markdownText(f.label)}**: ${markdownText(f.value)}`).join('\n'));
        break;
      case 'context':
        parts.footer.push(block.text);
        break;
      case 'divider':
        parts.paragraphs.push(DIVIDER);
        break;
      case 'buttons':
        parts.buttons.push(...block.buttons);
        break;
    }
  }
  return parts;
}

/** Splits text into pieces of at most `max` characters, at paragraph, line or word ends where possible. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutAtBoundary(rest, max);
    pieces.push(cut);
    rest = rest.slice(cut.length).replace(/^\s+/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** The longest start of `text` within `max` characters that ends at a paragraph, line or word end. */
function cutAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > max / 2) return window.slice(0, at);
  }
  return window;
}
