import type { IncomingAction } from '../chat-port.js';
import { asBotError } from '../errors.js';
import { failureReply } from '../messages/failures.js';
import { toChannel, type ActionReply } from '../messages/model.js';
import { answerReply } from './ask.js';
import type { CoreDeps } from './deps.js';
import { entryBlocks, entryLabel } from './entry-view.js';

/**
 * Runs one button click. Never throws; unknown or stale buttons get a coded reply.
 */
export async function handleAction(deps: CoreDeps, input: IncomingAction): Promise<ActionReply> {
  try {
    return await run(deps, input);
  } catch (error) {
    const botError = asBotError(error);
    deps.logger.error({ err: botError, code: botError.code, channel: input.channelId, user: input.userId, action: input.actionId }, 'action failed');
    return { messages: [failureReply('internal', `Something went wrong on my side (${botError.code}); it has been logged.`)] };
  }
}

async function run(deps: CoreDeps, input: IncomingAction): Promise<ActionReply> {
  const entry = () => deps.catalogue.entry(input.value);
  switch (input.actionId) {
    case 'ask.more': {
      const e = entry();
      if (!e) return { messages: [failureReply('entry.not_found')] };
      const full = answerReply(e, [], 'full');
      return { messages: [], replace: full };
    }
    case 'ask.open': {
      const e = entry();
      if (!e) return { messages: [failureReply('entry.not_found')] };
      return { messages: [answerReply(e, [])] };
    }
    case 'ask.share': {
      const e = entry();
      if (!e) return { messages: [failureReply('entry.not_found')] };
      const { blocks } = entryBlocks(e, 'full');
      const shared = toChannel({
        text: `${input.userName} shared ${entryLabel(e)}`,
        blocks: [...blocks, { type: 'context', text: `Shared by ${input.userName}` }],
      });
      return { messages: [shared] };
    }
    default:
      return { messages: [failureReply('action.unknown')] };
  }
}
