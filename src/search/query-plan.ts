import { specificity, zipf, type SpecificityCurve } from './english-frequency.js';
import { joined, splitWords, type Word } from './normalize.js';
import { foldDerived, stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';
import type { Vocabulary } from './vocabulary.js';

/** One way a concept can appear in an entry: all of `terms` (stems), worth `weight` (0-1). */
export interface Alternative {
  terms: string[];
  weight: number;
  via: 'exact' | 'alias' | 'derived';
}

/** One idea of the query (a word, or a phrase an alias names) and the ways it may appear. */
export interface Concept {
  text: string;
  /** How much this concept counts towards coverage: specific, rare words count most. */
  weight: number;
  /** Whether any alternative uses a term the index knows. */
  known: boolean;
  /** Whether the words were corrected (typo or completion) before planning. */
  corrected: boolean;
  alternatives: Alternative[];
}

export interface QueryPlan {
  concepts: Concept[];
  /** Every term to search for, with the largest boost any concept gives it. */
  termBoosts: Map<string, number>;
}

/** Alias phrases keyed by the stems of their words, so "circuit breakers" finds "circuit breaker". */
export type AliasTable = Map<string, string[][]>;

export interface PlanOptions {
  /** Longest alias phrase, in words. */
  maxAliasWords: number;
  aliasWeight: number;
  derivedWeight: number;
  /** Weight of a concept whose word was corrected (typo or prefix completion). */
  correctedWeight: number;
  /** Words at least this common in English (Zipf) are real words, not typos: never corrected. */
  maxZipfToCorrect: number;
  /** How everyday English words are discounted. */
  everyday: SpecificityCurve;
  /** How much of the everyday discount applies to words the bank does use (0-1). */
  knownEverydayDiscount: number;
}

interface QueryWord extends Word {
  corrected: boolean;
}

/** Stems of a phrase's content words (stopwords dropped); compounds give their parts. */
export function phraseStems(words: Word[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.parts.length === 1 && STOPWORDS.has(w.surface)) continue;
    for (const part of w.parts) out.push(stem(part));
  }
  return out;
}

/** The key an alias phrase is filed under: the stems of all its words, stopwords included. */
export function aliasKey(words: Word[]): string {
  return words.map((w) => w.parts.map(stem).join('-')).join(' ');
}

/** Builds the alias table from phrase -> expansions records (general list, then each bank's). */
export function buildAliasTable(...sources: Readonly<Record<string, readonly string[]>>[]): AliasTable {
  const table: AliasTable = new Map();
  for (const source of sources) {
    for (const [phrase, expansions] of Object.entries(source)) {
      const key = aliasKey(splitWords(phrase));
      const list = table.get(key) ?? [];
      for (const expansion of expansions) {
        const terms = phraseStems(splitWords(expansion));
        if (terms.length > 0 && !list.some((t) => t.join(' ') === terms.join(' '))) list.push(terms);
      }
      table.set(key, list);
    }
  }
  return table;
}

/**
 * Turns a query into concepts: unknown words are corrected first (typo, then prefix
 * completion), then alias phrases are matched (longest first), then each remaining
 * content word becomes a concept, with its derived base form if the bank lacks it.
 */
export function planQuery(query: string, vocabulary: Vocabulary, aliases: AliasTable, options: PlanOptions): QueryPlan {
  const words = splitWords(query).map((w) => correctWord(w, vocabulary, options));
  const concepts: Concept[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(options.maxAliasWords, words.length - i); n >= 1; n--) {
      const slice = words.slice(i, i + n);
      const expansions = aliases.get(aliasKey(slice));
      if (!expansions) continue;
      const own = phraseStems(slice);
      const alternatives: Alternative[] = [];
      if (own.length > 0) alternatives.push({ terms: own, weight: 1, via: 'exact' });
      for (const terms of expansions) alternatives.push({ terms, weight: options.aliasWeight, via: 'alias' });
      concepts.push(makeConcept(slice, alternatives, vocabulary, options));
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    const word = words[i]!;
    i++;
    if (word.parts.length === 1 && STOPWORDS.has(word.surface)) continue;
    concepts.push(makeConcept([word], wordAlternatives(word, vocabulary, options), vocabulary, options));
  }
  const termBoosts = new Map<string, number>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) {
        const boost = concept.weight * alt.weight;
        if (boost > (termBoosts.get(term) ?? 0)) termBoosts.set(term, boost);
      }
    }
  }
  return { concepts, termBoosts };
}

function isFamiliar(word: Word, vocabulary: Vocabulary): boolean {
  const surface = joined(word);
  if (STOPWORDS.has(surface) || vocabulary.isAliasWord(word.surface) || vocabulary.isAliasWord(surface)) return true;
  if (word.parts.every((p) => vocabulary.known(stem(p)) || STOPWORDS.has(p))) return true;
  return vocabulary.known(stem(surface)) || foldDerived(stem(surface), (t) => vocabulary.known(t)) !== null;
}

/** Replaces a word the bank has never seen by the closest word it has, if one is near. */
function correctWord(word: Word, vocabulary: Vocabulary, options: PlanOptions): QueryWord {
  if (isFamiliar(word, vocabulary)) return { ...word, corrected: false };
  const surface = joined(word);
  if (zipf(surface) >= options.maxZipfToCorrect) return { ...word, corrected: false };
  const fix = vocabulary.correct(surface) ?? vocabulary.complete(surface);
  if (!fix) return { ...word, corrected: false };
  return { surface: fix.surface, parts: [fix.surface], corrected: true };
}

function wordAlternatives(word: Word, vocabulary: Vocabulary, options: PlanOptions): Alternative[] {
  const alternatives: Alternative[] = [{ terms: word.parts.map(stem), weight: 1, via: 'exact' }];
  if (word.parts.length > 1) alternatives.push({ terms: [stem(joined(word))], weight: 1, via: 'exact' });
  if (alternatives.some((a) => a.terms.every((t) => vocabulary.known(t)))) return alternatives;
  const base = foldDerived(stem(joined(word)), (t) => vocabulary.known(t));
  if (base) alternatives.push({ terms: [base], weight: options.derivedWeight, via: 'derived' });
  return alternatives;
}

function makeConcept(words: QueryWord[], alternatives: Alternative[], vocabulary: Vocabulary, options: PlanOptions): Concept {
  const knownTerms = alternatives.flatMap((a) => a.terms).filter((t) => vocabulary.known(t));
  const spec = Math.max(...words.map((w) => specificity(joined(w), options.everyday)));
  const known = knownTerms.length > 0;
  const idf = known ? Math.max(...knownTerms.map((t) => vocabulary.idf(t))) : 1;
  // The bank's own words are weighed mostly by how rare they are in the bank; words it
  // never uses only by how everyday they are (jargon it lacks signals an off-topic query).
  const everyday = known ? 1 - options.knownEverydayDiscount * (1 - spec) : spec;
  const corrected = words.some((w) => w.corrected);
  // A corrected word may be a wrong guess: it counts for less when it matches.
  const scale = corrected ? options.correctedWeight : 1;
  return {
    text: words.map((w) => w.surface).join(' '),
    weight: everyday * (0.3 + 0.7 * idf),
    known,
    corrected,
    alternatives: alternatives.map((a) => ({ ...a, weight: a.weight * scale })),
  };
}
