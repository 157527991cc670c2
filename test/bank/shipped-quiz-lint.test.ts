import { describe, expect, it } from 'vitest';
import { LINT_THRESHOLDS, lintQuiz, loadBanks } from '../../src/index.js';

const banks = loadBanks('data/banks');

describe('the shipped quiz items', () => {
  it.each(banks.map((b) => [b.slug, b] as const))('GIVEN bank %s THEN the lint finds no errors and no unexplained warnings', (_slug, bank) => {
    const report = lintQuiz(bank);
    const open = report.findings.filter((f) => f.allowedBecause === null).map((f) => `${f.itemId ?? 'bank'} ${f.rule}: ${f.message}`);
    expect(open).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it.each(banks.filter((b) => b.quizItems.length > 0).map((b) => [b.slug, b] as const))(
    'GIVEN bank %s THEN keys share their entry\'s words at most 15 points more than wrong choices do',
    (_slug, bank) => {
      const overlap = lintQuiz(bank).overlap!;
      expect(overlap.points).toBeLessThanOrEqual(LINT_THRESHOLDS.bankOverlapPoints);
    },
  );

  it('GIVEN the seed bank THEN every question has a multiple-choice item, and the questions the issue named have the new ones', () => {
    const seed = banks.find((b) => b.slug === 'mesh')!;
    const perEntry = (n: number): number => seed.quizItems.filter((i) => i.entryId === `mesh-q${n}`).length;
    expect(seed.entries.every((e) => perEntry(e.number) >= 3)).toBe(true);
    // Circuit breaking and idempotent retries (Q7), authorization policies (Q5), header routing (Q6), rollback (Q14).
    expect([perEntry(5), perEntry(6), perEntry(7), perEntry(14)]).toEqual([4, 4, 5, 5]);
  });
});
