import { buttonsOf, type Bot, type Button, type OutgoingMessage } from '../../src/index.js';
import { click, command } from './fixtures.js';

/** Someone in the test workspace, by name. */
export function someone(name: string): { userId: string; userName: string } {
  return { userId: name, userName: name };
}

/** The entry a lookup's reply answers with (its "Share in channel" button names it), or null for no match. */
export function answeredWith(reply: OutgoingMessage): string | null {
  return reply.failure === 'ask.no_match' ? null : (buttonsOf(reply).find((b) => b.actionId === 'ask.share')?.value ?? null);
}

/** The button opening an entry among a message's buttons. */
export function openButtonFor(message: OutgoingMessage, entryId: string): Button | undefined {
  return buttonsOf(message).find((b) => b.actionId === 'ask.open' && b.value.split(':')[0] === entryId);
}

/**
 * `name` asks, gets an answer that is not `entryId`, votes "Not helpful" and opens
 * `entryId` from the entries then offered: the way a person shows what they meant.
 */
export async function voteDownAndOpen(bot: Bot, name: string, query: string, entryId: string): Promise<void> {
  const [reply] = await bot.handleCommand(command(`ask ${query}`, someone(name)));
  const notHelpful = buttonsOf(reply!).find((b) => b.label === 'Not helpful');
  if (!notHelpful) throw new Error(`"${query}" was not answered`);
  const vote = await bot.handleAction(click(notHelpful.actionId, notHelpful.value, someone(name)));
  const open = openButtonFor(vote.messages[0]!, entryId);
  if (!open) throw new Error(`${entryId} was not offered after "Not helpful" on "${query}"`);
  await bot.handleAction(click(open.actionId, open.value, someone(name)));
}
