import type { Entry, QuizItem } from '../bank/types.js';
import type { EntryStats, QuizMode } from '../store/ports/index.js';
import { pick, shuffled, type Random } from './random.js';

/** A question ready to ask: its choices in the order shown, and which one is right. */
export interface Question {
  entryId: string;
  itemId: string | null;
  mode: QuizMode;
  prompt: string;
  choices: string[];
  /** Index into `choices` of the right one; null in recall mode. */
  correctIndex: number | null;
}

/**
 * Picks a channel's next entry: never one used more often than another (no repeat until
 * the bank is exhausted), and among the least used, the one the channel has done worst on.
 */
export function selectEntry(entries: readonly Entry[], stats: ReadonlyMap<string, EntryStats>, random: Random): Entry | undefined {
  if (entries.length === 0) return undefined;
  const uses = (e: Entry): number => stats.get(e.id)?.rounds ?? 0;
  const fewest = Math.min(...entries.map(uses));
  const candidates = entries.filter((e) => uses(e) === fewest);
  // An entry nobody has answered yet counts as average, so weak spots come first.
  const rate = (e: Entry): number => {
    const s = stats.get(e.id);
    return s && s.answers > 0 ? s.correct / s.answers : 0.5;
  };
  const worst = Math.min(...candidates.map(rate));
  return pick(
    candidates.filter((e) => rate(e) === worst),
    random,
  );
}

/** Builds the question for an entry: its least-used item with shuffled choices, or recall mode. */
export function buildQuestion(entry: Entry, items: readonly QuizItem[], itemUses: ReadonlyMap<string, number>, random: Random): Question {
  const own = items.filter((i) => i.entryId === entry.id);
  if (own.length === 0) {
    return { entryId: entry.id, itemId: null, mode: 'recall', prompt: entry.question, choices: [], correctIndex: null };
  }
  const fewest = Math.min(...own.map((i) => itemUses.get(i.id) ?? 0));
  const item = pick(
    own.filter((i) => (itemUses.get(i.id) ?? 0) === fewest),
    random,
  )!;
  const choices = shuffled([item.correct, ...item.wrong], random);
  return { entryId: entry.id, itemId: item.id, mode: 'choice', prompt: item.prompt, choices, correctIndex: choices.indexOf(item.correct) };
}
