import { createEmptyCard, fsrs, Rating, TypeConvert, type Card } from 'ts-fsrs';

// Fuzz spreads due dates a little, so cards learnt together do not all come due together.
// ts-fsrs seeds it from the card and the review time, so the same answers at the same
// times still give the same dates (tests and replays stay deterministic).
const scheduler = fsrs({ enable_fuzz: true });

/**
 * Moves a person's card for an entry on after an answer (correct = Good, wrong = Again)
 * and returns it serialised with its due time. `now` is an argument, never read here.
 */
export function reviewCard(stored: string | undefined, correct: boolean, now: Date): { card: string; dueMs: number } {
  const card: Card = stored ? TypeConvert.card(JSON.parse(stored) as Card) : createEmptyCard(now);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return { card: JSON.stringify(next), dueMs: next.due.getTime() };
}
