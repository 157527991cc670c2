import { createEmptyCard, fsrs, Rating, TypeConvert, type Card } from 'ts-fsrs';

// Fuzz spreads due dates randomly; off, so the same answers always give the same dates.
const scheduler = fsrs({ enable_fuzz: false });

/**
 * Moves a person's card for an entry on after an answer (correct = Good, wrong = Again)
 * and returns it serialised with its due time. `now` is an argument, never read here.
 */
export function reviewCard(stored: string | undefined, correct: boolean, now: Date): { card: string; dueMs: number } {
  const card: Card = stored ? TypeConvert.card(JSON.parse(stored) as Card) : createEmptyCard(now);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return { card: JSON.stringify(next), dueMs: next.due.getTime() };
}
