import type { QuizItem } from '../types.js';
import { overlapShare, textWords, wordDistance, type TextWords } from './choice-words.js';
import type { AllowableRule, ErrorRule } from './lint-rules.js';

/** What a check knows besides the item: its entry's words and the bank's. */
export interface ItemContext {
  /** The number of the item's own entry (Qn). */
  entryNumber: number;
  /** Content stems of the entry's title, question and answer. */
  entryStems: ReadonlySet<string>;
  /** Question numbers the bank has. */
  entryNumbers: ReadonlySet<number>;
  /** Stems used by so many entries that echoing them gives nothing away ("mesh", "service"). */
  commonStems: ReadonlySet<string>;
}

/** A finding before allowances and line numbers are applied. */
export interface RawFinding {
  rule: AllowableRule | ErrorRule;
  message: string;
  fix: string;
}

/** The thresholds the checks use; exported so tests and authors can see them. */
export const LINT_THRESHOLDS = Object.freeze({
  /** The key's bank-word share above the wrong choices' average by at least this (0-1) is a giveaway. */
  keyOverlapLead: 0.5,
  /** The key this much longer or shorter than the wrong choices' average (as a share of it)... */
  lengthRatio: 0.4,
  /** ...and by at least this many characters, is a length outlier. */
  lengthChars: 10,
  /** Choices whose content words differ in at most this share of the longer one are near duplicates. */
  nearDuplicateShare: 0.34,
  /** Bank-wide: keys' average bank-word overlap at most this many points above the wrong choices'. */
  bankOverlapPoints: 15,
});

/**
 * Words that make a claim absolute. Half-informed readers learn that such choices are
 * usually wrong, so when only wrong choices use them they point at the key.
 */
// "every" and "all" stay out: banks use them for plain facts ("a proxy next to every workload").
const ABSOLUTES = new Set(['always', 'never', 'cannot', 'cant', 'impossible', 'none', 'nothing', 'nobody', 'entirely', 'completely', 'guaranteed', 'guarantees']);

/** The words of an item's choices, key first; computed once per item. */
export interface ItemWords {
  key: TextWords;
  wrong: TextWords[];
  prompt: TextWords;
}

export function itemWords(item: QuizItem): ItemWords {
  return { key: textWords(item.correct), wrong: item.wrong.map(textWords), prompt: textWords(item.prompt) };
}

/** Every check, in the order findings are listed. */
export function checkItem(item: QuizItem, words: ItemWords, ctx: ItemContext): RawFinding[] {
  return [
    ...duplicateChoices(item),
    ...nearDuplicateChoices(item, words),
    ...keyOnlyBankWords(words, ctx),
    ...lengthOutlier(item),
    ...absoluteOnlyInWrong(words),
    ...promptWordsOnlyInKey(words, ctx),
    ...citations(item, ctx),
  ];
}

/** Choices that read the same once case, spacing and punctuation are ignored. */
function duplicateChoices(item: QuizItem): RawFinding[] {
  const seen = new Map<string, string>();
  const out: RawFinding[] = [];
  for (const choice of [item.correct, ...item.wrong]) {
    const key = choice.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ rule: 'duplicate-choices', message: `"${first}" and "${choice}" are the same choice`, fix: 'replace one of them with a different wrong choice' });
    } else seen.set(key, choice);
  }
  return out;
}

/** Choices that differ in a word or so: readers eliminate the pair, or cannot tell them apart. */
function nearDuplicateChoices(item: QuizItem, words: ItemWords): RawFinding[] {
  const texts = [item.correct, ...item.wrong];
  const all = [words.key, ...words.wrong];
  const out: RawFinding[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!.stems;
      const b = all[j]!.stems;
      if (a.join(' ') === b.join(' ')) {
        if (texts[i]!.toLowerCase() !== texts[j]!.toLowerCase()) out.push(nearDuplicate(texts[i]!, texts[j]!));
        continue;
      }
      const longer = Math.max(a.length, b.length);
      const { distance, onlyQuantities } = wordDistance(a, b);
      // Choices that differ only in a figure ("9x" vs "27x") are the question, not a near duplicate.
      if (longer >= 3 && !onlyQuantities && distance / longer <= LINT_THRESHOLDS.nearDuplicateShare) out.push(nearDuplicate(texts[i]!, texts[j]!));
    }
  }
  return out;
}

function nearDuplicate(a: string, b: string): RawFinding {
  return {
    rule: 'near-duplicate-choices',
    message: `"${a}" and "${b}" differ in a word or so`,
    fix: 'make the two differ in substance (another misreading of the entry), or replace one',
  };
}

/** The key sounds like the entry while the wrong choices do not. */
function keyOnlyBankWords(words: ItemWords, ctx: ItemContext): RawFinding[] {
  const key = overlapShare(words.key.topicStems, ctx.entryStems);
  const wrong = words.wrong.map((w) => overlapShare(w.topicStems, ctx.entryStems)).filter((x): x is number => x !== null);
  if (key === null || wrong.length === 0) return [];
  const average = wrong.reduce((s, x) => s + x, 0) / wrong.length;
  if (key - average < LINT_THRESHOLDS.keyOverlapLead) return [];
  const pct = (x: number): string => `${Math.round(100 * x)} %`;
  return [
    {
      rule: 'key-only-bank-words',
      message: `the key uses the entry's words (${pct(key)} of its words) and the wrong choices hardly do (${wrong.map(pct).join(', ')})`,
      fix: "build wrong choices from Q" + ctx.entryNumber + "'s own vocabulary (plausible misreadings of it), or word the key less like the text",
    },
  ];
}

/** The key is much the longest or the shortest choice. */
function lengthOutlier(item: QuizItem): RawFinding[] {
  const key = item.correct.length;
  const wrong = item.wrong.map((w) => w.length);
  const average = wrong.reduce((s, x) => s + x, 0) / Math.max(wrong.length, 1);
  const extreme = key > Math.max(...wrong) || key < Math.min(...wrong);
  const gap = Math.abs(key - average);
  if (!extreme || gap < LINT_THRESHOLDS.lengthChars || gap / average < LINT_THRESHOLDS.lengthRatio) return [];
  const longer = key > average;
  return [
    {
      rule: 'length-outlier',
      message: `the key has ${key} characters, the wrong choices ${wrong.join(', ')}: it is the ${longer ? 'longest' : 'shortest'} by far`,
      fix: longer ? 'trim the key, or give the wrong choices the same detail' : 'give the key the detail the wrong choices have, or trim them',
    },
  ];
}

/** Only wrong choices make absolute claims ("always", "never", "cannot"). */
function absoluteOnlyInWrong(words: ItemWords): RawFinding[] {
  const absolutes = (w: { surfaces: string[] }): string[] => w.surfaces.filter((s) => ABSOLUTES.has(s));
  if (absolutes(words.key).length > 0) return [];
  const used = [...new Set(words.wrong.flatMap(absolutes))];
  if (used.length === 0) return [];
  return [
    {
      rule: 'absolute-only-in-wrong',
      message: `only wrong choices say ${used.map((w) => `"${w}"`).join(', ')}`,
      fix: 'state the wrong choices as plausible, qualified claims (what a half-informed engineer would say), or qualify the key the same way',
    },
  ];
}

/** The key repeats a prompt word no wrong choice repeats. */
function promptWordsOnlyInKey(words: ItemWords, ctx: ItemContext): RawFinding[] {
  const prompt = new Set(words.prompt.topicStems.filter((s) => !ctx.commonStems.has(s)));
  const inWrong = new Set(words.wrong.flatMap((w) => w.stems));
  const echoed = [...new Set(words.key.topicStems)].filter((s) => prompt.has(s) && !inWrong.has(s));
  if (echoed.length === 0) return [];
  return [
    {
      rule: 'prompt-words-only-in-key',
      message: `the key repeats the prompt's ${echoed.map((s) => `"${words.key.surfaceOf.get(s) ?? s}"`).join(', ')}; no wrong choice does`,
      fix: 'reword the key, or let wrong choices use the same prompt words',
    },
  ];
}

/** An explanation that cites another entry (or one the bank lacks) was likely copied from elsewhere. */
function citations(item: QuizItem, ctx: ItemContext): RawFinding[] {
  const out: RawFinding[] = [];
  const cited = new Set([...item.explanation.matchAll(/\bQ(\d+)\b/g)].map((m) => Number(m[1])));
  for (const n of cited) {
    if (n === ctx.entryNumber) continue;
    if (!ctx.entryNumbers.has(n)) {
      out.push({ rule: 'cites-missing-entry', message: `the explanation cites Q${n}, which the bank does not have`, fix: `cite Q${ctx.entryNumber}, this item's entry` });
    } else {
      out.push({
        rule: 'cites-other-entry',
        message: `the explanation cites Q${n}, but the item belongs to Q${ctx.entryNumber}`,
        fix: `cite Q${ctx.entryNumber}, or move the item to Q${n} if that is where its answer is`,
      });
    }
  }
  return out;
}
