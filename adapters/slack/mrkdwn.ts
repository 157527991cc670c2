/**
 * Text helpers for Slack's mrkdwn: escaping and cutting to Slack's length limits.
 */

/**
 * Escapes the three characters Slack reads as markup. Everything the core sends is
 * plain text, so after this a user's `<!channel>` or `<@U123>` is shown, never acted on.
 */
export function escapeMrkdwn(text: string): string {
  // Most text has none of the three: skip the replacements (this runs on every block of every reply).
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it had to cut. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${backOffEntity(text, max - 1).trimEnd()}…`;
}

/**
 * Splits (already escaped) text into pieces of at most `max` characters, preferring
 * paragraph breaks, then line breaks, then spaces, so a long answer reads naturally
 * across several sections. Never cuts an `&amp;`-style entity in half.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBreak(window, '\n\n', max);
    if (cut <= 0) cut = lastBreak(window, '\n', max);
    if (cut <= 0) cut = lastBreak(window, ' ', max);
    if (cut <= max / 4) cut = backOffEntity(rest, max).length;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function lastBreak(window: string, separator: string, max: number): number {
  const at = window.lastIndexOf(separator, max - separator.length + 1);
  // A break in the first quarter would leave a tiny piece: look for a better one instead.
  return at > max / 4 ? at : -1;
}

/** The first `max` characters, shortened further if that would end inside an entity. */
function backOffEntity(text: string, max: number): string {
  const head = text.slice(0, max);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && amp >= max - 5 && !head.slice(amp).includes(';') && /^&(amp|lt|gt);/.test(text.slice(amp))) {
    return head.slice(0, amp);
  }
  return head;
}
