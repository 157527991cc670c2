import type { Repositories } from '../store/ports/index.js';
import { reviewCard } from './fsrs-cards.js';

/**
 * What every graded answer does for the person, whatever its source: an attempt for
 * progress, and the FSRS card moved on (correct = Good, wrong = Again). Call inside the
 * transaction that records the answer itself.
 */
export async function recordLearning(
  store: Pick<Repositories, 'learning'>,
  input: { userKey: number; entryId: string; correct: boolean; source: 'round' | 'practice' | 'review'; channelKey: number | null; nowMs: number },
): Promise<void> {
  await store.learning.recordAttempt({ userKey: input.userKey, entryId: input.entryId, source: input.source, correct: input.correct, channelKey: input.channelKey, atMs: input.nowMs });
  const next = reviewCard(await store.learning.card(input.userKey, input.entryId), input.correct, new Date(input.nowMs));
  await store.learning.saveCard(input.userKey, input.entryId, next.dueMs, next.card);
}
