import type { Entry } from '../bank/types.js';
import type { IdeaWeights, LearnedMatch, LearningOptions } from './learned-evidence.js';
import { ideaKey, type QueryPlan } from './query-plan.js';

/** A hit while ranking: its confidence as the answer, and the learned credit applied to it. */
export interface RankedHit {
  entry: Entry;
  score: number;
  coverage: number;
  confidence: number;
  /** How many of the query's ideas the entry names in its title, question or keywords. */
  named: number;
  /** How many distinct ideas of the query the entry shows anywhere, the answer text included. */
  mentioned: number;
  /** Learned credit applied (-1..1; 0 when no evidence applied). */
  learned: number;
}

/**
 * A query's ideas as learned evidence is keyed: each concept by the stems it is searched
 * as (its first alternative: the words themselves, or the "-less" word of a negation),
 * with the concept's weight. Corrections, stemming and stopwords are already applied, so
 * "Who pushes the config to envoys?" and "who pushes config to the envoy" are one phrasing.
 */
export function planIdeas(plan: QueryPlan): IdeaWeights {
  const ideas = new Map<string, number>();
  for (const concept of plan.concepts) {
    const key = ideaKey(concept);
    ideas.set(key, Math.max(ideas.get(key) ?? 0, concept.weight));
  }
  return ideas;
}

/**
 * Applies learned evidence to the lexically ranked hits, in place, and re-sorts them.
 *
 * - Evidence for an entry raises its score by its credit times the best lexical score
 *   (times `scoreWeight`), so a paraphrase the bank's words miss can rank its entry
 *   first, even an entry the words did not find at all; and it raises the entry's
 *   confidence towards 1 by the same credit (`c + (1 - c) * credit`), so a lookup that
 *   abstained can answer.
 * - Evidence against an entry (votes "Not helpful") lowers its score and confidence.
 * - When the bank's own best match is strong (confidence at least `strongConfidence`),
 *   evidence that contradicts it keeps only `contradictedShare` of its credit, and no
 *   other entry is ranked above it: the bank's words win over what a few people clicked.
 */
export function applyLearned(top: RankedHit[], learned: ReadonlyMap<string, LearnedMatch>, entries: ReadonlyMap<string, Entry>, options: LearningOptions): void {
  if (learned.size === 0) return;
  const bankBest = top[0];
  const strong = bankBest !== undefined && bankBest.confidence >= options.strongConfidence;
  const base = bankBest && bankBest.score > 0 ? bankBest.score : 1;
  for (const [entryId, match] of learned) {
    let hit = top.find((h) => h.entry.id === entryId);
    if (!hit) {
      const entry = entries.get(entryId);
      if (!entry || match.credit <= 0) continue;
      hit = { entry, score: 0, coverage: 0, confidence: 0, named: 0, mentioned: 0, learned: 0 };
      top.push(hit);
    }
    const contradicts = strong && (match.credit > 0 ? hit !== bankBest : hit === bankBest);
    const credit = contradicts ? match.credit * options.contradictedShare : match.credit;
    hit.learned = credit;
    if (credit > 0) {
      hit.score += credit * base * options.scoreWeight;
      hit.confidence += (1 - hit.confidence) * credit;
    } else {
      hit.score *= 1 + credit;
      hit.confidence *= 1 + credit;
    }
  }
  if (strong && bankBest) {
    for (const hit of top) if (hit !== bankBest && hit.score >= bankBest.score) hit.score = bankBest.score * (1 - 1e-9);
  }
  top.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
}
