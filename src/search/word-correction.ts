import { editDistance } from './edit-distance.js';
import { nearestEnglish, zipf } from './english-frequency.js';
import { joined, type Word } from './normalize.js';
import { foldDerived, lightStem, stem } from './stem.js';
import { isFraming, STOPWORDS } from './stopwords.js';
import type { Vocabulary } from './vocabulary.js';

/** A query word after correction: `corrected` says it was changed (a guess, so it counts less). */
export interface QueryWord extends Word {
  corrected: boolean;
}

/** When to trust a correction. */
export interface CorrectionOptions {
  /** Words at least this common in English (Zipf) are real words, never corrected. */
  maxZipfToCorrect: number;
  /**
   * Words at least this common are real words too, but may be real-word typos ("circuit
   * braking"): they are corrected only when the fix forms a phrase the bank uses with a
   * neighbouring query word.
   */
  realWordZipf: number;
}

/** Whether the bank, its aliases or its stopwords account for the word as typed. */
export function isFamiliar(word: Word, vocabulary: Vocabulary): boolean {
  const surface = joined(word);
  if (STOPWORDS.has(surface) || isFraming(surface) || vocabulary.isAliasWord(word.surface) || vocabulary.isAliasWord(surface)) return true;
  if (word.parts.every((p) => vocabulary.known(stem(p)) || STOPWORDS.has(p))) return true;
  return vocabulary.known(stem(surface)) || foldDerived(stem(surface), (t) => vocabulary.known(t)) !== null;
}

/**
 * Splits a compound of two words the bank knows, but not as one word, into its parts,
 * so each is matched on its own ("kernel-level" -> "kernel", "level"). A part may also be
 * an abbreviation an alias expands ("cp/dp" -> "cp", "dp"). Compounds the bank or an
 * alias uses ("per-node", "east-west") stay whole, and so do those with an unknown part,
 * which typo correction sees whole ("north-sout").
 */
export function splitUnknownCompounds(words: Word[], vocabulary: Vocabulary, isAliasKey: (word: Word) => boolean): Word[] {
  const out: Word[] = [];
  const knownPart = (p: string): boolean =>
    (p.length >= 3 && !STOPWORDS.has(p) && vocabulary.known(stem(p))) || (p.length >= 2 && isAliasKey({ surface: p, parts: [p] }));
  for (const word of words) {
    // A stopword beside a known word ("vs/authz") is chat shorthand for a phrase: the pair
    // splits, and planning drops the stopword as it would anywhere (and drops "in/out",
    // all stopwords, whole).
    const splittable =
      word.parts.length === 2 &&
      word.parts.every((p) => knownPart(p) || STOPWORDS.has(p)) &&
      word.parts.some(knownPart) &&
      !vocabulary.known(stem(joined(word))) &&
      !isAliasKey(word);
    if (splittable) for (const part of word.parts) out.push({ surface: part, parts: [part] });
    else out.push(word);
  }
  return out;
}

/**
 * Replaces each word the bank has never seen by the closest word it has (a typo fix,
 * then a prefix completion), when one is near and the word is not plainly English.
 */
export function correctWords(words: Word[], vocabulary: Vocabulary, options: CorrectionOptions): QueryWord[] {
  const out: QueryWord[] = words.map((w) => ({ ...w, corrected: false }));
  const pending: number[] = [];
  words.forEach((word, i) => {
    if (isFamiliar(word, vocabulary)) return;
    const surface = joined(word);
    const commonness = Math.max(zipf(surface), zipf(lightStem(surface)));
    if (commonness >= options.maxZipfToCorrect) return;
    // Real words, and 4-letter words (one slip from too many others: "perl", "perf"), need
    // a neighbour to confirm the fix.
    if (commonness >= options.realWordZipf || surface.length === 4) pending.push(i);
    else out[i] = fixed(word, vocabulary) ?? scaffolding(word) ?? misspeltEnglish(word) ?? out[i]!;
  });
  // Second, so their neighbours are already corrected: "circut braking".
  for (const i of pending) {
    const word = words[i]!;
    const fix = fixed(word, vocabulary);
    if (fix && formsBankPhrase(stem(fix.surface), out[i - 1], out[i + 1], vocabulary)) out[i] = fix;
    else out[i] = scaffolding(word) ?? out[i]!;
  }
  return out;
}

/** Stopwords long enough that one slip still identifies them ("shoud", "wich", "thier"). */
const LONG_STOPWORDS = [...STOPWORDS].filter((w) => w.length >= 4 && /^[a-z]+$/.test(w));

/**
 * A misspelt function word: one edit from a stopword of 4+ letters ("wich" is one from
 * "which" and "with": either way no topic). It is read as a stopword, not as unknown jargon.
 */
function scaffolding(word: Word): QueryWord | null {
  const surface = joined(word);
  if (word.parts.length > 1 || surface.length < 4) return null;
  const near = LONG_STOPWORDS.find((s) => editDistance(surface, s, 1) <= 1);
  return near ? { surface: near, parts: [near], corrected: true } : null;
}

/** Shortest word taken for a misspelling of an everyday word: shorter jargon ("redis") has too many neighbours. */
const MIN_ENGLISH_TYPO_LENGTH = 6;

/**
 * A misspelling of an English word the bank does not use ("stratgy"): read as that word,
 * so it weighs as an ordinary word instead of as unknown jargon, which would make the
 * query look off-topic. Not `corrected`: no bank word was guessed.
 */
function misspeltEnglish(word: Word): QueryWord | null {
  const surface = joined(word);
  if (word.parts.length > 1 || surface.length < MIN_ENGLISH_TYPO_LENGTH || zipf(surface) > 0) return null;
  const english = nearestEnglish(surface);
  return english ? { surface: english, parts: [english], corrected: false } : null;
}

function fixed(word: Word, vocabulary: Vocabulary): QueryWord | null {
  const surface = joined(word);
  const fix = vocabulary.correct(surface) ?? vocabulary.complete(surface);
  return fix ? { surface: fix.surface, parts: [fix.surface], corrected: true } : null;
}

function formsBankPhrase(fixed: string, before: Word | undefined, after: Word | undefined, vocabulary: Vocabulary): boolean {
  const left = before ? stem(joined(before)) : null;
  const right = after ? stem(joined(after)) : null;
  return (left !== null && vocabulary.adjacent(left, fixed)) || (right !== null && vocabulary.adjacent(fixed, right));
}
