const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes user text safe to echo back in any chat: control characters become spaces,
 * runs of whitespace collapse, long text is clipped, and anything a platform would
 * treat as a mass or personal mention (`@everyone`, `@here`, `<!channel>`, `<@U123>`)
 * is broken with a zero-width space, so quoting a query can never ping anyone.
 * Adapters still escape for their own markup; this is the second line of defence.
 */
export function quoteUserText(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const clipped = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return clipped.replace(/@/g, `@${ZERO_WIDTH_SPACE}`).replace(/<([!@#])/g, `<${ZERO_WIDTH_SPACE}$1`);
}
