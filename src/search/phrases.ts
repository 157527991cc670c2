import { boundedCache } from '../bounded-cache.js';
import type { Entry } from '../bank/types.js';
import { indexTokens } from './normalize.js';
import type { Concept } from './query-plan.js';
import { stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';

/** Most entries whose word pairs are kept at once; a large bank recomputes the rest on demand. */
const CACHE_LIMIT = 2_000;

/**
 * Which word pairs each entry has, so ranking can prefer the entry where the query's
 * words stand together ("without a mesh") over one where they are pages apart.
 * Computed on first use for the few top candidates only, and cached with a bound.
 */
export class EntryPhrases {
  private readonly cache = boundedCache<string, Set<string>>(CACHE_LIMIT);

  /** Share of the query's neighbouring concept pairs that the entry has side by side (0-1). */
  pairShare(entry: Entry, concepts: readonly Concept[]): number {
    if (concepts.length < 2) return 0;
    const pairs = this.pairsOf(entry);
    let matched = 0;
    for (let k = 1; k < concepts.length; k++) {
      if (adjacentIn(pairs, concepts[k - 1]!, concepts[k]!)) matched++;
    }
    return matched / (concepts.length - 1);
  }

  private pairsOf(entry: Entry): Set<string> {
    let pairs = this.cache.get(entry.id);
    if (!pairs) {
      pairs = new Set();
      for (const text of [entry.title, entry.question, ...entry.keywords, entry.answerText]) {
        const stems = indexTokens(text).filter((t) => !STOPWORDS.has(t)).map(stem);
        for (let k = 1; k < stems.length; k++) pairs.add(`${stems[k - 1]} ${stems[k]}`);
      }
      this.cache.set(entry.id, pairs);
    }
    return pairs;
  }
}

function adjacentIn(pairs: Set<string>, left: Concept, right: Concept): boolean {
  for (const a of left.alternatives) {
    const last = a.terms[a.terms.length - 1];
    for (const b of right.alternatives) {
      if (pairs.has(`${last} ${b.terms[0]}`)) return true;
    }
  }
  return false;
}
