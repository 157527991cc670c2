import type { Bank, Entry, QuizItem } from './types.js';

/** Fast access to every entry and quiz item of the loaded banks, by id. */
export class Catalogue {
  readonly banks: readonly Bank[];
  private readonly entries = new Map<string, Entry>();
  private readonly items = new Map<string, QuizItem>();

  constructor(banks: readonly Bank[]) {
    this.banks = banks;
    for (const bank of banks) {
      for (const entry of bank.entries) this.entries.set(entry.id, entry);
      for (const item of bank.quizItems) this.items.set(item.id, item);
    }
  }

  /** The entry with this id (`mesh-q7`), if a loaded bank has it. */
  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** The quiz item with this id (`mesh-q7-i2`), if a loaded bank has it. */
  item(id: string): QuizItem | undefined {
    return this.items.get(id);
  }

  /** Every entry of every bank, in bank then question order. */
  allEntries(): Entry[] {
    return this.banks.flatMap((b) => b.entries);
  }
}
