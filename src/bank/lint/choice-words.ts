import { zipf } from '../../search/english-frequency.js';
import { splitWords } from '../../search/normalize.js';
import { stem } from '../../search/stem.js';
import { STOPWORDS } from '../../search/stopwords.js';

/**
 * Words of a choice, a prompt or an entry as the lint compares them. It reuses lookup's
 * notion of a word (normalisation, stopwords, Porter stems) so "retries" in a choice
 * meets "retry" in the answer, exactly as a query would.
 */
export interface TextWords {
  /** Every normalised word as written, stopwords included, in order (for absolutes). */
  surfaces: string[];
  /** Content-word stems in order (stopwords dropped; compounds give their parts). */
  stems: string[];
  /**
   * The stems of topic words: content words that are not everyday English ("first",
   * "still", "call"), which sound like any text and so say nothing about sounding like
   * the entry. Same cut-off as lookup's everyday discount.
   */
  topicStems: string[];
  /** The first surface form seen for each stem, to name words in messages. */
  surfaceOf: Map<string, string>;
}

export function textWords(text: string): TextWords {
  const surfaces: string[] = [];
  const stems: string[] = [];
  const topicStems: string[] = [];
  const surfaceOf = new Map<string, string>();
  for (const word of splitWords(text)) {
    surfaces.push(word.surface);
    if (word.parts.length === 1 && STOPWORDS.has(word.surface)) continue;
    for (const part of word.parts) {
      if (STOPWORDS.has(part)) continue;
      const s = stem(part);
      stems.push(s);
      if (zipf(part) < EVERYDAY_ZIPF) topicStems.push(s);
      if (!surfaceOf.has(s)) surfaceOf.set(s, part);
    }
  }
  return { surfaces, stems, topicStems, surfaceOf };
}

/** Words at least this common in spoken English (Zipf; "need", "first") are everyday words. */
const EVERYDAY_ZIPF = 5.5;

/**
 * Share (0-1) of a text's distinct stems that the other set contains; null when the text
 * has none (a choice of everyday words only says nothing either way).
 */
export function overlapShare(stems: readonly string[], other: ReadonlySet<string>): number | null {
  const own = new Set(stems);
  if (own.size === 0) return null;
  let shared = 0;
  for (const s of own) if (other.has(s)) shared++;
  return shared / own.size;
}

/** A count, size or ratio as written: "27x", "64", "5,000", "95%", "24h". */
const QUANTITY = /^\d[\d,.]*(?:x|k|m|h|s|ms|%)?$/;

export function isQuantity(stemmed: string): boolean {
  return QUANTITY.test(stemmed);
}

/**
 * Word-level edit distance between two stem sequences, and whether every word that
 * differs is a quantity (so "3x the load" and "9x the load" differ only in the figure).
 */
export function wordDistance(a: readonly string[], b: readonly string[]): { distance: number; onlyQuantities: boolean } {
  // Standard Levenshtein table; choices are a dozen words at most, so the table is tiny.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + same);
    }
  }
  const onlyA = a.filter((w) => !b.includes(w));
  const onlyB = b.filter((w) => !a.includes(w));
  const differing = [...onlyA, ...onlyB];
  return { distance: d[a.length]![b.length]!, onlyQuantities: differing.length > 0 && differing.every(isQuantity) };
}
