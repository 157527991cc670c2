import { boundedCache } from '../bounded-cache.js';
import { editDistance } from './edit-distance.js';
import { stem } from './stem.js';

/** A correction of an unknown query word to a word the bank uses. */
export interface Correction {
  surface: string;
  stem: string;
  distance: number;
}

/**
 * What the indexed banks say: how many entries use each stem (for weights and for "is
 * this word known"), and the surface words, bucketed by length, to correct typos against.
 */
export class Vocabulary {
  private readonly docFreq = new Map<string, number>();
  private readonly surfaceStems = new Map<string, string>();
  private byLength: Map<number, string[]> | null = null;
  private sorted: string[] | null = null;
  private readonly aliasWords = new Set<string>();
  private readonly termIds = new Map<string, number>();
  // The vocabulary is fixed once built, so a word's correction never changes; null means none.
  private readonly corrections = boundedCache<string, Correction | 'none'>(10_000);
  private readonly bigrams = new Set<number>();
  private docs = 0;

  /** Records one entry's terms (stems, in text order) and surface words. */
  addDocument(stems: readonly string[], surfaces: Iterable<string>): void {
    this.docs++;
    for (const s of new Set(stems)) this.docFreq.set(s, (this.docFreq.get(s) ?? 0) + 1);
    for (let k = 1; k < stems.length; k++) this.bigrams.add(this.pairKey(stems[k - 1]!, stems[k]!));
    for (const w of surfaces) this.addSurface(w);
  }

  /** Whether some entry has stem `a` directly followed by stem `b` (stopwords skipped). */
  adjacent(a: string, b: string): boolean {
    const ia = this.termIds.get(a);
    const ib = this.termIds.get(b);
    return ia !== undefined && ib !== undefined && this.bigrams.has(ia * 0x200000 + ib);
  }

  // Term ids turn a pair into one number: a set of numbers costs a fraction of a set of strings.
  private pairKey(a: string, b: string): number {
    return this.termId(a) * 0x200000 + this.termId(b);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Adds a word that typos may be corrected to even if no entry uses it (alias words). */
  addSurface(word: string, alias = false): void {
    if (alias) this.aliasWords.add(word);
    if (word.length < 4 || /\d/.test(word) || this.surfaceStems.has(word)) return;
    this.surfaceStems.set(word, stem(word));
    this.byLength = null;
    this.sorted = null;
    this.corrections.clear();
  }

  get documentCount(): number {
    return this.docs;
  }

  /** How many entries contain the stem. */
  documentFrequency(stemmed: string): number {
    return this.docFreq.get(stemmed) ?? 0;
  }

  /** Whether any entry contains the stem. */
  known(stemmed: string): boolean {
    return this.docFreq.has(stemmed);
  }

  /** Whether a surface word is part of an alias phrase. */
  isAliasWord(word: string): boolean {
    return this.aliasWords.has(word);
  }

  /** Inverse document frequency scaled to (0, 1]: 1 for a stem in one entry, small for one in all. */
  idf(stemmed: string): number {
    const df = this.docFreq.get(stemmed) ?? 0;
    const n = Math.max(this.docs, 1);
    return Math.log((n + 1) / (df + 0.5)) / Math.log((n + 1) / 0.5);
  }

  /**
   * The closest known word within 1 edit (5-7 letters) or 2 edits (8+), preferring the
   * word more entries use. A 4-letter word is corrected only when exactly one known word
   * is 1 edit away ("mesj" -> "mesh"); shorter words never are: too many neighbours.
   */
  correct(word: string): Correction | null {
    if (word.length < 4) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached === 'none' ? null : cached;
    const max = word.length >= 8 ? 2 : 1;
    const found = word.length === 4 ? this.onlyNeighbour(word) : (this.closest(word, max) ?? this.closest(stem(word), max));
    this.corrections.set(word, found ?? 'none');
    return found;
  }

  /** The one known word 1 edit from `word` (as a stem: "pods" and "pod" are one), else null. */
  private onlyNeighbour(word: string): Correction | null {
    let found: Correction | null = null;
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      for (const candidate of this.buckets().get(len) ?? []) {
        if (editDistance(word, candidate, 1) > 1) continue;
        const s = this.surfaceStems.get(candidate)!;
        if (!this.docFreq.has(s) && !this.aliasWords.has(candidate)) continue;
        if (found && found.stem !== s) return null;
        if (!found) found = { surface: candidate, stem: s, distance: 1 };
      }
    }
    return found;
  }

  private closest(word: string, max: number): Correction | null {
    const buckets = this.buckets();
    let best: Correction | null = null;
    let bestDf = -1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of buckets.get(len) ?? []) {
        const d = editDistance(word, candidate, max);
        if (d > max) continue;
        const s = this.surfaceStems.get(candidate)!;
        const df = this.docFreq.get(s) ?? 0;
        if (df === 0 && !this.aliasWords.has(candidate)) continue;
        if (!best || d < best.distance || (d === best.distance && df > bestDf)) {
          best = { surface: candidate, stem: s, distance: d };
          bestDf = df;
        }
      }
    }
    return best;
  }

  /** A known word that starts with the given prefix (5+ letters), the most used one first. */
  complete(prefix: string): Correction | null {
    if (prefix.length < 5) return null;
    const sorted = this.sortedSurfaces();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let best: Correction | null = null;
    let bestDf = -1;
    for (let k = lo; k < sorted.length && sorted[k]!.startsWith(prefix); k++) {
      const surface = sorted[k]!;
      const s = this.surfaceStems.get(surface)!;
      const df = this.docFreq.get(s) ?? (this.aliasWords.has(surface) ? 0 : -1);
      if (df > bestDf) {
        best = { surface, stem: s, distance: surface.length - prefix.length };
        bestDf = df;
      }
    }
    return bestDf >= 0 ? best : null;
  }

  private buckets(): Map<number, string[]> {
    if (!this.byLength) {
      this.byLength = new Map();
      // Stems are candidates too, so "timout" meets "timeouts" through "timeout".
      for (const s of this.docFreq.keys()) if (s.length >= 4 && !/\d/.test(s) && !this.surfaceStems.has(s)) this.surfaceStems.set(s, s);
      for (const w of this.surfaceStems.keys()) {
        const list = this.byLength.get(w.length) ?? [];
        list.push(w);
        this.byLength.set(w.length, list);
      }
    }
    return this.byLength;
  }

  private sortedSurfaces(): string[] {
    if (!this.sorted) this.sorted = [...this.surfaceStems.keys()].sort();
    return this.sorted;
  }
}
