import type { Actor } from '../chat-port.js';
import type { LibraryView } from '../library/library.js';
import type { Message } from '../messages/model.js';
import type { StoreView } from '../store/ports/index.js';
import { recordLearning } from './record-answer.js';
import { clickedWhereRoundIs } from './submit-answer.js';
import { selfGradeMessage } from './self-grade-view.js';
import { QUIZ_ACTIONS } from './round-view.js';

export type RecallResult =
  | { code: 'quiz.recall_shown'; message: Message }
  | { code: 'quiz.recorded_recall'; knew: boolean }
  | { code: 'quiz.wrong_channel' }
  | { code: 'quiz.already_answered'; label: string }
  | { code: 'quiz.round_closed' }
  | { code: 'quiz.round_not_found' };

/** What recall rounds touch. */
export interface RecallDeps {
  library: LibraryView;
  store: StoreView<'rounds' | 'answers' | 'people' | 'learning'>;
}

/** "Show answer" on a recall round: the answer, privately, with "I knew it" / "Not yet". */
export async function showRecallAnswer(deps: RecallDeps, actor: Actor & { messageId?: string }, value: string, nowMs: number): Promise<Exclude<RecallResult, { code: 'quiz.recorded_recall' | 'quiz.already_answered' }>> {
  const round = await deps.store.rounds.get(Number(value));
  const { catalogue } = deps.library.current();
  const entry = round ? catalogue.entry(round.entryId) : undefined;
  if (!round || round.mode !== 'recall' || !entry) return { code: 'quiz.round_not_found' };
  if (!clickedWhereRoundIs(round, actor)) return { code: 'quiz.wrong_channel' };
  if (round.status !== 'open' || nowMs >= round.closesMs) return { code: 'quiz.round_closed' };
  return { code: 'quiz.recall_shown', message: selfGradeMessage(entry, QUIZ_ACTIONS.recallGrade, round.id, catalogue.severalBanks) };
}

/** A self-grade on a recall round: counts for progress and review, never for points. */
export async function gradeRecall(deps: RecallDeps, actor: Actor & { messageId?: string }, value: string, nowMs: number): Promise<RecallResult> {
  const match = /^(\d{1,12}):([01])$/.exec(value);
  if (!match) return { code: 'quiz.round_not_found' };
  const knew = match[2] === '1';
  // Read inside the write transaction, as submitAnswer does: a concurrent close cannot slip in.
  return deps.store.transaction(async (tx): Promise<RecallResult> => {
    const round = await tx.rounds.get(Number(match[1]));
    if (!round || round.mode !== 'recall') return { code: 'quiz.round_not_found' };
    // The self-grade buttons sit on a private message, not the round's: only the channel must match.
    if (!clickedWhereRoundIs(round, { ...actor, messageId: undefined })) return { code: 'quiz.wrong_channel' };
    if (round.status !== 'open' || nowMs >= round.closesMs) return { code: 'quiz.round_closed' };
    const userKey = await tx.people.userKey(actor);
    const outcome = await tx.answers.submit({ roundId: round.id, userKey, choiceIndex: knew ? 1 : 0, correct: knew, answeredMs: nowMs, pointsFor: () => 0, scoreKeys: [] });
    if (outcome.kind === 'duplicate') {
      if (outcome.choiceIndex === (knew ? 1 : 0)) return { code: 'quiz.recorded_recall', knew };
      return { code: 'quiz.already_answered', label: outcome.choiceIndex === 1 ? 'I knew it' : 'Not yet' };
    }
    await recordLearning(tx, { userKey, entryId: round.entryId, correct: knew, source: 'round', channelKey: round.channelKey, nowMs });
    return { code: 'quiz.recorded_recall', knew };
  });
}
