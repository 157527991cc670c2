import type { OutgoingMessage } from './model.js';

/**
 * Expected failures, by code. Use cases return these codes; this table is the default
 * wording, and an adapter may word a code its own way (`OutgoingMessage.failure`).
 */
export const FAILURE_TEXT = {
  'command.unknown': 'I do not know that command.',
  'command.usage': 'That command needs different arguments.',
  'command.admin_only': 'Only channel admins can do that.',
  'command.empty_query': 'Tell me what to look up, for example: ask circuit breaking.',
  'entry.not_found': 'That entry no longer exists in the bank.',
  'action.unknown': 'That button is no longer active.',
  'rate.limited': 'You are going a bit fast: try again in a minute.',
} as const;

export type FailureCode = keyof typeof FAILURE_TEXT | (string & {});

/** An ephemeral reply for an expected failure, with an optional detail line. */
export function failureReply(code: FailureCode, detail?: string): OutgoingMessage {
  const base = (FAILURE_TEXT as Record<string, string>)[code] ?? 'That did not work.';
  const text = detail ? `${base} ${detail}` : base;
  return { visibility: 'ephemeral', failure: code, text, blocks: [{ type: 'text', text }] };
}
