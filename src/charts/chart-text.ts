import { quoteUserText } from '../messages/safe-text.js';

/**
 * User text made fit for a chart label: control characters and the two XML non-characters
 * would make the SVG invalid (resvg refuses it), emoji have no glyph in DejaVu and would
 * draw as empty boxes, and a long name would push the grid aside. ECharts escapes markup
 * itself; this only cleans and clips.
 */
export function labelText(text: string, max: number): string {
  const drawable = text.replace(/[\uFFFE\uFFFF]/g, '').replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/gu, '');
  const cleaned = quoteUserText(drawable, max);
  return cleaned === '' ? '(no name)' : cleaned;
}

/** `12/14` style share, used by charts and text alternatives alike. */
export function share(part: number, total: number): string {
  return `${part}/${total}`;
}
