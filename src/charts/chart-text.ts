import { quoteUserText } from '../messages/safe-text.js';

/**
 * User text made fit for a chart label: control characters and the two XML non-characters
 * would make the SVG invalid (resvg refuses it), and a long name would push the grid
 * aside. ECharts escapes markup itself; this only cleans and clips.
 */
export function labelText(text: string, max: number): string {
  const cleaned = quoteUserText(text.replace(/[\uFFFE\uFFFF]/g, ''), max);
  return cleaned === '' ? '(no name)' : cleaned;
}

/** `12/14` style share, used by charts and text alternatives alike. */
export function share(part: number, total: number): string {
  return `${part}/${total}`;
}
