import { DateTime } from 'luxon';
import { buttonsOf, type ActionReply, type Block, type Button, type IncomingAction, type Message, type OutgoingMessage, type Round } from '../../src/index.js';
import { click, command, type RecordingChat, type TestBot } from './fixtures.js';

/** A person in a channel (id = name, as in the console). */
export function person(name: string, channelId = 'general', isAdmin = false): Pick<IncomingAction, 'userId' | 'userName' | 'channelId' | 'isAdmin'> {
  return { userId: name, userName: name, channelId, isAdmin };
}

/** An admin in a channel. */
export function admin(name: string, channelId = 'general') {
  return person(name, channelId, true);
}

/**
 * Moves the clock to `to`, stopping at every time work falls due and ticking there, in
 * order (as the console's `:advance` does), then ticks once at `to`.
 */
export async function runUntil(t: TestBot, to: string | number): Promise<void> {
  const toMs = typeof to === 'string' ? Date.parse(to) : to;
  for (let guard = 0; guard < 10_000; guard++) {
    const due = await t.bot.nextJobAt();
    if (due === null || due > toMs) break;
    if (due > t.clock.now().getTime()) t.clock.set(new Date(due));
    await t.bot.tick();
    // Work that stays due (a platform that keeps failing) waits for the next minute, as in production.
    if ((await t.bot.nextJobAt()) === due) {
      const nextMinute = t.clock.now().getTime() + 60_000;
      if (nextMinute > toMs) break;
      t.clock.set(new Date(nextMinute));
    }
  }
  t.clock.set(new Date(toMs));
  await t.bot.tick();
}

/** Ticks once a minute (a few seconds past it, as node-cron does) from now until `to`. */
export async function tickEveryMinute(t: TestBot, to: string | number, secondsPast = 3): Promise<void> {
  const toMs = typeof to === 'string' ? Date.parse(to) : to;
  let at = Math.floor(t.clock.now().getTime() / 60_000) * 60_000 + 60_000 + secondsPast * 1000;
  for (; at <= toMs; at += 60_000) {
    t.clock.set(new Date(at));
    await t.bot.tick();
  }
  t.clock.set(new Date(toMs));
}

/** Quiz round posts (not reveals or results) the chat has seen, oldest first. */
export function roundPosts(chat: RecordingChat, channelId?: string): { messageId: string; message: Message; roundId: number }[] {
  return chat.calls
    .filter((c) => c.kind === 'post' && (channelId === undefined || c.channel.channelId === channelId))
    .flatMap((c) => {
      const id = roundIdOf(c.message);
      return id === null ? [] : [{ messageId: c.messageId, message: c.message, roundId: id }];
    });
}

/** The round id a round message's buttons carry, or null if it is not a round message. */
export function roundIdOf(message: Message): number | null {
  const button = buttonsOf(message).find((b) => b.actionId === 'quiz.answer' || b.actionId === 'quiz.recall');
  if (!button) return null;
  return Number(button.value.split(':')[0]);
}

/** The answer buttons of a round message, in order. */
export function choiceButtons(message: Message): Button[] {
  return buttonsOf(message).filter((b) => b.actionId === 'quiz.answer');
}

/** The latest edit of a posted message (the reveal of a round), if any. */
export function latestUpdate(chat: RecordingChat, messageId: string): Message | undefined {
  return chat.calls.filter((c) => c.kind === 'update' && c.messageId === messageId).at(-1)?.message;
}

/** The stored round, failing loudly if it does not exist. */
export async function storedRound(t: TestBot, roundId: number): Promise<Round> {
  const round = await t.store.rounds.get(roundId);
  if (!round) throw new Error(`round ${roundId} not found`);
  return round;
}

/** Clicks the button of a round message whose choice is right (or wrong), as `who`. */
export async function answerRound(t: TestBot, message: Message, right: boolean, who: Partial<IncomingAction>): Promise<ActionReply> {
  const id = roundIdOf(message);
  if (id === null) throw new Error('not a round message');
  const correct = (await storedRound(t, id)).correctIndex;
  const buttons = choiceButtons(message);
  const button = buttons.find((b) => (b.value === `${id}:${correct}`) === right);
  if (!button) throw new Error('no such button');
  return t.bot.handleAction(click(button.actionId, button.value, who));
}

/** Runs a command and returns its only reply. */
export async function say(t: TestBot, text: string, who: Partial<IncomingAction> = {}): Promise<OutgoingMessage> {
  const replies = await t.bot.handleCommand(command(text, who));
  if (replies.length !== 1) throw new Error(`expected one reply to "${text}", got ${replies.length}`);
  return replies[0]!;
}

/** The rows of the first table block of a message. */
export function tableRows(message: Message): string[][] {
  const table = message.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
  return table ? table.rows : [];
}

/** A time as people in a zone read it: `Mon 2027-03-29 10:00`. */
export function localTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
}
