import type { IncomingAction } from '../chat-port.js';
import { asBotError } from '../errors.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, toChannel, type ActionReply } from '../messages/model.js';
import { formatInZone } from '../quiz/format-time.js';
import { answerPractice, gradePractice, practiceCommand, PRACTICE_ACTIONS, reviewCommand, showPracticeAnswer, type PracticeResult } from '../quiz/practice.js';
import { gradeRecall, showRecallAnswer } from '../quiz/recall-round.js';
import { QUIZ_ACTIONS } from '../quiz/round-view.js';
import { submitAnswer } from '../quiz/submit-answer.js';
import { answerReply } from './ask.js';
import { openEntry, voteOnAnswer } from './ask-feedback.js';
import type { CoreDeps } from './deps.js';
import { personKey } from './handle-command.js';
import { entryBlocks, entryLabel } from '../messages/entry-view.js';

/**
 * Runs one button click. Never throws; unknown or stale buttons get a coded reply.
 */
export async function handleAction(deps: CoreDeps, input: IncomingAction): Promise<ActionReply> {
  try {
    return await run(deps, input, deps.clock.now().getTime());
  } catch (error) {
    const botError = asBotError(error);
    deps.logger.error({ err: botError, code: botError.code, channel: input.channelId, user: input.userId, action: input.actionId }, 'action failed');
    return { messages: [failureReply('internal', `Something went wrong on my side (${botError.code}); it has been logged.`)] };
  }
}

function practiceReply(result: PracticeResult): ActionReply {
  return result.ok ? { messages: [], replace: result.replace } : { messages: [failureReply(result.code)] };
}

const LIMITED_ACTIONS = new Set<string>([QUIZ_ACTIONS.answer, QUIZ_ACTIONS.recallGrade, PRACTICE_ACTIONS.answer, PRACTICE_ACTIONS.grade, PRACTICE_ACTIONS.next]);

async function run(deps: CoreDeps, input: IncomingAction, nowMs: number): Promise<ActionReply> {
  if (LIMITED_ACTIONS.has(input.actionId) && !deps.limits.answers.allow(personKey(input), nowMs)) {
    deps.telemetry.rateLimited('answer');
    return { messages: [failureReply('rate.limited')] };
  }
  switch (input.actionId) {
    case QUIZ_ACTIONS.answer: {
      const result = await submitAnswer(deps, input, input.value, nowMs);
      deps.telemetry.answer(result.code);
      if (result.code === 'quiz.recorded' || result.code === 'quiz.repeated') {
        const text = `Locked in: ${result.label}. The answer is revealed when the round closes (${formatInZone(result.closesMs, result.zone)}).`;
        return { messages: [ephemeral({ text, blocks: [{ type: 'text', text }] })] };
      }
      if (result.code === 'quiz.already_answered') return { messages: [failureReply(result.code, `You picked ${result.label}.`)] };
      return { messages: [failureReply(result.code)] };
    }
    case QUIZ_ACTIONS.recallShow: {
      const result = await showRecallAnswer(deps, input, input.value, nowMs);
      return result.code === 'quiz.recall_shown' ? { messages: [ephemeral(result.message)] } : { messages: [failureReply(result.code)] };
    }
    case QUIZ_ACTIONS.recallGrade: {
      const result = await gradeRecall(deps, input, input.value, nowMs);
      if (result.code === 'quiz.recorded_recall') {
        const text = result.knew ? 'Noted: you knew it.' : 'Noted: not yet. It will come back in your reviews.';
        return { messages: [], replace: { text, blocks: [{ type: 'text', text }] } };
      }
      if (result.code === 'quiz.already_answered') return { messages: [failureReply(result.code, `You said: ${result.label}.`)] };
      return { messages: [failureReply(result.code === 'quiz.recall_shown' ? 'internal' : result.code)] };
    }
    case PRACTICE_ACTIONS.answer:
      return practiceReply(await answerPractice(deps, input, input.value, nowMs));
    case PRACTICE_ACTIONS.show:
      return practiceReply(await showPracticeAnswer(deps, input, input.value));
    case PRACTICE_ACTIONS.grade:
      return practiceReply(await gradePractice(deps, input, input.value, nowMs));
    case PRACTICE_ACTIONS.next: {
      // `practice`, `practice:<bank>` (practice asked for one bank) or `review`.
      const [kind, bank] = input.value.split(':');
      return { messages: [kind === 'review' ? await reviewCommand(deps, input, nowMs) : await practiceCommand(deps, input, nowMs, bank ?? null)] };
    }
    case 'ask.vote': {
      const { catalogue, lookup } = deps.library.current();
      return voteOnAnswer({ catalogue, lookup, lookups: deps.store.lookups, afterReply: deps.afterReply }, input, input.value, nowMs);
    }
    case 'ask.more': {
      const { catalogue } = deps.library.current();
      const e = catalogue.entry(input.value);
      if (!e) return { messages: [failureReply('entry.not_found')] };
      return { messages: [], replace: answerReply(catalogue, e, [], 'full') };
    }
    case 'ask.open':
      return openEntry({ catalogue: deps.library.current().catalogue, lookupEvidence: deps.store.lookupEvidence, afterReply: deps.afterReply }, input, input.value, nowMs);
    case 'ask.share': {
      const { catalogue } = deps.library.current();
      const e = catalogue.entry(input.value);
      if (!e) return { messages: [failureReply('entry.not_found')] };
      const { blocks } = entryBlocks(e, 'full', catalogue.severalBanks);
      const shared = toChannel({
        text: `${input.userName} shared ${entryLabel(e, catalogue.severalBanks)}`,
        blocks: [...blocks, { type: 'context', text: `Shared by ${input.userName}` }],
      });
      return { messages: [shared] };
    }
    default:
      return { messages: [failureReply('action.unknown')] };
  }
}
