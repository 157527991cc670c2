import type { LRUCache } from 'lru-cache';
import { boundedCache } from '../bounded-cache.js';
import type { SearchResult } from 'minisearch';
import type { Bank, Entry } from '../bank/types.js';
import { buildLearnedHints, DEFAULT_LEARNING_OPTIONS, LearnedHints, type Evidence, type IdeaWeights, type LearnedMatch, type LearnedPhrasing, type LearningOptions } from './learned-evidence.js';
import { applyLearned, planIdeas, type RankedHit } from './learned-ranking.js';
import { splitWords } from './normalize.js';
import { ideaKey, planQuery, type Concept, type PlanOptions, type QueryPlan } from './query-plan.js';
import { buildSearchIndex, buildSearchIndexInSlices, type Field, type SearchIndex } from './search-index.js';

export interface LookupOptions {
  plan: PlanOptions;
  /** How much a match in each field counts in MiniSearch's BM25 score. */
  fieldBoosts: Record<Field, number>;
  /** Credit for a concept found only in the answer text, relative to one in the title or question. */
  answerOnlyCredit: number;
  /** How strongly ranking prefers entries that cover more of the query. */
  coverageExponent: number;
  /** Score bonus for an entry with all the query's neighbouring words side by side (scaled by the share that are). */
  phraseBonus: number;
  /** How many of the best candidates are checked for phrases. */
  phraseCandidates: number;
  /**
   * How much the weight of a query concept the best entry lacks counts against confidence,
   * by what the concept is: one the bank uses elsewhere still says the query is about this
   * bank (a paraphrase, or a question spanning entries), so it counts less than an ordinary
   * word the bank never uses (1); another product's jargon counts more.
   */
  missWeights: Readonly<{ known: number; foreign: number }>;
  /** Least confidence (covered weight against covered plus weighted missing) to give the best entry as the answer. */
  minConfidence: number;
  /**
   * A lower bar for a best entry that names several of the query's ideas in its title,
   * question or keywords: a long question typed into a channel rarely has all its words
   * in one entry, but an off-topic one almost never has three of them named by one entry
   * (docs/design.md, "Lookup"). "Not helpful" votes lower confidence below either bar.
   */
  corroboration: Readonly<{ ideas: number; minConfidence: number }>;
  /** Related entries must score at least this share of the best entry's score. */
  relatedRatio: number;
  maxRelated: number;
  maxHits: number;
  /** How many recent queries keep their results (teams ask the same things); 0 turns caching off. */
  cacheSize: number;
  /** How people's picks count in ranking and in the decision to answer (see learned-evidence.ts). */
  learning: LearningOptions;
}

/** The one defaults object; `createLookup` merges overrides into it and rejects unknown keys. */
export const DEFAULT_LOOKUP_OPTIONS: Readonly<LookupOptions> = Object.freeze({
  plan: Object.freeze({
    maxAliasWords: 8,
    aliasWeight: 0.9,
    derivedWeight: 0.9,
    synonymWeight: 0.6,
    synonymSenses: 3,
    synonymMaxZipf: 4.5,
    negatedWordWeight: 0.5,
    correctedWeight: 0.85,
    maxZipfToCorrect: 3.5,
    realWordZipf: 2,
    everyday: Object.freeze({ fullBelow: 2.5, floorAbove: 5.5, floor: 0.2 }),
    knownEverydayDiscount: 0.3,
    idfFloor: 0.3,
  }),
  fieldBoosts: Object.freeze({ title: 3, question: 2.5, keywords: 2, answer: 1 }),
  answerOnlyCredit: 0.8,
  coverageExponent: 4,
  phraseBonus: 0.5,
  phraseCandidates: 8,
  missWeights: Object.freeze({ known: 0.75, foreign: 1.5 }),
  minConfidence: 0.5,
  corroboration: Object.freeze({ ideas: 3, minConfidence: 0.4 }),
  relatedRatio: 0.35,
  maxRelated: 2,
  maxHits: 5,
  cacheSize: 1000,
  learning: DEFAULT_LEARNING_OPTIONS,
});

export interface Hit {
  entry: Entry;
  /** Ranking score: relevance times coverage (comparable within one query only). */
  score: number;
  /** Weighted share of the query's concepts this entry covers, 0-1. */
  coverage: number;
}

export interface LookupResult {
  query: string;
  /** Whether the best hit is good enough to give as the answer. */
  answered: boolean;
  /**
   * How sure the best hit answers the query, 0-1 (0 when nothing matched): its covered
   * concept weight against that plus the weight it misses, weighted by `missWeights`.
   */
  confidence: number;
  /** Ranked hits, best first (also when not answered: they are the closest topics). */
  hits: Hit[];
  /** Entries worth offering beside the answer. */
  related: Hit[];
  /**
   * Set when the query names a question number that several banks have ("q7" with two
   * banks): `hits` are those entries, and none is the answer.
   */
  ambiguous?: boolean;
  /** Learned credit applied to the best hit (-1..1): 0 when people's picks played no part in it. */
  learned: number;
}

/** What a lookup holds after taking learned evidence. */
export interface LearnedSummary {
  /** Evidence rows given. */
  evidence: number;
  /** Distinct phrasing and entry pairs among them (before the distinct-people rule). */
  phrasings: number;
}

/** How one search is scoped. */
export interface SearchScope {
  /**
   * Slugs of the banks to rank first (a channel's own banks), or null for no preference.
   * Every bank is still searched: an answer from another bank beats no answer.
   */
  preferBanks: ReadonlySet<string> | null;
  /** False: the bank's words alone, without people's picks (default true). */
  learned?: boolean;
}

export interface Lookup {
  /**
   * Finds the entry that answers a query, or says honestly that none does. People's
   * picks taken by `useLearned` count unless the scope says `learned: false`.
   */
  search(query: string, scope?: Partial<SearchScope>): LookupResult;
  /**
   * Replaces the learned evidence (people's picks, from the store) that searches use from
   * now on; ages are taken at `nowMs`. Evidence for entries no loaded bank has is dropped.
   */
  useLearned(evidence: readonly Evidence[], nowMs: number): LearnedSummary;
  /** Phrasings people used for entries that the bank's words alone do not answer with them, strongest first. */
  learnedPhrasings(): LearnedPhrasing[];
  /** Entries whose title or question contains the typed text, for autocomplete. */
  suggest(prefix: string, limit: number): Entry[];
  readonly entryCount: number;
}

const STRONG_FIELDS = new Set<string>(['title', 'question', 'keywords']);
const DIRECT_REF = /^(?:([a-z0-9-]+)[ -])?q?(\d{1,3})$/;

/** Builds the lookup over the banks. Option errors name the option, as MiniSearch does. */
export function createLookup(banks: readonly Bank[], overrides: Partial<LookupOptions> = {}): Lookup {
  const options = mergeOptions(overrides);
  return lookupOver(buildSearchIndex(banks), options, banks);
}

/**
 * Entries indexed between two pauses of a sliced build: about 0.25 ms each on a 10,000-entry
 * bank, so a lookup waits for at most about 10 ms of indexing (measured by `npm run bench`).
 */
const INDEX_SLICE = 40;

/**
 * Builds the same lookup a slice of entries at a time, awaiting `pause` between slices:
 * for reloads while the bot serves lookups from the previous version (a 10,000-entry
 * bank takes seconds to index; docs/design.md, "Curriculum").
 */
export async function createLookupInSlices(banks: readonly Bank[], pause: () => Promise<void>, overrides: Partial<LookupOptions> = {}, slice = INDEX_SLICE): Promise<Lookup> {
  const options = mergeOptions(overrides);
  return lookupOver(await buildSearchIndexInSlices(banks, slice, pause), options, banks);
}

function mergeOptions(overrides: Partial<LookupOptions>): LookupOptions {
  rejectUnknownKeys(overrides, DEFAULT_LOOKUP_OPTIONS, '');
  rejectUnknownKeys(overrides.plan ?? {}, DEFAULT_LOOKUP_OPTIONS.plan, 'plan.');
  rejectUnknownKeys(overrides.fieldBoosts ?? {}, DEFAULT_LOOKUP_OPTIONS.fieldBoosts, 'fieldBoosts.');
  rejectUnknownKeys(overrides.missWeights ?? {}, DEFAULT_LOOKUP_OPTIONS.missWeights, 'missWeights.');
  rejectUnknownKeys(overrides.corroboration ?? {}, DEFAULT_LOOKUP_OPTIONS.corroboration, 'corroboration.');
  rejectUnknownKeys(overrides.learning ?? {}, DEFAULT_LOOKUP_OPTIONS.learning, 'learning.');
  return {
    ...DEFAULT_LOOKUP_OPTIONS,
    ...overrides,
    plan: { ...DEFAULT_LOOKUP_OPTIONS.plan, ...overrides.plan },
    fieldBoosts: { ...DEFAULT_LOOKUP_OPTIONS.fieldBoosts, ...overrides.fieldBoosts },
    missWeights: { ...DEFAULT_LOOKUP_OPTIONS.missWeights, ...overrides.missWeights },
    corroboration: { ...DEFAULT_LOOKUP_OPTIONS.corroboration, ...overrides.corroboration },
    learning: { ...DEFAULT_LOOKUP_OPTIONS.learning, ...overrides.learning },
  };
}

function lookupOver(index: SearchIndex, options: LookupOptions, banks: readonly Bank[]): Lookup {
  const cache = new ResultCache(options.cacheSize);
  // Swapped whole by useLearned: a search sees one set of hints from start to end.
  let hints = LearnedHints.EMPTY;
  // Stored queries repeat across refreshes: plan each once (planning may read WordNet).
  const ideasCache = boundedCache<string, IdeaWeights>(20_000);
  const ideasOf = (query: string): IdeaWeights => {
    const key = query.trim().toLowerCase().replace(/\s+/g, ' ');
    let ideas = ideasCache.get(key);
    if (!ideas) {
      ideas = planIdeas(planQuery(key, index.vocabulary, index.aliases, options.plan));
      ideasCache.set(key, ideas);
    }
    return ideas;
  };
  const cachedSearch = (query: string, scope?: Partial<SearchScope>): LookupResult => {
    const prefer = scope?.preferBanks ?? null;
    // With one bank, or a preference for every bank, ranking is the plain one: share its cache entries.
    const effective = prefer && banks.some((b) => !prefer.has(b.slug)) ? prefer : null;
    if (scope?.learned === false) return search(index, options, banks, query, effective, LearnedHints.EMPTY);
    const key = `${effective ? [...effective].sort().join(',') : ''}|${query.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const hit = cache.get(key);
    if (hit) return hit.query === query ? hit : { ...hit, query };
    const result = search(index, options, banks, query, effective, hints);
    cache.set(key, result);
    return result;
  };
  const titles = [...index.entries.values()].map((e) => ({ entry: e, text: `${e.title} ${e.question}`.toLowerCase() }));
  return {
    entryCount: index.entries.size,
    search: cachedSearch,
    suggest: (prefix, limit) => {
      const text = prefix.trim().toLowerCase();
      if (text === '') return titles.slice(0, limit).map((t) => t.entry);
      const direct = titles.filter((t) => t.text.includes(text)).map((t) => t.entry);
      if (direct.length >= limit) return direct.slice(0, limit);
      const ranked = search(index, options, banks, prefix, null, LearnedHints.EMPTY).hits.map((h) => h.entry);
      return [...new Set([...direct, ...ranked])].slice(0, limit);
    },
    useLearned: (evidence, nowMs) => {
      hints = buildLearnedHints(evidence, nowMs, ideasOf, (id) => index.entries.has(id), options.learning);
      // Cached results were ranked with the old hints.
      cache.clear();
      return { evidence: evidence.length, phrasings: hints.size };
    },
    learnedPhrasings: () =>
      hints.phrasingsLearned((text) => {
        const result = search(index, options, banks, text, null, LearnedHints.EMPTY);
        return result.answered ? (result.hits[0]?.entry.id ?? null) : null;
      }),
  };
}

/**
 * Least-recently-used results by normalised query (and preferred banks). A reload builds a
 * new lookup with a new cache, and new learned evidence clears it, so a cached result never
 * outlives what it was ranked with. Results are frozen: callers share them.
 */
class ResultCache {
  private readonly lru: LRUCache<string, LookupResult> | null;

  constructor(size: number) {
    this.lru = size > 0 ? boundedCache(size) : null;
  }

  get(key: string): LookupResult | undefined {
    return this.lru?.get(key);
  }

  set(key: string, result: LookupResult): void {
    this.lru?.set(key, Object.freeze(result));
  }

  clear(): void {
    this.lru?.clear();
  }
}

function rejectUnknownKeys(given: object, defaults: object, prefix: string): void {
  for (const key of Object.keys(given)) {
    if (!(key in defaults)) throw new Error(`createLookup: unknown option "${prefix}${key}"`);
  }
}

function search(index: SearchIndex, options: LookupOptions, banks: readonly Bank[], query: string, prefer: ReadonlySet<string> | null, hints: LearnedHints): LookupResult {
  const direct = directReference(index, banks, query, prefer);
  if (direct.length === 1) return { query, answered: true, confidence: 1, hits: [{ entry: direct[0]!, score: 1, coverage: 1 }], related: [], learned: 0 };
  if (direct.length > 1) return { query, answered: false, confidence: 0, hits: direct.map((entry) => ({ entry, score: 1, coverage: 1 })), related: [], ambiguous: true, learned: 0 };

  const plan = planQuery(query, index.vocabulary, index.aliases, options.plan);
  if (plan.termBoosts.size === 0) return { query, answered: false, confidence: 0, hits: [], related: [], learned: 0 };
  const results = index.mini.search(
    { combineWith: 'OR', queries: [...plan.termBoosts.keys()].map((term) => ({ queries: [term], fields: index.fieldsFor(term) })) },
    { boost: options.fieldBoosts, boostTerm: (term) => plan.termBoosts.get(term) ?? 1 },
  );
  const totalWeight = plan.concepts.reduce((sum, c) => sum + c.weight, 0);
  const firsts = firstOfEachIdea(plan);
  // Only the best few are ranked further, so keep just those instead of sorting thousands:
  // the best few of the preferred banks, and (with a preference) the best few of the others.
  const keep = Math.max(options.maxHits, options.phraseCandidates);
  const preferred: RankedHit[] = [];
  const others: RankedHit[] = [];
  for (const result of results) {
    const weights = matchWeights(plan, firsts, result, options);
    const coverage = totalWeight > 0 ? weights.covered / totalWeight : 0;
    const score = result.score * Math.pow(coverage, options.coverageExponent);
    const entry = index.entries.get(result.id as string);
    if (!entry) continue;
    const top = prefer && !prefer.has(entry.bankSlug) ? others : preferred;
    if (top.length === keep && score <= top[keep - 1]!.score) continue;
    const sure = weights.covered + weights.missing > 0 ? weights.covered / (weights.covered + weights.missing) : 0;
    insertRanked(top, { entry, coverage, score, confidence: sure, named: weights.named, mentioned: weights.mentioned, learned: 0 }, keep);
  }
  if (plan.concepts.length > 1 && options.phraseBonus > 0) {
    for (const top of [preferred, others]) {
      for (const hit of top.slice(0, options.phraseCandidates)) {
        hit.score *= 1 + options.phraseBonus * index.phrases.pairShare(hit.entry, plan.concepts);
      }
      top.sort(byRank);
    }
  }
  // People's picks come last, over the bank's own ranking (docs/design.md, "Lookup"), within
  // each of the two lists, so a pick never carries an entry across the channel's preference.
  const learnedMatches = hints.match(planIdeas(plan));
  if (learnedMatches.size > 0) {
    const within = (inPreferred: boolean): ReadonlyMap<string, LearnedMatch> =>
      prefer === null ? learnedMatches : new Map([...learnedMatches].filter(([id]) => prefer.has(index.entries.get(id)?.bankSlug ?? '') === inPreferred));
    applyLearned(preferred, within(true), index.entries, options.learning);
    if (prefer !== null) applyLearned(others, within(false), index.entries, options.learning);
  }
  const known = plan.concepts.some((c) => c.known);
  // Words the bank never uses can still be about it when people have shown which entry they mean.
  const confident = (hit: RankedHit | undefined): boolean => hit !== undefined && sureEnough(hit, options) && (known || hit.learned > 0);
  // The channel's banks come first when one of them answers; otherwise every bank competes
  // on score alone (an answer from another bank beats "no good match").
  const ranked = prefer === null ? preferred : confident(preferred[0]) ? [...preferred, ...others] : [...preferred, ...others].sort(byRank);
  const hits: Hit[] = ranked.slice(0, options.maxHits).map(({ entry, score, coverage }) => ({ entry, score, coverage }));
  const best = hits[0];
  const confidence = ranked[0]?.confidence ?? 0;
  const answered = confident(ranked[0]);
  const learned = ranked[0]?.learned ?? 0;
  const related = best
    ? hits.slice(1).filter((h) => h.score >= best.score * options.relatedRatio).slice(0, options.maxRelated)
    : [];
  return { query, answered, confidence, hits, related, learned };
}

/** Whether a hit's confidence clears the bar: the usual one, or the lower one when the entry names enough of the query's ideas. */
function sureEnough(hit: RankedHit, options: LookupOptions): boolean {
  // One idea mentioned in passing, named nowhere in the entry's title, question or
  // keywords ("how to tie a tie" against an answer that says "tie") is a coincidence.
  if (hit.learned <= 0 && hit.named === 0 && hit.mentioned < 2) return false;
  if (hit.confidence >= options.minConfidence) return true;
  const { ideas, minConfidence } = options.corroboration;
  return hit.named >= ideas && hit.confidence >= minConfidence;
}

function byRank(a: Hit, b: Hit): number {
  return b.score - a.score || a.entry.id.localeCompare(b.entry.id);
}

/** Inserts a hit into a ranked list of at most `limit` hits. */
function insertRanked(list: RankedHit[], hit: RankedHit, limit: number): void {
  let at = list.length;
  while (at > 0 && byRank(hit, list[at - 1]!) < 0) at--;
  list.splice(at, 0, hit);
  if (list.length > limit) list.pop();
}

/**
 * The query's concept weight an entry covers, the weight it misses as confidence counts
 * it (see `missWeights`; an ordinary word the bank never uses counts 1), and how many of
 * the query's ideas it names in its title, question or keywords (see `corroboration`).
 */
function matchWeights(plan: QueryPlan, firsts: readonly boolean[], result: SearchResult, options: LookupOptions): { covered: number; missing: number; named: number; mentioned: number } {
  let covered = 0;
  let missing = 0;
  let named = 0;
  let mentioned = 0;
  plan.concepts.forEach((concept, k) => {
    const { match, strong } = conceptMatch(concept, result, options);
    // Ideas, not words: "tie a tie" names one idea twice, and both match alike.
    if (firsts[k] && match >= 0.5) {
      mentioned++;
      if (strong) named++;
    }
    covered += concept.weight * match;
    const miss = concept.known || concept.corrected ? options.missWeights.known : concept.foreign ? options.missWeights.foreign : 1;
    missing += concept.weight * (1 - match) * miss;
  });
  return { covered, missing, named, mentioned };
}

/** For each concept, whether it is the first of its idea (a word said again is the same idea). */
function firstOfEachIdea(plan: QueryPlan): boolean[] {
  const seen = new Set<string>();
  return plan.concepts.map((concept) => {
    const idea = ideaKey(concept);
    if (seen.has(idea)) return false;
    seen.add(idea);
    return true;
  });
}

/**
 * How well an entry shows one concept: the best alternative's share of terms,
 * field-weighted, and whether that alternative is named in the title, question or keywords.
 */
function conceptMatch(concept: Concept, result: SearchResult, options: LookupOptions): { match: number; strong: boolean } {
  let best = 0;
  let strong = false;
  for (const alt of concept.alternatives) {
    let credit = 0;
    let named = false;
    for (const term of alt.terms) {
      const fields = result.match[term];
      if (!fields) continue;
      const inStrong = fields.some((f) => STRONG_FIELDS.has(f));
      named ||= inStrong;
      credit += inStrong ? 1 : options.answerOnlyCredit;
    }
    const match = (alt.weight * credit) / alt.terms.length;
    if (match > best) {
      best = match;
      strong = named;
    }
  }
  return { match: best, strong };
}

/**
 * "q7", "7", "mesh q7" or "mesh-q7" names an entry directly. A bare number names that
 * question of each preferred bank that has one (of every bank, if none does): two or more
 * are ambiguous, and the caller asks which. A slug that is no bank's is not a reference.
 */
function directReference(index: SearchIndex, banks: readonly Bank[], query: string, prefer: ReadonlySet<string> | null): Entry[] {
  const text = splitWords(query).map((w) => w.surface).join(' ');
  const match = DIRECT_REF.exec(text);
  if (!match) return [];
  const number = Number(match[2]);
  if (match[1] !== undefined) {
    const entry = index.entries.get(`${match[1]}-q${number}`);
    return entry ? [entry] : [];
  }
  const inBanks = (slugs: readonly Bank[]): Entry[] =>
    slugs.map((b) => index.entries.get(`${b.slug}-q${number}`)).filter((e): e is Entry => e !== undefined);
  const own = inBanks(prefer ? banks.filter((b) => prefer.has(b.slug)) : banks);
  return own.length > 0 ? own : inBanks(banks);
}
