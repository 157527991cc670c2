import type { IncomingCommand } from '../chat-port.js';
import { failureReply } from '../messages/failures.js';
import type { OutgoingMessage } from '../messages/model.js';
import type { Deliveries } from '../store/ports/index.js';
import type { Command } from './parse-command.js';

/** Commands that change something: a repeated delivery of one must not change it twice. */
const CHANGES_STATE: ReadonlySet<Command['name']> = new Set(['post', 'schedule', 'quiz', 'review', 'banks', 'digest']);

/** Commands that only show something although others of the same name change it. */
export function readOnly(command: Command): boolean {
  return ((command.name === 'schedule' || command.name === 'digest') && command.args.trim() === '') || (command.name === 'banks' && command.use === null);
}

/** How long a delivery is remembered: platforms repeat within minutes; a day is plenty. */
export const DELIVERY_MEMORY_MS = 86_400_000;

/** The store key of a command delivery. */
export function deliveryKey(input: Pick<IncomingCommand, 'platform' | 'workspaceId' | 'deliveryId'>): string | null {
  return input.deliveryId ? `${input.platform}:${input.workspaceId}:${input.deliveryId}` : null;
}

/**
 * Runs a command that changes state once per platform delivery, whichever replica the
 * platform's repeat lands on: the first run's replies are kept, and a repeat gets them
 * again (or, while the first still runs, a note that it is on its way). Read-only
 * commands just run again. See docs/design.md, "Replicas".
 */
export async function runOnce(
  deliveries: Deliveries,
  input: IncomingCommand,
  command: Command,
  nowMs: number,
  run: () => Promise<OutgoingMessage[]>,
): Promise<OutgoingMessage[]> {
  const key = deliveryKey(input);
  if (!key || !CHANGES_STATE.has(command.name) || readOnly(command)) return run();
  if (!(await deliveries.claim(key, nowMs))) {
    const saved = await deliveries.reply(key);
    return saved ? (JSON.parse(saved) as OutgoingMessage[]) : [failureReply('delivery.in_progress')];
  }
  const replies = await run();
  await deliveries.saveReply(key, JSON.stringify(replies));
  return replies;
}
