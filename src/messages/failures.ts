import { FAILURE_TEXT, type FailureCode } from './failure-codes.js';
import type { OutgoingMessage } from './model.js';

export { FAILURE_TEXT, type FailureCode };

/** An ephemeral reply for an expected failure, with an optional detail line. */
export function failureReply(code: FailureCode, detail?: string): OutgoingMessage {
  const base = FAILURE_TEXT[code];
  const text = detail ? `${base} ${detail}` : base;
  return { visibility: 'ephemeral', failure: code, text, blocks: [{ type: 'text', text }] };
}
