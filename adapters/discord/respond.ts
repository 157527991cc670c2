/**
 * Delivers the core's replies to an interaction within Discord's 3-second window.
 *
 * The fast path answers in the first callback (reply, or update for a replaced message):
 * one HTTP call, the best experience. Work known to be slow (`post` talks to the channel)
 * is deferred at once; any other work that is still running after `deferAfterMs` is
 * deferred then, so a stalled database or platform call never costs the interaction.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions } from 'discord.js';
import type { ActionReply, Logger, Message, OutgoingMessage } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import { observed } from './observe-call.js';
import { renderMessage, type DiscordMessage } from './render-embeds.js';

/** What delivering replies needs. */
export interface ResponderDeps {
  logger: Logger;
  observer: PlatformCallObserver;
  /** How long the core may work before the interaction is acknowledged with a deferral. */
  deferAfterMs: number;
}

/** A core message as the content of an interaction message (reply, update, edit); it never pings anyone. */
export function messageOptions(message: Message & { failure?: string }, logger: Logger): DiscordMessage & { allowedMentions: { parse: [] } } {
  const { embeds, components, dropped } = renderMessage(message, { failure: message.failure !== undefined });
  if (dropped.length > 0) logger.warn({ dropped }, 'buttons left out of a Discord reply');
  return { embeds, components, allowedMentions: { parse: [] } };
}

/** A core message as a new interaction message: private (flag 64) or for the channel. */
export function replyOptions(message: OutgoingMessage, logger: Logger): InteractionReplyOptions {
  const options: InteractionReplyOptions = messageOptions(message, logger);
  if (message.visibility === 'ephemeral') options.flags = MessageFlags.Ephemeral;
  return options;
}

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

/** Answers a slash command: the first reply in the callback, any further ones as follow-ups. */
export async function answerCommand(interaction: ChatInputCommandInteraction, work: Promise<OutgoingMessage[]>, slow: boolean, deps: ResponderDeps): Promise<void> {
  const { logger, observer } = deps;
  // Deferred replies are private: nearly every reply is, and a channel reply is re-sent below.
  const defer = (): Promise<unknown> => observed(observer, 'interactions.defer', () => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  let deferred: Promise<unknown> | null = slow ? defer() : null;
  deferred?.catch(() => {});
  let messages: OutgoingMessage[];
  if (deferred) messages = await work;
  else ({ value: messages, deferred } = await withDeadline(work, deps.deferAfterMs, defer));
  const done: OutgoingMessage = { visibility: 'ephemeral', text: 'Done.', blocks: [] };
  const [first = done, ...rest] = messages;
  if (!deferred) {
    await observed(observer, 'interactions.reply', () => interaction.reply(replyOptions(first, logger)));
  } else {
    await deferred;
    if (first.visibility === 'ephemeral') {
      await observed(observer, 'interactions.edit_reply', () => interaction.editReply(messageOptions(first, logger)));
    } else {
      // A deferral's visibility is fixed: swap the private placeholder for a channel message.
      await observed(observer, 'interactions.delete_reply', () => interaction.deleteReply());
      await observed(observer, 'interactions.follow_up', () => interaction.followUp(replyOptions(first, logger)));
    }
  }
  for (const message of rest) {
    await observed(observer, 'interactions.follow_up', () => interaction.followUp(replyOptions(message, logger)));
  }
}

/** Answers a button click: the clicked message replaced and/or new messages, as the core says. */
export async function answerAction(interaction: ButtonInteraction, work: Promise<ActionReply>, deps: ResponderDeps): Promise<void> {
  const { logger, observer } = deps;
  // A deferred update acknowledges without changing anything; the reply then edits or follows up.
  const { value: reply, deferred } = await withDeadline(work, deps.deferAfterMs, () => observed(observer, 'interactions.defer_update', () => interaction.deferUpdate()));
  let pending = [...reply.messages];
  if (deferred) {
    await deferred;
    const replace = reply.replace;
    if (replace) await observed(observer, 'interactions.edit_reply', () => interaction.editReply(messageOptions(replace, logger)));
  } else if (reply.replace) {
    const replace = reply.replace;
    await observed(observer, 'interactions.update', () => interaction.update(messageOptions(replace, logger)));
  } else if (pending[0]) {
    const first = pending[0];
    pending = pending.slice(1);
    await observed(observer, 'interactions.reply', () => interaction.reply(replyOptions(first, logger)));
  } else {
    await observed(observer, 'interactions.defer_update', () => interaction.deferUpdate());
  }
  for (const message of pending) {
    await observed(observer, 'interactions.follow_up', () => interaction.followUp(replyOptions(message, logger)));
  }
}
