import type { Bank, Entry, QuizItem } from './types.js';

/**
 * Fast access to every entry and quiz item of the loaded banks, by id and by bank. One
 * catalogue is one version of the banks: a reload builds a new one (docs/design.md,
 * "Curriculum"), so nothing here ever changes.
 */
export class Catalogue {
  readonly banks: readonly Bank[];
  private readonly entries = new Map<string, Entry>();
  private readonly items = new Map<string, QuizItem>();
  private readonly bySlug = new Map<string, Bank>();

  constructor(banks: readonly Bank[]) {
    this.banks = banks;
    for (const bank of banks) {
      this.bySlug.set(bank.slug, bank);
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

  /** The loaded bank with this slug. */
  bank(slug: string): Bank | undefined {
    return this.bySlug.get(slug);
  }

  /** Every entry of every bank, in bank then question order. */
  allEntries(): Entry[] {
    return this.banks.flatMap((b) => b.entries);
  }

  /**
   * The loaded banks among `slugs`, in load order; every bank for null (a channel that
   * has not chosen). Slugs of banks that are not loaded (any more) are skipped.
   */
  banksAmong(slugs: readonly string[] | null): Bank[] {
    if (slugs === null) return [...this.banks];
    const wanted = new Set(slugs);
    return this.banks.filter((b) => wanted.has(b.slug));
  }

  /** Whether more than one bank is loaded: then replies name each entry's bank. */
  get severalBanks(): boolean {
    return this.banks.length > 1;
  }
}
