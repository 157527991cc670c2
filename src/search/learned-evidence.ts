/**
 * Learning from people's picks: when a lookup abstains or ranks wrong, people show the
 * entry they meant (they open one of the closest or related topics, or vote "Not helpful"
 * and open another). This file turns that evidence into `LearnedHints`: per phrasing of
 * a query (its ideas, as the query planner reads them) and entry, how strongly distinct
 * people back the entry, decayed with age. The lookup takes the hints as plain data; the
 * store and the clock stay outside search/. See docs/design.md, "Lookup".
 */

/**
 * What a person did, as evidence that an entry answers (or does not answer) a query:
 * - `after_no_match`: opened one of the closest topics offered when the lookup abstained;
 * - `after_unhelpful`: voted the answer "Not helpful" and opened another entry;
 * - `beside_answer`: opened a related entry beside an answer they did not vote down
 *   (as often curiosity as a correction, so it counts for less);
 * - `helpful`: voted the answer "Helpful" (the answered entry);
 * - `unhelpful`: voted the answer "Not helpful" (against the answered entry).
 */
export type EvidenceKind = 'after_no_match' | 'after_unhelpful' | 'beside_answer' | 'helpful' | 'unhelpful';

/** One person's evidence about one query and one entry. */
export interface Evidence {
  /** The query as they typed it. */
  query: string;
  /** The entry it is about, `<bank-slug>-q<n>`. */
  entryId: string;
  /** Who: platform, workspace and user, so the same id on two platforms is two people. */
  person: string;
  kind: EvidenceKind;
  atMs: number;
}

export interface LearningOptions {
  /** How much each kind of evidence counts for its entry (negative: against it). */
  weights: Readonly<Record<EvidenceKind, number>>;
  /** Evidence counts half as much after this many days. */
  halfLifeDays: number;
  /** Evidence moves nothing until this many distinct people agree (one person repeating a pick is one person). */
  minPeople: number;
  /** A person counts towards `minPeople` only while their (decayed, similarity-scaled) weight is at least this. */
  personFloor: number;
  /** Net strength (sum over people) at which learned credit reaches one half: credit = s / (s + halfStrength). */
  halfStrength: number;
  /** Least weighted overlap (Jaccard) between a query's ideas and a learned phrasing's for the evidence to apply. */
  minSimilarity: number;
  /** The bank's own best match is strong from this confidence on: evidence for another entry then stays weak. */
  strongConfidence: number;
  /** Share of learned credit kept when it contradicts a strong bank match. */
  contradictedShare: number;
  /** A learned entry's score rises by credit times the best lexical score times this. */
  scoreWeight: number;
}

export const DEFAULT_LEARNING_OPTIONS: Readonly<LearningOptions> = Object.freeze({
  weights: Object.freeze({ after_no_match: 1, after_unhelpful: 1, beside_answer: 0.3, helpful: 1, unhelpful: -1 }),
  halfLifeDays: 90,
  minPeople: 3,
  personFloor: 0.2,
  halfStrength: 1,
  minSimilarity: 0.7,
  strongConfidence: 0.95,
  contradictedShare: 0.25,
  scoreWeight: 1.5,
});

/** A query's ideas as learning compares them: one key per concept (its stems), with the concept's weight. */
export type IdeaWeights = ReadonlyMap<string, number>;

/** What the hints say about one entry for one query. */
export interface LearnedMatch {
  /** -1..1: positive backs the entry, negative speaks against it (0 is never stored). */
  credit: number;
  /** Distinct people behind the winning side. */
  people: number;
}

/** A phrasing people used for an entry, with how many back it (for `gaps` and alias suggestions). */
export interface LearnedPhrasing {
  entryId: string;
  /** The text most of its people typed, lower-cased, trimmed, without a closing question mark. */
  text: string;
  people: number;
  /** 0-1, as the lookup would apply it to exactly this phrasing. */
  credit: number;
}

interface PersonWeight {
  weight: number;
  atMs: number;
}

/** Everyone's evidence for one phrasing (a set of ideas) and one entry. */
interface Phrasing {
  ideas: IdeaWeights;
  entryId: string;
  people: Map<string, PersonWeight>;
  /** Texts typed for this phrasing, with who typed each. */
  texts: Map<string, Set<string>>;
}

const DAY_MS = 86_400_000;

/**
 * The learned evidence in memory, indexed by idea, ready for the lookup: built in one go
 * from rows loaded from the store, and replaced whole on the next refresh.
 */
export class LearnedHints {
  static readonly EMPTY = new LearnedHints([], DEFAULT_LEARNING_OPTIONS);

  private readonly byIdea = new Map<string, Phrasing[]>();

  constructor(
    private readonly phrasings: readonly Phrasing[],
    private readonly options: LearningOptions,
  ) {
    for (const p of phrasings) {
      for (const idea of p.ideas.keys()) {
        const list = this.byIdea.get(idea) ?? [];
        list.push(p);
        this.byIdea.set(idea, list);
      }
    }
  }

  /** How many phrasing-entry pairs have evidence (before the distinct-people rule). */
  get size(): number {
    return this.phrasings.length;
  }

  /**
   * What the evidence says about each entry for a query with these ideas. Phrasings
   * similar enough to the query pool their people per entry (a person counts once, with
   * their strongest similarity-scaled weight), so three people who typed the same thing
   * in slightly different words still count as three.
   */
  match(ideas: IdeaWeights): Map<string, LearnedMatch> {
    const out = new Map<string, LearnedMatch>();
    if (this.phrasings.length === 0 || ideas.size === 0) return out;
    const perEntry = new Map<string, Map<string, number>>();
    const seen = new Set<Phrasing>();
    for (const idea of prefixIdeas(ideas, this.options.minSimilarity)) {
      for (const p of this.byIdea.get(idea) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        const similarity = overlap(ideas, p.ideas);
        if (similarity < this.options.minSimilarity) continue;
        const people = perEntry.get(p.entryId) ?? new Map<string, number>();
        for (const [person, { weight }] of p.people) {
          const scaled = weight * similarity;
          const before = people.get(person);
          if (before === undefined || Math.abs(scaled) > Math.abs(before)) people.set(person, scaled);
        }
        perEntry.set(p.entryId, people);
      }
    }
    for (const [entryId, people] of perEntry) {
      const verdict = this.verdict(people.values());
      if (verdict) out.set(entryId, verdict);
    }
    return out;
  }

  /**
   * The phrasings whose own people are enough to move the lookup towards their entry,
   * strongest first. `lexicalAnswer` says which entry the bank alone answers a text
   * with: phrasings that already reach their entry without learning are left out.
   */
  phrasingsLearned(lexicalAnswer: (text: string) => string | null): LearnedPhrasing[] {
    const out: LearnedPhrasing[] = [];
    for (const p of this.phrasings) {
      const verdict = this.verdict([...p.people.values()].map((w) => w.weight));
      if (!verdict || verdict.credit <= 0) continue;
      const text = commonest(p.texts);
      if (lexicalAnswer(text) === p.entryId) continue;
      out.push({ entryId: p.entryId, text, people: verdict.people, credit: verdict.credit });
    }
    return out.sort((a, b) => b.credit - a.credit || a.entryId.localeCompare(b.entryId) || a.text.localeCompare(b.text));
  }

  /**
   * The distinct-people rule and saturation: each side (for the entry, against it) counts
   * only with at least `minPeople` people above `personFloor` on it, so one person, however
   * often they repeat themselves, neither moves an entry nor holds one back; the stronger
   * side wins by the difference.
   */
  private verdict(weights: Iterable<number>): LearnedMatch | null {
    let pos = 0;
    let neg = 0;
    let posPeople = 0;
    let negPeople = 0;
    for (const w of weights) {
      if (w > 0) {
        pos += w;
        if (w >= this.options.personFloor) posPeople++;
      } else if (w < 0) {
        neg -= w;
        if (-w >= this.options.personFloor) negPeople++;
      }
    }
    const min = this.options.minPeople;
    const net = (posPeople >= min ? pos : 0) - (negPeople >= min ? neg : 0);
    if (net === 0) return null;
    const strength = Math.abs(net);
    return { credit: Math.sign(net) * (strength / (strength + this.options.halfStrength)), people: net > 0 ? posPeople : negPeople };
  }
}

/**
 * Builds the hints from evidence rows. `ideasOf` reads a query the way the lookup does
 * (so "who pushes config to the envoys" and "Who pushes the config to envoys?" are one
 * phrasing); `knownEntry` drops evidence for entries no loaded bank has (a removed bank,
 * or another bank's ids). Each person counts once per phrasing and entry: their latest
 * evidence, decayed by its age at `nowMs`.
 */
export function buildLearnedHints(
  evidence: readonly Evidence[],
  nowMs: number,
  ideasOf: (query: string) => IdeaWeights,
  knownEntry: (entryId: string) => boolean,
  options: LearningOptions = DEFAULT_LEARNING_OPTIONS,
): LearnedHints {
  const byKey = new Map<string, Phrasing>();
  // Rows repeat queries (one per person): read each query once per build.
  const read = new Map<string, { ideas: IdeaWeights; key: string; text: string }>();
  for (const e of evidence) {
    if (!knownEntry(e.entryId)) continue;
    const base = options.weights[e.kind];
    if (base === 0) continue;
    let query = read.get(e.query);
    if (!query) {
      const ideas = ideasOf(e.query);
      const text = e.query.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[?!.]+$/, '');
      query = { ideas, key: [...ideas.keys()].sort().join('\u0001'), text };
      read.set(e.query, query);
    }
    const { ideas, text } = query;
    if (ideas.size === 0) continue;
    const key = `${e.entryId}\u0000${query.key}`;
    let p = byKey.get(key);
    if (!p) {
      p = { ideas, entryId: e.entryId, people: new Map(), texts: new Map() };
      byKey.set(key, p);
    }
    const ageDays = Math.max(0, nowMs - e.atMs) / DAY_MS;
    const weight = base * Math.pow(0.5, ageDays / options.halfLifeDays);
    const before = p.people.get(e.person);
    // A person's latest word stands: repeating a pick changes nothing, changing their mind does.
    if (!before || e.atMs > before.atMs) p.people.set(e.person, { weight, atMs: e.atMs });
    const typed = p.texts.get(text) ?? new Set<string>();
    typed.add(e.person);
    p.texts.set(text, typed);
  }
  return new LearnedHints([...byKey.values()], options);
}

/**
 * How much of a query a phrasing is: the query's weight on the ideas they share, over the
 * query's whole weight plus the phrasing's ideas the query lacks (a weighted Jaccard
 * overlap with the query's weights on shared ideas; 1 = the same ideas).
 */
function overlap(query: IdeaWeights, phrasing: IdeaWeights): number {
  let shared = 0;
  let all = 0;
  for (const [idea, w] of query) {
    all += w;
    if (phrasing.has(idea)) shared += w;
  }
  for (const [idea, w] of phrasing) if (!query.has(idea)) all += w;
  return all > 0 ? shared / all : 0;
}

/**
 * The query's heaviest ideas, enough that a phrasing sharing none of them cannot reach
 * `threshold`: it would share less than `threshold` of the query's weight, and `overlap`
 * is at most that share. Only their phrasings are looked at, so an everyday idea that
 * many phrasings have ("work" in "how does X work") costs nothing (prefix filtering).
 */
function prefixIdeas(query: IdeaWeights, threshold: number): string[] {
  const sorted = [...query].sort((a, b) => b[1] - a[1]);
  let rest = sorted.reduce((sum, [, w]) => sum + w, 0);
  const need = threshold * rest;
  const out: string[] = [];
  for (const [idea, w] of sorted) {
    // Once the ideas left weigh less than the share needed, a phrasing must have one already taken.
    if (rest < need) break;
    out.push(idea);
    rest -= w;
  }
  return out;
}

/** The text typed by the most people (ties: the shorter, then alphabetical). */
function commonest(texts: Map<string, Set<string>>): string {
  let best = '';
  let count = -1;
  for (const [text, people] of texts) {
    if (people.size > count || (people.size === count && (text.length < best.length || (text.length === best.length && text < best)))) {
      best = text;
      count = people.size;
    }
  }
  return best;
}
