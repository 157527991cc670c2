/**
 * Delivers the core's replies to an interaction within Discord's 3-second window, the
 * same way in both modes: the responder says how a reply, a deferral or an edit reaches
 * Discord (gateway: discord.js's interaction methods; HTTP interactions: the HTTP
 * response, then the interaction's webhook).
 *
 * The fast path answers in the first response (reply, or update for a replaced message):
 * one round trip, the best experience. Work known to be slow (`post` talks to the channel)
 * is deferred at once; any other work that is still running after `deferAfterMs` is
 * deferred then, so a stalled database or platform call never costs the interaction.
 */
import type { ActionReply, Message, OutgoingMessage } from '../../src/index.js';

/** What every interaction can do once it has been answered or deferred. */
export interface InteractionResponder {
  /** The first response: a new message, private (flags 64) or for the channel. */
  reply(message: OutgoingMessage): Promise<void>;
  /** After a deferral: replaces the deferred reply (or, after deferUpdate, the clicked message). */
  editReply(message: Message & { failure?: string }): Promise<void>;
  /** After the first response: one more message. */
  followUp(message: OutgoingMessage): Promise<void>;
}

/** A slash command's responder. */
export interface CommandResponder extends InteractionResponder {
  /** The first response: "thinking…", privately; the answer is edited in later. */
  defer(): Promise<void>;
  /** After a deferral: removes the deferred reply (to re-send it with another visibility). */
  deleteReply(): Promise<void>;
}

/** A button click's responder. */
export interface ClickResponder extends InteractionResponder {
  /** The first response: replaces the clicked message. */
  update(message: Message): Promise<void>;
  /** The first response: acknowledges without changing anything. */
  deferUpdate(): Promise<void>;
}

/** When the core's work is acknowledged before its answer is ready. */
export interface ResponseTiming {
  /** How long the core may work before the interaction is acknowledged with a deferral. */
  deferAfterMs: number;
  /**
   * Whether a slow click may be acknowledged before the core has answered. False means
   * store-then-acknowledge: a click is acknowledged only once the core has recorded it,
   * so an acknowledged answer is never lost (a click slower than 3 s then fails visibly
   * and the person clicks again, to be told their first answer stands).
   */
  deferClicks: boolean;
}

/** Said when a command produced no message of its own. */
const DONE: OutgoingMessage = { visibility: 'ephemeral', text: 'Done.', blocks: [] };

/**
 * Waits for the core's work; if it runs past `afterMs`, calls `defer` meanwhile. Resolves
 * with the result and the deferral (null on the fast path) for the caller to await.
 */
async function withDeadline<T>(work: Promise<T>, afterMs: number, defer: () => Promise<unknown>): Promise<{ value: T; deferred: Promise<unknown> | null }> {
  let deferred: Promise<unknown> | null = null;
  const timer = setTimeout(() => {
    deferred = defer();
    // Handled where it is awaited; this keeps a failed deferral from being "unhandled" meanwhile.
    deferred.catch(() => {});
  }, afterMs);
  try {
    return { value: await work, deferred };
  } finally {
    clearTimeout(timer);
  }
}

/** Answers a slash command: the first reply in the first response, any further ones as follow-ups. */
export async function answerCommand(responder: CommandResponder, work: Promise<OutgoingMessage[]>, slow: boolean, timing: ResponseTiming): Promise<void> {
  // Deferred replies are private: nearly every reply is, and a channel reply is re-sent below.
  let deferred: Promise<unknown> | null = slow ? responder.defer() : null;
  deferred?.catch(() => {});
  let messages: OutgoingMessage[];
  if (deferred) messages = await work;
  else ({ value: messages, deferred } = await withDeadline(work, timing.deferAfterMs, () => responder.defer()));
  const [first = DONE, ...rest] = messages;
  if (!deferred) {
    await responder.reply(first);
  } else {
    await deferred;
    if (first.visibility === 'ephemeral') {
      await responder.editReply(first);
    } else {
      // A deferral's visibility is fixed: swap the private placeholder for a channel message.
      await responder.deleteReply();
      await responder.followUp(first);
    }
  }
  for (const message of rest) await responder.followUp(message);
  // Pictures follow the text, never delay it (docs/design.md, "Replies first"): a private
  // follow-up keeps them as private as the text.
  for (const message of messages) {
    if (!message.followUp) continue;
    const next = await message.followUp();
    if (next) await responder.followUp(next);
  }
}

/** Answers a button click: the clicked message replaced and/or new messages, as the core says. */
export async function answerAction(responder: ClickResponder, work: Promise<ActionReply>, timing: ResponseTiming): Promise<void> {
  // A deferred update acknowledges without changing anything; the reply then edits or follows up.
  const { value: reply, deferred } = timing.deferClicks ? await withDeadline(work, timing.deferAfterMs, () => responder.deferUpdate()) : { value: await work, deferred: null };
  let pending = [...reply.messages];
  if (deferred) {
    await deferred;
    if (reply.replace) await responder.editReply(reply.replace);
  } else if (reply.replace) {
    await responder.update(reply.replace);
  } else if (pending[0]) {
    const first = pending[0];
    pending = pending.slice(1);
    await responder.reply(first);
  } else {
    await responder.deferUpdate();
  }
  for (const message of pending) await responder.followUp(message);
}
