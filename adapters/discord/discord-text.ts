/**
 * Plain text from the core made safe for Discord: markdown escaped where Discord renders
 * it, and mention syntax broken up everywhere, so text a user typed (a query, a display
 * name) can never ping anyone or turn into a link. Messages also carry
 * `allowed_mentions: {parse: []}`; this is the second lock.
 */
import { escapeMarkdown } from 'discord.js';
import { LRUCache } from 'lru-cache';

const ZERO_WIDTH_SPACE = '\u200b';

/** Breaks `@everyone`, `@here`, `<@id>`, `<@&role>`, `<#channel>` and `</cmd:id>` so they render as text. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<([@#/:])/g, `<${ZERO_WIDTH_SPACE}$1`);
}

// Everything Discord would render, including the line starts and links escapeMarkdown leaves alone by default.
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

// escapeMarkdown's look-behind patterns cost ~0.2 ms on a long answer, on every reply;
// the texts are mostly the bank's own (a few hundred of them), so each is escaped once.
const escaped = new LRUCache<string, string>({ max: 2_000 });

/** Text for places Discord renders markdown (descriptions, field values, titles). */
export function markdownText(text: string): string {
  let out = escaped.get(text);
  if (out === undefined) {
    out = neutraliseMentions(escapeMarkdown(text, ESCAPE_ALL));
    escaped.set(text, out);
  }
  return out;
}

/** Text for places Discord shows as is (author line, footer, button labels, choice names). */
export function plainText(text: string): string {
  return neutraliseMentions(text);
}

/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
