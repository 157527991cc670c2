import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of one lowercase token (memoised: the same words recur in every query). */
export function stem(token: string): string {
  let out = cache.get(token);
  if (out === undefined) {
    out = /\d/.test(token) || token.length <= 3 ? token : stemmer(token);
    if (cache.size < 100_000) cache.set(token, out);
  }
  return out;
}

/** Derivational endings Porter keeps ("breaker", "ownership") that usually mean the base word. */
const DERIVED = ['ers', 'er', 'or', 'ship', 'ment', 'ness', 'ful'];

/**
 * For a stem the index does not know, the base it probably derives from, if the index
 * knows that base: "breaker" -> "break", "ownership" -> "own". Vocabulary-checked so
 * it never invents a term.
 */
export function foldDerived(stemmed: string, known: (term: string) => boolean): string | null {
  for (const suffix of DERIVED) {
    if (stemmed.length - suffix.length < 3 || !stemmed.endsWith(suffix)) continue;
    const base = stemmed.slice(0, -suffix.length);
    if (known(base)) return base;
    const restemmed = stem(base);
    if (known(restemmed)) return restemmed;
  }
  return null;
}
