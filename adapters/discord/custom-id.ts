/**
 * Button custom ids: the core's action id and opaque value, `quiz.answer|42:1`. The value
 * is whatever the core put there (a round id and a choice index, an entry id), never
 * whether a choice is right; Discord allows 100 characters.
 */

/** Discord's limit on a component's custom_id. */
export const MAX_CUSTOM_ID = 100;

const SEPARATOR = '|';

/** The custom id for a button, or null when it would not fit (the caller drops the button). */
export function encodeCustomId(actionId: string, value: string): string | null {
  // An action id containing the separator could not be decoded back.
  if (actionId === '' || actionId.includes(SEPARATOR)) return null;
  const id = `${actionId}${SEPARATOR}${value}`;
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** The action id and value behind a custom id, or null for ids meshbot did not make. */
export function decodeCustomId(customId: string): { actionId: string; value: string } | null {
  const at = customId.indexOf(SEPARATOR);
  if (at <= 0) return null;
  return { actionId: customId.slice(0, at), value: customId.slice(at + 1) };
}
