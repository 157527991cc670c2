import type { Actor } from '../chat-port.js';
import type { Round, StoreView } from '../store/ports/index.js';
import { channelZone } from './channel-zone.js';
import { recordLearning } from './record-answer.js';
import { pointsFor, scoreKeys } from './scoring.js';

export type SubmitResult =
  | { code: 'quiz.recorded'; label: string; closesMs: number; zone: string }
  /** The same pick again (a platform retry, or a click after a crash): confirmed, not counted twice. */
  | { code: 'quiz.repeated'; label: string; closesMs: number; zone: string }
  | { code: 'quiz.already_answered'; label: string }
  /** The button names a round of another channel, or another message than the round's. */
  | { code: 'quiz.wrong_channel' }
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
 * Whether a click on a round's button came from where the round was posted: its channel
 * and, when the platform says which message was clicked, the round's own message. A
 * forged or mixed-up button value must never score in another channel's round.
 */
export function clickedWhereRoundIs(round: Round, actor: Actor & { messageId?: string }): boolean {
  const { channel } = round;
  if (channel.platform !== actor.platform || channel.workspaceId !== actor.workspaceId || channel.channelId !== actor.channelId) return false;
  return actor.messageId === undefined || round.messageId === null || actor.messageId === round.messageId;
}

/**
 * Records a person's pick in a round: the first answer counts; the same pick again is
 * confirmed again (a repeat, not a second attempt); a different one is told the first
 * stands; a closed round is told so. Points go to the channel and workspace boards at once.
 */
export async function submitAnswer(deps: SubmitDeps, actor: Actor & { messageId?: string }, value: string, nowMs: number): Promise<SubmitResult> {
  const parsed = parseChoiceValue(value);
  if (!parsed) return { code: 'quiz.round_not_found' };
  // The round is read inside the write transaction, so a close by another process cannot
  // slip in between the check and the insert.
  return deps.store.transaction(async (tx): Promise<SubmitResult> => {
    const round = await tx.rounds.get(parsed.roundId);
    if (!round || round.mode !== 'choice' || round.correctIndex === null) return { code: 'quiz.round_not_found' };
    if (!clickedWhereRoundIs(round, actor)) return { code: 'quiz.wrong_channel' };
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
    if (outcome.kind === 'duplicate') {
      if (outcome.choiceIndex === parsed.index) return { code: 'quiz.repeated', label, closesMs: round.closesMs, zone };
      return { code: 'quiz.already_answered', label: round.choices[outcome.choiceIndex] ?? label };
    }
    await recordLearning(tx, { userKey, entryId: round.entryId, correct, source: 'round', channelKey: round.channelKey, nowMs });
    return { code: 'quiz.recorded', label, closesMs: round.closesMs, zone };
  });
}
