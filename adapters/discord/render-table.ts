/**
 * A bank's pipe table as Discord markdown. Narrow tables become an aligned code block;
 * wide ones (most of the seed's) would wrap into noise in a code block on a phone, so each
 * row becomes a line: the first cell in bold, then each other column as `header: cell`.
 */
import { markdownText } from './discord-text.js';

/** Widest aligned table (in characters) still shown as a code block. */
export const CODE_BLOCK_MAX_WIDTH = 56;

/** Renders a table for an embed description. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (row: readonly string[], i: number): string => (row[i] ?? '').replace(/\s+/g, ' ').trim();
  const widths = Array.from({ length: columns }, (_, i) => Math.max(cell(header, i).length, ...rows.map((r) => cell(r, i).length)));
  const total = widths.reduce((sum, w) => sum + w, 0) + 3 * (columns - 1);
  if (total <= CODE_BLOCK_MAX_WIDTH) return codeBlock([header, ...rows].map((r) => Array.from({ length: columns }, (_, i) => cell(r, i))), widths);
  return rows
    .map((row) => {
      const rest = Array.from({ length: columns - 1 }, (_, k) => k + 1)
        .map((i) => (cell(header, i) ? `${cell(header, i)}: ${cell(row, i)}` : cell(row, i)))
        .filter((part) => part.trim() !== '' && !part.endsWith(': '));
      return `**${markdownText(cell(row, 0))}**${rest.length > 0 ? ` — ${markdownText(rest.join(' · '))}` : ''}`;
    })
    .join('\n');
}

function codeBlock(rows: string[][], widths: number[]): string {
  // Inside a code block only backticks matter: a stray ``` would end the block early.
  const safe = (text: string): string => text.replace(/`/g, 'ˋ');
  const line = (row: string[]): string => row.map((c, i) => safe(c).padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  const [head = [], ...body] = rows;
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return ['```', line(head), rule, ...body.map(line), '```'].join('\n');
}
