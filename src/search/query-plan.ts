import { specificity, zipf, type SpecificityCurve } from './english-frequency.js';
import { joined, splitWords, type Word } from './normalize.js';
import { foldDerived, lightStem, stem } from './stem.js';
import { isFraming, STOPWORDS } from './stopwords.js';
import type { Vocabulary } from './vocabulary.js';
import { correctWords, splitUnknownCompounds, type CorrectionOptions, type QueryWord } from './word-correction.js';
import { synonyms } from './wordnet.js';

/** One way a concept can appear in an entry: all of `terms` (stems), worth `weight` (0-1). */
export interface Alternative {
  terms: string[];
  weight: number;
  via: 'exact' | 'alias' | 'derived' | 'synonym' | 'negated';
}

/** One idea of the query (a word, or a phrase an alias names) and the ways it may appear. */
export interface Concept {
  text: string;
  /** How much this concept counts towards coverage: specific, rare words count most. */
  weight: number;
  /** Whether the words themselves (or their aliases) use a term the index knows; synonyms do not count. */
  known: boolean;
  /** Whether the words were corrected (typo or completion) before planning. */
  corrected: boolean;
  /**
   * Whether the words are foreign both to the bank and to everyday English, and not a
   * number: another product's jargon ("nginx", "hpa", "goroutine"). Left unmatched, such a
   * word says the query is about something else more strongly than an ordinary word does.
   */
  foreign: boolean;
  alternatives: Alternative[];
}

export interface QueryPlan {
  concepts: Concept[];
  /** Every term to search for, with the largest boost any concept gives it. */
  termBoosts: Map<string, number>;
}

/**
 * The idea a concept stands for, as a key: the stems it is searched as (its first
 * alternative: the words themselves, or the "-less" word of a negation). A word said twice
 * is one idea; learned evidence is keyed by it too.
 */
export function ideaKey(concept: Concept): string {
  return concept.alternatives[0]?.terms.join(' ') ?? concept.text;
}

/** Alias phrases keyed by the stems of their words, so "circuit breakers" finds "circuit breaker". */
export type AliasTable = Map<string, string[][]>;

export interface PlanOptions extends CorrectionOptions {
  /** Longest alias phrase, in words. */
  maxAliasWords: number;
  aliasWeight: number;
  derivedWeight: number;
  /** Weight of a WordNet synonym of a word the bank does not use (0 turns synonyms off). */
  synonymWeight: number;
  /** How many of a word's commonest WordNet senses give synonyms. */
  synonymSenses: number;
  /** Words (and synonyms) at least this common in English (Zipf) have too many senses to trust a synonym. */
  synonymMaxZipf: number;
  /** Weight of a word itself after a negation ("no sidecar") when its "-less" form matched. */
  negatedWordWeight: number;
  /** Weight of a concept whose word was corrected (typo or prefix completion). */
  correctedWeight: number;
  /** How everyday English words are discounted. */
  everyday: SpecificityCurve;
  /** How much of the everyday discount applies to words the bank does use (0-1). */
  knownEverydayDiscount: number;
  /** Least weight a bank word keeps however many entries use it, before the everyday discount (0-1). */
  idfFloor: number;
}

/** A count, size or ratio as typed: "5000", "2.5", "27x", "10k", "200ms". */
const QUANTITY = /^\d+(?:\.\d+)?(?:x|k|m|g|kb|mb|gb|ms|s|rps|qps)?$/;

/** Words that make the next word absent: "no sidecar", "without sidecars" mean "sidecarless". */
const NEGATIONS = new Set(['no', 'without', 'non', 'zero']);

/** Stems of a phrase's content words (stopwords dropped); compounds give their parts. */
export function phraseStems(words: Word[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.parts.length === 1 && STOPWORDS.has(w.surface)) continue;
    for (const part of w.parts) out.push(stem(part));
  }
  return out;
}

/**
 * The key an alias phrase is filed under: its words' inflection stems, stopwords
 * included ("circuit breakers" meets "circuit breaker", "permissive" not "permissions").
 */
export function aliasKey(words: Word[]): string {
  return words.map((w) => w.parts.map(lightStem).join('-')).join(' ');
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
 * completion), then alias phrases are matched (longest first), negations fold into
 * "-less" words, then each remaining content word becomes a concept, with its derived
 * base form if the bank lacks it, and WordNet synonyms if the bank lacks the word.
 */
export function planQuery(query: string, vocabulary: Vocabulary, aliases: AliasTable, options: PlanOptions): QueryPlan {
  const isAlias = (w: Word): boolean => aliases.has(aliasKey([w])) || aliases.has(lightStem(joined(w)));
  const words = correctWords(splitUnknownCompounds(splitWords(query), vocabulary, isAlias), vocabulary, options);
  const concepts: Concept[] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = matchAlias(words, i, aliases, options);
    if (phrase) {
      concepts.push(makeConcept(phrase.words, phrase.alternatives, vocabulary, options));
      i += phrase.words.length;
      continue;
    }
    const word = words[i]!;
    const negated = NEGATIONS.has(word.surface) ? negation(word, words[i + 1], vocabulary, aliases, options) : null;
    if (negated) {
      concepts.push(negated);
      i += 2;
      continue;
    }
    i++;
    if (word.parts.every((p) => STOPWORDS.has(p))) continue;
    concepts.push(makeConcept([word], wordAlternatives(word, vocabulary, aliases, options), vocabulary, options));
  }
  dropEchoedSynonyms(concepts);
  return { concepts, termBoosts: termBoosts(concepts) };
}

/**
 * A synonym that only repeats another word of the same query is no new evidence: in
 * "tracing paper for drawing", "drawing" -> "trace" would let one passing mention of
 * "traces" count for two of the query's ideas. Such synonym alternatives are dropped.
 */
function dropEchoedSynonyms(concepts: Concept[]): void {
  concepts.forEach((concept, k) => {
    const others = new Set(
      concepts.flatMap((other, j) => (j === k ? [] : other.alternatives.filter((a) => a.via !== 'synonym').flatMap((a) => a.terms))),
    );
    concept.alternatives = concept.alternatives.filter((a) => a.via !== 'synonym' || !a.terms.every((t) => others.has(t)));
  });
}

function termBoosts(concepts: Concept[]): Map<string, number> {
  const boosts = new Map<string, number>();
  for (const concept of concepts) {
    for (const alt of concept.alternatives) {
      for (const term of alt.terms) {
        const boost = concept.weight * alt.weight;
        if (boost > (boosts.get(term) ?? 0)) boosts.set(term, boost);
      }
    }
  }
  return boosts;
}

/** Object pronouns that split a phrasal verb: "roll it back", "ease them in". */
const SPLITTING_PRONOUNS = new Set(['it', 'them', 'this', 'that', 'everything']);

/**
 * The longest alias phrase starting at word `i`, with its alternatives. A phrasal verb
 * split by an object pronoun ("back it out") matches the phrase without it ("back out").
 */
function matchAlias(words: QueryWord[], i: number, aliases: AliasTable, options: PlanOptions): { words: QueryWord[]; alternatives: Alternative[] } | null {
  for (let n = Math.min(options.maxAliasWords, words.length - i); n >= 1; n--) {
    const slice = words.slice(i, i + n);
    const unsplit = n === 3 && SPLITTING_PRONOUNS.has(slice[1]!.surface) ? [slice[0]!, slice[2]!] : null;
    const expansions =
      aliases.get(aliasKey(slice)) ??
      (unsplit ? aliases.get(aliasKey(unsplit)) : undefined) ??
      (n === 1 ? aliases.get(lightStem(joined(slice[0]!))) : undefined);
    if (!expansions) continue;
    const own = phraseStems(slice);
    const alternatives: Alternative[] = [];
    if (own.length > 0) alternatives.push({ terms: own, weight: 1, via: 'exact' });
    for (const terms of expansions) alternatives.push({ terms, weight: options.aliasWeight, via: 'alias' });
    return { words: slice, alternatives };
  }
  return null;
}

/** "no sidecar" -> the concept "sidecarless", when the bank or an alias knows that word. */
function negation(neg: QueryWord, next: QueryWord | undefined, vocabulary: Vocabulary, aliases: AliasTable, options: PlanOptions): Concept | null {
  if (!next || next.parts.length > 1 || STOPWORDS.has(next.surface)) return null;
  const less = `${lightStem(next.surface)}less`;
  const lessWord: Word = { surface: less, parts: [less] };
  const expansions = aliases.get(aliasKey([lessWord])) ?? [];
  if (!vocabulary.known(stem(less)) && expansions.length === 0) return null;
  const alternatives: Alternative[] = [
    { terms: [stem(less)], weight: 1, via: 'negated' },
    ...expansions.map((terms) => ({ terms, weight: options.aliasWeight, via: 'alias' as const })),
    { terms: [stem(next.surface)], weight: options.negatedWordWeight, via: 'negated' },
  ];
  return makeConcept([neg, next], alternatives, vocabulary, options);
}

function wordAlternatives(word: Word, vocabulary: Vocabulary, aliases: AliasTable, options: PlanOptions): Alternative[] {
  const alternatives: Alternative[] = [{ terms: word.parts.map(stem), weight: 1, via: 'exact' }];
  if (word.parts.length > 1) alternatives.push({ terms: [stem(joined(word))], weight: 1, via: 'exact' });
  if (alternatives.some((a) => a.terms.every((t) => vocabulary.known(t)))) return alternatives;
  const base = foldDerived(stem(joined(word)), (t) => vocabulary.known(t));
  if (base) alternatives.push({ terms: [base], weight: options.derivedWeight, via: 'derived' });
  else alternatives.push(...synonymAlternatives(joined(word), vocabulary, aliases, options));
  return alternatives;
}

/** WordNet synonyms of a word the bank lacks, kept only where the bank (or an alias) has them. */
function synonymAlternatives(word: string, vocabulary: Vocabulary, aliases: AliasTable, options: PlanOptions): Alternative[] {
  if (options.synonymWeight <= 0 || word.length < 3 || zipf(word) >= options.synonymMaxZipf) return [];
  const out: Alternative[] = [];
  for (const lemma of synonyms(word, options.synonymSenses)) {
    if (zipf(lemma) >= options.synonymMaxZipf) continue;
    const lemmaWords = splitWords(lemma);
    const terms = phraseStems(lemmaWords);
    if (terms.length > 0 && terms.every((t) => vocabulary.known(t))) out.push({ terms, weight: options.synonymWeight, via: 'synonym' });
    for (const expansion of aliases.get(aliasKey(lemmaWords)) ?? []) {
      out.push({ terms: expansion, weight: options.synonymWeight * options.aliasWeight, via: 'synonym' });
    }
  }
  return out;
}

function makeConcept(words: QueryWord[], alternatives: Alternative[], vocabulary: Vocabulary, options: PlanOptions): Concept {
  const knownTerms = alternatives.filter((a) => a.via !== 'synonym').flatMap((a) => a.terms).filter((t) => vocabulary.known(t));
  const known = knownTerms.length > 0;
  // A number the bank never uses ("5000 pods", "27x", "5%") is a quantity, not a topic.
  const quantity = !known && words.every((w) => QUANTITY.test(joined(w)));
  // Scaffolding ("strategy", "tips") says what kind of answer is wanted, framing ("we want",
  // "can someone") how a person talks: either weighs as little as an everyday word, even
  // when the bank uses it in another sense.
  const scaffolding = words.every((w) => isFraming(joined(w)));
  const spec = quantity || scaffolding ? options.everyday.floor : Math.max(...words.map((w) => specificity(joined(w), options.everyday)));
  const idf = known ? Math.max(...knownTerms.map((t) => vocabulary.idf(t))) : 1;
  // The bank's own words are weighed mostly by how rare they are in the bank; words it
  // never uses only by how everyday they are (jargon it lacks signals an off-topic query).
  const everyday = known && !scaffolding ? 1 - options.knownEverydayDiscount * (1 - spec) : spec;
  const corrected = words.some((w) => w.corrected);
  const foreign = !known && !corrected && !quantity && !scaffolding && words.every((w) => zipf(joined(w)) === 0);
  // A corrected word may be a wrong guess: it counts for less when it matches.
  const scale = corrected ? options.correctedWeight : 1;
  return {
    text: words.map((w) => w.surface).join(' '),
    weight: everyday * (options.idfFloor + (1 - options.idfFloor) * idf),
    known,
    corrected,
    foreign,
    alternatives: alternatives.map((a) => ({ ...a, weight: a.weight * scale })),
  };
}
