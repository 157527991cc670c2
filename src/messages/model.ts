import type { FailureCode } from './failure-codes.js';

/**
 * The platform-neutral message model. The core builds these; each adapter renders them
 * (Block Kit, embeds, terminal text). Text is plain: adapters escape it for their markup,
 * so user text echoed back can never become a mention or a link.
 */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'context'; text: string }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' };

export interface Button {
  label: string;
  /** What the click does, e.g. `quiz.answer`; never carries whether a choice is right. */
  actionId: string;
  /** Opaque data for the action, e.g. `<round id>:<choice index>`. */
  value: string;
  style?: 'primary' | 'danger';
}

export interface Message {
  /** A one-line plain-text summary: notifications, screen readers, platforms without blocks. */
  text: string;
  blocks: Block[];
}

/** A reply to one person (`ephemeral`) or to everyone in the channel. */
export interface OutgoingMessage extends Message {
  visibility: 'ephemeral' | 'channel';
  /** Set when the reply reports an expected failure, so adapters may word it their way. */
  failure?: FailureCode;
}

/** What a button click produces: new messages, and optionally a replacement for the clicked one. */
export interface ActionReply {
  messages: OutgoingMessage[];
  replace?: Message;
}

export function ephemeral(message: Message): OutgoingMessage {
  return { ...message, visibility: 'ephemeral' };
}

export function toChannel(message: Message): OutgoingMessage {
  return { ...message, visibility: 'channel' };
}

/** All buttons of a message, in order (adapters and the console number them this way). */
export function buttonsOf(message: Message): Button[] {
  return message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}
