import { escapeMrkdwn, splitText } from './mrkdwn.js';

/**
 * Slack has no table block for messages, so a table becomes mrkdwn text. Narrow tables
 * (leaderboards, progress) stay a table in a monospace block; wide ones (the bank's
 * comparison tables) become one short paragraph per row, which stays readable on a
 * phone where a wrapped monospace table does not.
 */

/** Widest monospace table we keep as a grid: wider lines wrap in Slack's narrow panes. */
export const MONOSPACE_MAX_WIDTH = 60;

/** Renders a table as mrkdwn pieces, each at most `maxChars` long (one section each). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], maxChars: number): string[] {
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (row: readonly string[], i: number): string => oneLine(row[i] ?? '');
  const widths = Array.from({ length: columns }, (_, i) => Math.max(cell(header, i).length, ...rows.map((r) => cell(r, i).length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (columns - 1);
  return total <= MONOSPACE_MAX_WIDTH ? monospace(header, rows, widths, maxChars) : rowParagraphs(header, rows, maxChars);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function monospace(header: readonly string[], rows: readonly (readonly string[])[], widths: number[], maxChars: number): string[] {
  // Backticks would end the code block early; a look-alike keeps the text intact.
  const line = (row: readonly string[]): string =>
    widths
      .map((w, i) => oneLine(row[i] ?? '').replace(/`/g, 'ˋ').padEnd(w))
      .join('  ')
      .trimEnd();
  const head = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')].map(escapeMrkdwn);
  const body = rows.map((r) => escapeMrkdwn(line(r)));
  // Each piece repeats the header so a table split across sections still reads as one.
  const fence = (lines: string[]): string => `\`\`\`\n${lines.join('\n')}\n\`\`\``;
  const pieces: string[] = [];
  let current: string[] = [];
  for (const row of body) {
    if (current.length > 0 && fence([...head, ...current, row]).length > maxChars) {
      pieces.push(fence([...head, ...current]));
      current = [];
    }
    current.push(row);
  }
  pieces.push(fence([...head, ...current]));
  return pieces;
}

/** One paragraph per row: the first cell in bold, then `column: value` lines. */
function rowParagraphs(header: readonly string[], rows: readonly (readonly string[])[], maxChars: number): string[] {
  const paragraphs = rows.map((row) => {
    const [first = '', ...rest] = row.map(oneLine);
    const lines = rest.map((value, i) => `${escapeMrkdwn(oneLine(header[i + 1] ?? ''))}: ${escapeMrkdwn(value)}`);
    const title = first === '' ? [] : [`*${escapeMrkdwn(first)}*`];
    return [...title, ...lines].join('\n');
  });
  const pieces: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    const joined = current === '' ? paragraph : `${current}\n\n${paragraph}`;
    if (joined.length <= maxChars) {
      current = joined;
      continue;
    }
    if (current !== '') pieces.push(current);
    // A single row longer than a section is split like any long text.
    const parts = splitText(paragraph, maxChars);
    current = parts.pop() ?? '';
    pieces.push(...parts);
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
