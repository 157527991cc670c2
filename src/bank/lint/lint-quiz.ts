import type { Bank, Entry, QuizItem } from '../types.js';
import { overlapShare, textWords } from './choice-words.js';
import { checkItem, itemWords, LINT_THRESHOLDS, type ItemContext } from './item-checks.js';
import type { AllowableRule, LintFinding } from './lint-rules.js';
import { ALLOWABLE_RULES } from './lint-rules.js';

/** The lint of one bank's quiz items: findings per item and the bank's figures. */
export interface QuizLintReport {
  /** The bank's slug. */
  bankSlug: string;
  /** The quiz file the items come from (`<bank>.quiz.yaml`). */
  quizFile: string;
  /** How many items were checked. */
  itemCount: number;
  /** Every finding, errors and explained warnings included, in item order then bank-wide. */
  findings: LintFinding[];
  /**
   * Average share of a choice's words that its entry uses, for keys and for wrong choices
   * (0-100), and how many points keys lead by; null without items. Far apart, the key is
   * the choice that "sounds like the text".
   */
  overlap: { keys: number; wrong: number; points: number } | null;
  /** Findings that make the item wrong as written. */
  errors: number;
  /** Warnings no item explains. */
  unexplained: number;
  /** Warnings an item keeps with a reason. */
  explained: number;
}

/** Checks every quiz item of a bank. Pure. */
export function lintQuiz(bank: Bank): QuizLintReport {
  const entryStems = new Map<string, Set<string>>();
  const entryUse = new Map<string, number>();
  for (const entry of bank.entries) {
    const stems = new Set(textWords(entryText(entry)).stems);
    entryStems.set(entry.id, stems);
    for (const s of stems) entryUse.set(s, (entryUse.get(s) ?? 0) + 1);
  }
  const commonStems = new Set([...entryUse].filter(([, n]) => n > bank.entries.length / 2).map(([s]) => s));
  const entryNumbers = new Set(bank.entries.map((e) => e.number));

  const findings: LintFinding[] = [];
  const keyShares: number[] = [];
  const wrongShares: number[] = [];
  for (const item of bank.quizItems) {
    const entry = bank.entries.find((e) => e.id === item.entryId);
    if (!entry) continue;
    const ctx: ItemContext = { entryNumber: entry.number, entryStems: entryStems.get(entry.id) ?? new Set(), entryNumbers, commonStems };
    const words = itemWords(item);
    const key = overlapShare(words.key.topicStems, ctx.entryStems);
    if (key !== null) keyShares.push(key);
    for (const w of words.wrong) {
      const share = overlapShare(w.topicStems, ctx.entryStems);
      if (share !== null) wrongShares.push(share);
    }
    findings.push(...itemFindings(item, checkItem(item, words, ctx)));
  }

  const overlap = keyShares.length > 0 && wrongShares.length > 0 ? overlapFigures(keyShares, wrongShares) : null;
  if (overlap && overlap.points > LINT_THRESHOLDS.bankOverlapPoints) {
    findings.push({
      rule: 'bank-overlap-gap',
      severity: 'warning',
      itemId: null,
      line: null,
      message: `keys use their entry's words ${overlap.points} points more than wrong choices do (keys ${overlap.keys} %, wrong ${overlap.wrong} %; aim for at most ${LINT_THRESHOLDS.bankOverlapPoints})`,
      fix: 'across the bank, readers can pick the choice that sounds like the text: build wrong choices from each entry\'s own words',
      allowedBecause: null,
    });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const explained = findings.filter((f) => f.allowedBecause !== null).length;
  return {
    bankSlug: bank.slug,
    quizFile: bank.file.replace(/\.txt$/, '') + '.quiz.yaml',
    itemCount: bank.quizItems.length,
    findings,
    overlap,
    errors,
    unexplained: findings.length - errors - explained,
    explained,
  };
}

function entryText(entry: Entry): string {
  return [entry.title, entry.question, entry.answerText].join('\n');
}

/** Applies the item's allowances to its findings, and flags allowances nothing needs. */
function itemFindings(item: QuizItem, raw: ReturnType<typeof checkItem>): LintFinding[] {
  const allowed = new Set<AllowableRule>(item.lint?.allow ?? []);
  const why = item.lint?.why ?? null;
  const line = item.line ?? null;
  const out: LintFinding[] = raw.map((f) => {
    const allowable = (ALLOWABLE_RULES as readonly string[]).includes(f.rule);
    const isAllowed = allowable && allowed.has(f.rule as AllowableRule);
    return {
      rule: f.rule,
      severity: allowable ? 'warning' : 'error',
      itemId: item.id,
      line,
      message: f.message,
      fix: f.fix,
      allowedBecause: isAllowed ? why : null,
    };
  });
  for (const rule of allowed) {
    if (raw.some((f) => f.rule === rule)) continue;
    out.push({
      rule: 'unused-allowance',
      severity: 'warning',
      itemId: item.id,
      line,
      message: `lint.allow names ${rule}, but the item does not trip it`,
      fix: `remove ${rule} from the item's lint.allow, so its reason does not mislead`,
      allowedBecause: null,
    });
  }
  return out;
}

function overlapFigures(keys: number[], wrong: number[]): { keys: number; wrong: number; points: number } {
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : (100 * xs.reduce((s, x) => s + x, 0)) / xs.length);
  const k = Math.round(mean(keys));
  const w = Math.round(mean(wrong));
  return { keys: k, wrong: w, points: k - w };
}
