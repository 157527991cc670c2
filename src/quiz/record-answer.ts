import type { CoreDeps } from '../commands/deps.js';
import { reviewCard } from './fsrs-cards.js';

/**
 * What every graded answer does for the person, whatever its source: an attempt for
 * progress, and the FSRS card moved on (correct = Good, wrong = Again). Call inside the
 * transaction that records the answer itself.
 */
export function recordLearning(
  deps: CoreDeps,
  input: { userKey: number; entryId: string; correct: boolean; source: 'round' | 'practice' | 'review'; channelKey: number | null; nowMs: number },
): void {
  deps.store.learning.recordAttempt({ userKey: input.userKey, entryId: input.entryId, source: input.source, correct: input.correct, channelKey: input.channelKey, atMs: input.nowMs });
  const next = reviewCard(deps.store.learning.card(input.userKey, input.entryId), input.correct, new Date(input.nowMs));
  deps.store.learning.saveCard(input.userKey, input.entryId, next.dueMs, next.card);
}
