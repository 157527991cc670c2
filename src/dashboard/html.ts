const TRUSTED = Symbol('trusted html');

/** A piece of HTML that is already safe: built by {@link html} or marked with {@link trustedHtml}. */
export interface Html {
  /** Brand: only this module makes values that carry it. */
  readonly [TRUSTED]: true;
  /** The markup. */
  readonly text: string;
}

/** What may be interpolated: text and numbers are escaped, Html is kept, lists are joined, nothing renders as empty. */
export type HtmlValue = string | number | Html | readonly HtmlValue[] | null | undefined | false;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Marks markup this code produced itself (the charts' SVG) as safe to insert as is. */
export function trustedHtml(text: string): Html {
  return { [TRUSTED]: true, text };
}

/**
 * A template tag that escapes every interpolated value unless it is already Html, so
 * user text (names, queries, channel names) cannot become markup by forgetting a call.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return trustedHtml(out);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (isHtml(value)) return value.text;
  return value.map(render).join('');
}

function isHtml(value: Html | readonly HtmlValue[]): value is Html {
  return TRUSTED in value;
}
