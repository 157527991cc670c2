/**
 * The quiz lint's rules, by name. Errors are items that are wrong as written; warnings
 * are giveaways (a reader could pick the key without knowing the answer), which an
 * author may keep with a reason (`lint: { allow: [rule], why: "..." }` on the item).
 */

/** Giveaways an item may keep when its `lint.why` explains them. */
export const ALLOWABLE_RULES = [
  'key-only-bank-words',
  'length-outlier',
  'near-duplicate-choices',
  'absolute-only-in-wrong',
  'prompt-words-only-in-key',
  'cites-other-entry',
] as const;

export type AllowableRule = (typeof ALLOWABLE_RULES)[number];

/** Items that are wrong as written: `banks check` exits non-zero. */
export type ErrorRule = 'duplicate-choices' | 'cites-missing-entry';

/**
 * Warnings no item can allow: an allowance for a rule the item no longer trips (the
 * reason would mislead), and the bank-wide overlap gap, which belongs to no one item.
 */
export type HousekeepingRule = 'unused-allowance' | 'bank-overlap-gap';

export type LintRule = AllowableRule | ErrorRule | HousekeepingRule;

/** An item's own record of the giveaways it keeps, and why. */
export interface LintAllowance {
  /** The warnings this item keeps on purpose. */
  allow: readonly AllowableRule[];
  /** Why they are fine here, for the next author. */
  why: string;
}

/** One thing the lint found. */
export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning';
  /** The item (`mesh-q7-i1`), or null for a finding about the whole bank. */
  itemId: string | null;
  /** Line of the item in the quiz file, when known. */
  line: number | null;
  /** What is wrong, with the words or figures that show it. */
  message: string;
  /** What an author might change. */
  fix: string;
  /** The item's reason for keeping this warning, when it allows it. */
  allowedBecause: string | null;
}
