import { boundedCache } from '../bounded-cache.js';
import { stemmer } from 'stemmer';

const cache = boundedCache<string, string>(100_000);

/** Porter stem of one lowercase token (memoised: the same words recur in every query). */
export function stem(token: string): string {
  let out = cache.get(token);
  if (out === undefined) {
    out = /\d/.test(token) || token.length <= 3 ? token : stemmer(token);
    cache.set(token, out);
  }
  return out;
}

/** Derivational endings Porter keeps ("breaker", "ownership", "explicitly") that usually mean the base word. */
const DERIVED = ['ers', 'er', 'or', 'ship', 'ment', 'ness', 'ful', 'li'];

/** Prefixes that repeat or undo the base word's action ("rerouting", "resends"). */
const PREFIXES = ['re'];

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
  for (const prefix of PREFIXES) {
    if (stemmed.length - prefix.length < 4 || !stemmed.startsWith(prefix)) continue;
    const base = stemmed.slice(prefix.length);
    if (known(base)) return base;
  }
  return null;
}

/**
 * Inflection-only stem for matching alias phrases: plurals and -ing/-ed forms meet
 * their base ("retrying", "retries" -> "retry"; "throttling", "throttle" -> "throttl"),
 * but derivations stay apart, unlike Porter's ("permissive" is not "permissions").
 */
export function lightStem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let w = token;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let inflected = false;
  if (w.endsWith('ing') && w.length >= 6) {
    w = w.slice(0, -3);
    inflected = true;
  } else if (w.endsWith('ed') && w.length >= 5) {
    w = w.slice(0, -2);
    inflected = true;
  }
  if (inflected) {
    if (w.endsWith('i')) w = `${w.slice(0, -1)}y`;
    else if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}
