/**
 * A person using a lookup's reply the way people do, through the core's own command and
 * click handling: they ask, read the reply, and show the entry they meant with the buttons
 * the reply offers ("Helpful", "Not helpful" then one of the entries offered, one of the
 * closest topics). Nothing here reaches past the buttons a person can see.
 */
import { buttonsOf, type Bot, type Button, type IncomingAction, type IncomingCommand, type OutgoingMessage } from '../src/index.js';

/** What the person managed to do. */
export type Shown = 'confirmed' | 'picked' | 'picked-beside' | 'not-offered';

function person(userId: string): Omit<IncomingCommand, 'text'> {
  return { platform: 'console', workspaceId: 'replay', channelId: 'general', userId, userName: userId, isAdmin: false };
}

function clickOf(userId: string, button: Button): IncomingAction {
  return { ...person(userId), actionId: button.actionId, value: button.value };
}

/** The entry a reply answers with (its "Share in channel" button names it), or null for "no good match". */
export function answeredEntry(reply: OutgoingMessage): string | null {
  if (reply.failure === 'ask.no_match') return null;
  return buttonsOf(reply).find((b) => b.actionId === 'ask.share')?.value ?? null;
}

/** Asks as `userId`; returns the reply. */
export async function ask(bot: Bot, userId: string, query: string): Promise<OutgoingMessage> {
  const [reply] = await bot.handleCommand({ ...person(userId), text: `ask ${query}` });
  if (!reply) throw new Error(`no reply to ${query}`);
  return reply;
}

function openButton(buttons: Button[], choose: (entryId: string) => boolean): Button | undefined {
  return buttons.find((b) => b.actionId === 'ask.open' && choose(b.value.split(':')[0]!));
}

/**
 * Asks, then shows an entry `choose` accepts: votes "Helpful" when the answer is one;
 * otherwise votes "Not helpful" and opens one of the entries offered then, or opens one
 * of the related entries or closest topics. Reports what was possible.
 */
export async function askAndShow(bot: Bot, userId: string, query: string, choose: (entryId: string) => boolean): Promise<Shown> {
  const reply = await ask(bot, userId, query);
  const buttons = buttonsOf(reply);
  const answer = answeredEntry(reply);
  if (answer !== null && choose(answer)) {
    await bot.handleAction(clickOf(userId, buttons.find((b) => b.label === 'Helpful')!));
    return 'confirmed';
  }
  if (answer !== null) {
    const vote = await bot.handleAction(clickOf(userId, buttons.find((b) => b.label === 'Not helpful')!));
    const offered = openButton(vote.messages.flatMap(buttonsOf), choose);
    if (offered) {
      await bot.handleAction(clickOf(userId, offered));
      return 'picked';
    }
  }
  const beside = openButton(buttons, choose);
  if (!beside) return 'not-offered';
  await bot.handleAction(clickOf(userId, beside));
  return answer === null ? 'picked' : 'picked-beside';
}
