import type { Actor } from '../chat-port.js';
import type { StoreView } from '../store/ports/index.js';
import { channelZone } from './channel-zone.js';
import { recordLearning } from './record-answer.js';
import { pointsFor, scoreKeys } from './scoring.js';

export type SubmitResult =
  | { code: 'quiz.recorded'; label: string; closesMs: number; zone: string }
  | { code: 'quiz.already_answered'; label: string }
  | { code: 'quiz.round_closed' }
  | { code: 'quiz.round_not_found' }
  | { code: 'quiz.bad_choice' };

/** What recording a pick touches. */
export interface SubmitDeps {
  store: StoreView<'rounds' | 'answers' | 'people' | 'schedules' | 'learning'>;
}

/** Parses a `<round id>:<choice index>` button value. */
export function parseChoiceValue(value: string): { roundId: number; index: number } | null {
  const match = /^(\d{1,12}):(\d{1,2})$/.exec(value);
  return match ? { roundId: Number(match[1]), index: Number(match[2]) } : null;
}

/**
 * Records a person's pick in a round: the first answer counts, a second is told so,
 * a closed round is told so. Points go to the channel and workspace boards at once.
 */
export async function submitAnswer(deps: SubmitDeps, actor: Actor, value: string, nowMs: number): Promise<SubmitResult> {
  const parsed = parseChoiceValue(value);
  if (!parsed) return { code: 'quiz.round_not_found' };
  // The round is read inside the write transaction, so a close by another process cannot
  // slip in between the check and the insert.
  return deps.store.transaction(async (tx): Promise<SubmitResult> => {
    const round = await tx.rounds.get(parsed.roundId);
    if (!round || round.mode !== 'choice' || round.correctIndex === null) return { code: 'quiz.round_not_found' };
    if (round.status !== 'open' || nowMs >= round.closesMs) return { code: 'quiz.round_closed' };
    const label = round.choices[parsed.index];
    if (label === undefined) return { code: 'quiz.bad_choice' };
    const correct = parsed.index === round.correctIndex;
    const zone = await channelZone(tx, round.channelKey);
    const userKey = await tx.people.userKey(actor);
    const outcome = await tx.answers.submit({
      roundId: round.id,
      userKey,
      choiceIndex: parsed.index,
      correct,
      answeredMs: nowMs,
      pointsFor: (first) => pointsFor(correct, first),
      scoreKeys: scoreKeys(round.channel, nowMs, zone),
    });
    if (outcome.kind === 'duplicate') return { code: 'quiz.already_answered', label: round.choices[outcome.choiceIndex] ?? label };
    await recordLearning(tx, { userKey, entryId: round.entryId, correct, source: 'round', channelKey: round.channelKey, nowMs });
    return { code: 'quiz.recorded', label, closesMs: round.closesMs, zone };
  });
}
