import type { Block, Message } from '../../src/index.js';

const WIDTH = 96;

/** Renders a neutral message as terminal text; buttons are listed separately by the caller. */
export function renderText(message: Message): string {
  const parts = message.blocks.map(renderBlock).filter((p) => p !== '');
  return parts.length > 0 ? parts.join('\n') : message.text;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'header':
      return `== ${block.text} ==`;
    case 'text':
      return block.text;
    case 'context':
      return `(${block.text})`;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'table':
      return renderTable(block.header, block.rows);
    case 'divider':
      return '-'.repeat(24);
    case 'buttons':
      return '';
  }
}

/** A plain aligned table; very wide tables fall back to one "header: value" list per row. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
  if (total > WIDTH) {
    return rows.map((r) => r.map((cell, i) => `${header[i] ?? ''}: ${cell}`).join('\n  ')).map((r) => `- ${r}`).join('\n');
  }
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}
