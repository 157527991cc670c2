import { findStep, nameKey } from '../bank/curriculum.js';
import type { Bank } from '../bank/types.js';
import type { EntryProgress } from '../store/ports/index.js';

/** How much of a bank a person has answered right at least once. */
export interface Learned {
  learned: number;
  total: number;
}

export function learnedIn(bank: Bank, progress: ReadonlyMap<string, EntryProgress>): Learned {
  return { learned: bank.entries.filter((e) => progress.get(e.id)?.everCorrect === true).length, total: bank.entries.length };
}

/** Whether a person has covered most of a bank: at least `threshold` (0-1) of it answered right once. */
export function hasCovered(bank: Bank, progress: ReadonlyMap<string, EntryProgress>, threshold: number): boolean {
  const { learned, total } = learnedIn(bank, progress);
  return total > 0 && learned / total >= threshold;
}

/** A step to suggest: a loaded bank to practise, or a step the team has not loaded yet. */
export type NextStep = { after: Bank; bank: Bank } | { after: Bank; missing: string };

/**
 * What a person should study next (docs/design.md, "Curriculum"): from each bank they
 * have covered that names a next step, the first step along its path they have not
 * covered yet, once per step. A path that ends, or loops back, suggests nothing more.
 * Pure, so progress, the home view and the weekly digest all say the same.
 */
export function nextSteps(banks: readonly Bank[], progress: ReadonlyMap<string, EntryProgress>, threshold: number): NextStep[] {
  const covered = (bank: Bank): boolean => hasCovered(bank, progress, threshold);
  const steps: NextStep[] = [];
  const suggested = new Set<string>();
  for (const start of banks.filter(covered)) {
    const seen = new Set<Bank>([start]);
    let after = start;
    while (after.nextStep !== null) {
      const next = findStep(after.nextStep, banks);
      if (next && covered(next)) {
        if (seen.has(next)) break;
        seen.add(next);
        after = next;
        continue;
      }
      const key = next ? `bank:${next.slug}` : `missing:${nameKey(after.nextStep)}`;
      if (!suggested.has(key)) {
        suggested.add(key);
        steps.push(next ? { after, bank: next } : { after, missing: after.nextStep });
      }
      break;
    }
  }
  return steps;
}

/** A next step as people read it: "Next: Serverless / FaaS — Junior, /mesh quiz serverless-junior". */
export function nextStepLine(step: NextStep, commandName: string): string {
  if ('bank' in step) return `Next: ${step.bank.title}, /${commandName} quiz ${step.bank.slug} (after ${step.after.title}).`;
  return `Next: ${step.missing}, which is not loaded yet: ask an admin to add it to the banks folder (after ${step.after.title}).`;
}
