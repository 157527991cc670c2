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

/**
 * A picture that travels with a message: a chart as PNG bytes. Adapters send it in the
 * same message (Slack: a file upload; Discord: an attachment shown in an embed; the
 * console: a file whose path it prints). See docs/design.md, "Pictures".
 */
export interface MessageImage {
  /** The PNG file's bytes. */
  png: Buffer;
  /** File name, e.g. `leaderboard.png` (letters, digits, `-`, `_` and `.png`: it goes in URLs such as `attachment://`). */
  name: string;
  /** One sentence describing the picture, for alt text and upload titles. */
  alt: string;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

export interface Message {
  /** A one-line plain-text summary: notifications, screen readers, platforms without blocks. */
  text: string;
  blocks: Block[];
  /** Pictures shown with the message (charts), in order; the blocks carry the same data as text. */
  images?: readonly MessageImage[];
}

/** A reply to one person (`ephemeral`) or to everyone in the channel. */
export interface OutgoingMessage extends Message {
  visibility: 'ephemeral' | 'channel';
  /** Set when the reply reports an expected failure, so adapters may word it their way. */
  failure?: FailureCode;
  /**
   * A message that follows this one, made only after this one has been sent (a chart
   * takes ~150 ms to draw: the text must not wait for it). Adapters send this reply,
   * then call `followUp` and send what it resolves to the same way (same visibility,
   * same person), or nothing for null. A failure is logged, never shown. Not kept with
   * a repeated delivery's saved replies (it is not data). See docs/design.md, "Replies first".
   */
  followUp?: () => Promise<OutgoingMessage | null>;
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
