import type { AnswerBlock, Entry } from '../bank/types.js';
import type { Block, Button } from './model.js';

/** Longest answer shown inline before the reply offers "Show full answer". */
export const PREVIEW_CHARS = 600;

/** "Q7 · Retries, timeouts ..."; with `nameBank` (several banks loaded), "mesh Q7 · ...". */
export function entryLabel(entry: Entry, nameBank = false): string {
  return `${nameBank ? `${entry.bankSlug} ` : ''}Q${entry.number} · ${entry.title}`;
}

/** A button label within every platform's limit (Slack: 75 characters). */
export function buttonLabel(text: string, max = 75): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function answerBlocks(answer: AnswerBlock[]): Block[] {
  return answer.map((b) => (b.kind === 'text' ? { type: 'text', text: b.text } : { type: 'table', header: b.header, rows: b.rows }));
}

/**
 * The blocks that show an entry: its label, the question, and the answer, either whole
 * or as a preview of the first paragraph (cut at a sentence where possible). With
 * `nameBank` (several banks loaded) the label names the entry's bank.
 */
export function entryBlocks(entry: Entry, mode: 'preview' | 'full', nameBank = false): { blocks: Block[]; truncated: boolean } {
  const head: Block[] = [
    { type: 'header', text: entryLabel(entry, nameBank) },
    { type: 'text', text: entry.question },
  ];
  if (mode === 'full') return { blocks: [...head, ...answerBlocks(entry.answer)], truncated: false };
  const first = entry.answer[0];
  const firstText = first?.kind === 'text' ? first.text : '';
  const preview = shorten(firstText, PREVIEW_CHARS);
  const truncated = preview !== firstText || entry.answer.length > 1;
  const blocks: Block[] = [...head, { type: 'text', text: preview }];
  if (truncated) {
    const tables = entry.answer.filter((b) => b.kind === 'table').length;
    const more = tables > 0 ? ` The full answer has ${tables === 1 ? 'a table' : `${tables} tables`}.` : '';
    blocks.push({ type: 'context', text: `Shortened.${more}` });
  }
  return { blocks, truncated };
}

/** Cuts text at the last sentence end (or word) before `max` characters. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).trimEnd()}…`;
}

/**
 * A button that opens an entry, its label naming the bank when several are loaded. Offered
 * in a lookup's reply, it carries the lookup's reference too (`mesh-q7:<ref>`): opening it
 * shows which entry the person meant, which the lookup learns from (docs/design.md, "Lookup").
 */
export function openEntryButton(entry: Entry, options: { nameBank?: boolean; lookupRef?: string } = {}): Button {
  const label = buttonLabel(`${options.nameBank ? `${entry.bankSlug} ` : ''}Q${entry.number}: ${entry.title}`);
  return { label, actionId: 'ask.open', value: options.lookupRef === undefined ? entry.id : `${entry.id}:${options.lookupRef}` };
}

/** The entry id and lookup reference an `ask.open` button carries (the reference is absent on older buttons). */
export function parseOpenValue(value: string): { entryId: string; lookupRef: string | null } | null {
  const match = /^([a-z0-9][a-z0-9-]*-q\d+)(?::([0-9a-z]{1,12}))?$/.exec(value);
  return match ? { entryId: match[1]!, lookupRef: match[2] ?? null } : null;
}
