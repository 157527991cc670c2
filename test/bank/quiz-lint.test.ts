import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildBank, formatQuizLint, lintQuiz, type Bank, type QuizLintReport } from '../../src/index.js';

/** A small bank whose Q1 vocabulary the items below draw on. */
const BANK = `Tiny Ops Bank¶
A small bank for lint tests.
- Pager rotations
- Runbooks
- Postmortems
Q1: What is an on-call rotation for?¶
It spreads the load of answering pages across a team so nobody is on call all the time. A rotation hands the pager to the next engineer every week.
Q2: Why keep runbooks?¶
A runbook turns a known fix into steps anyone on call can follow at 3 a.m.
Q3: What makes a postmortem blameless?¶
It looks for the conditions that let a mistake happen, not for someone to blame.
`;

interface ItemInput {
  question?: number;
  prompt?: string;
  correct?: string;
  wrong?: string[];
  explanation?: string;
  lint?: { allow: string[]; why: string };
}

/** An item with no giveaways: wrong choices built from Q1's own words, similar lengths. */
const CLEAN: Required<Omit<ItemInput, 'lint'>> = {
  question: 1,
  prompt: 'What does an on-call rotation spread across a team?',
  correct: 'The load of answering pages',
  wrong: ['The pager, handed to the next engineer', 'The time on call every week', "The team's pages across the week"],
  explanation: 'A rotation spreads the load of answering pages (Q1).',
};

function bankWith(...items: ItemInput[]): Bank {
  const quiz = stringify({ items: items.map((i) => ({ ...CLEAN, ...i })) });
  const result = buildBank({ file: 'tiny.txt', text: BANK, quiz: { file: 'tiny.quiz.yaml', text: quiz } });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bank;
}

function lint(item: ItemInput): QuizLintReport {
  return lintQuiz(bankWith(item));
}

function rules(report: QuizLintReport): string[] {
  return report.findings.filter((f) => f.itemId !== null).map((f) => f.rule);
}

describe('quiz lint: a well-built item', () => {
  it('GIVEN wrong choices from the entry\'s words, of similar length THEN nothing is reported', () => {
    const report = lint({});
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ errors: 0, unexplained: 0, explained: 0, itemCount: 1 });
  });
});

describe('quiz lint: errors', () => {
  it('GIVEN two choices that differ only in case and punctuation THEN duplicate-choices is an error', () => {
    const report = lint({ wrong: ['The load, of answering pages!', 'The time on call every week', "The team's pages across the week"] });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'duplicate-choices', severity: 'error', itemId: 'tiny-q1-i1' }));
    expect(report.errors).toBe(1);
  });

  it('GIVEN an explanation citing a question the bank lacks THEN cites-missing-entry is an error', () => {
    const report = lint({ explanation: 'See Q9 for the details.' });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'cites-missing-entry', severity: 'error' }));
  });
});

describe('quiz lint: giveaways are warnings with a fix', () => {
  it('GIVEN a key in the entry\'s words and wrong choices from elsewhere THEN key-only-bank-words', () => {
    const report = lint({ wrong: ['Cloud vendor invoices for compute', 'Ownership of every service', 'Writing of quarterly release notes'] });
    const finding = report.findings.find((f) => f.rule === 'key-only-bank-words');
    expect(finding).toMatchObject({ severity: 'warning', fix: expect.stringMatching(/Q1's own vocabulary/) });
    expect(report.errors).toBe(0);
  });

  it('GIVEN a key far longer than every wrong choice THEN length-outlier; a slightly longer key is fine', () => {
    expect(rules(lint({ correct: 'The load of answering pages, shared fairly by the whole team, week by week' }))).toContain('length-outlier');
    expect(rules(lint({ correct: 'The load of answering pages at night' }))).not.toContain('length-outlier');
  });

  it('GIVEN a key far shorter than every wrong choice THEN length-outlier', () => {
    expect(rules(lint({ correct: 'Pages' }))).toContain('length-outlier');
  });

  it('GIVEN two wrong choices a word apart THEN near-duplicate-choices', () => {
    const report = lint({ wrong: ['The time on call every week', 'The time on call every night', "The team's pages across the week"] });
    expect(rules(report)).toContain('near-duplicate-choices');
  });

  it('GIVEN choices that differ only in a figure THEN they are not near duplicates', () => {
    const report = lint({ correct: '12 pages a week', wrong: ['3 pages a week', '40 pages a week', '100 pages a week'] });
    expect(rules(report)).not.toContain('near-duplicate-choices');
  });

  it('GIVEN "never" or "cannot" only in wrong choices THEN absolute-only-in-wrong; also in the key THEN not', () => {
    const wrong = ['The pager, which never leaves one engineer', 'The time on call every week', "The team's pages across the week"];
    expect(rules(lint({ wrong }))).toContain('absolute-only-in-wrong');
    expect(rules(lint({ wrong, correct: 'The pages nobody should answer alone' }))).not.toContain('absolute-only-in-wrong');
  });

  it('GIVEN a prompt word that only the key repeats THEN prompt-words-only-in-key; repeated by a wrong choice too THEN not', () => {
    const prompt = 'What does an on-call rotation spread so that nobody carries the pager forever?';
    const noPager = ['The next engineer on the rotation', 'The time on call every week', "The team's pages across the week"];
    expect(rules(lint({ prompt, wrong: noPager, correct: 'The pager and the load of its pages' }))).toContain('prompt-words-only-in-key');
    expect(rules(lint({ prompt, correct: 'The pager and the load of its pages' }))).not.toContain('prompt-words-only-in-key');
  });

  it('GIVEN a prompt word most entries use THEN echoing it gives nothing away', () => {
    // "call" is in Q1 and Q2: common in this bank.
    expect(rules(lint({ prompt: 'What does a call rotation spread?', correct: 'The load of call pages' }))).not.toContain('prompt-words-only-in-key');
  });

  it('GIVEN an explanation citing another entry THEN cites-other-entry; citing its own THEN not', () => {
    expect(rules(lint({ explanation: 'Runbooks make this easier (Q2).' }))).toContain('cites-other-entry');
    expect(rules(lint({ explanation: 'A rotation spreads the load (Q1).' }))).not.toContain('cites-other-entry');
  });
});

describe('quiz lint: explained warnings', () => {
  const longKey = 'The load of answering pages, shared fairly by the whole team, week by week';

  it('GIVEN an item that allows the warning it trips, with a reason THEN it is explained, not unexplained', () => {
    const report = lint({ correct: longKey, lint: { allow: ['length-outlier'], why: 'the key needs its qualifier to be exactly right' } });
    const finding = report.findings.find((f) => f.rule === 'length-outlier');
    expect(finding?.allowedBecause).toBe('the key needs its qualifier to be exactly right');
    expect(report).toMatchObject({ unexplained: 0, explained: 1 });
  });

  it('GIVEN an allowance for a rule the item does not trip THEN unused-allowance warns', () => {
    const report = lint({ lint: { allow: ['length-outlier'], why: 'kept from an older wording of the key' } });
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'unused-allowance', severity: 'warning', message: expect.stringMatching(/length-outlier/) })]);
    expect(report.unexplained).toBe(1);
  });

  it('GIVEN an allowance naming an unknown rule or without a real reason THEN the quiz file is rejected with its line', () => {
    for (const bad of [
      { allow: ['length-outlyer'], why: 'the key needs its qualifier' },
      { allow: ['length-outlier'], why: 'ok' },
    ]) {
      const quiz = stringify({ items: [{ ...CLEAN, lint: bad }] });
      const result = buildBank({ file: 'tiny.txt', text: BANK, quiz: { file: 'tiny.quiz.yaml', text: quiz } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]).toMatchObject({ file: 'tiny.quiz.yaml', message: expect.stringMatching(/^items\.0\.lint\./), line: expect.any(Number) });
    }
  });
});

describe('quiz lint: bank figures', () => {
  it('GIVEN keys in the entry\'s words and wrong choices from elsewhere THEN the overlap gap is reported for the bank', () => {
    const report = lintQuiz(bankWith({ wrong: ['Cloud vendor invoices for compute', 'Ownership of every service', 'Writing of quarterly release notes'] }));
    expect(report.overlap).toEqual({ keys: 100, wrong: 0, points: 100 });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'bank-overlap-gap', itemId: null }));
  });

  it('GIVEN wrong choices as close to the entry as the key THEN no overlap gap', () => {
    const report = lintQuiz(bankWith({}));
    expect(report.overlap!.points).toBeLessThanOrEqual(15);
    expect(report.findings.map((f) => f.rule)).not.toContain('bank-overlap-gap');
  });

  it('GIVEN wrong choices whose only words outside the entry are everyday English THEN they still share the entry\'s words', () => {
    // "one", "first" and "still" sound like any text, not like this entry.
    const report = lintQuiz(bankWith({ wrong: ['The pager, handed to one engineer first', 'The time still on call each week', "The team's pages across the week"] }));
    expect(report.overlap).toEqual({ keys: 100, wrong: 100, points: 0 });
  });

  it('GIVEN a choice of everyday words only THEN it counts neither for nor against the overlap', () => {
    const report = lintQuiz(bankWith({ wrong: ['The pager, handed to the next engineer', 'The time on call every week', 'What they ask for first'] }));
    expect(report.overlap).toEqual({ keys: 100, wrong: 100, points: 0 });
  });

  it('GIVEN a bank without items THEN there is nothing to lint and no figure', () => {
    const result = buildBank({ file: 'tiny.txt', text: BANK });
    if (!result.ok) throw new Error('tiny bank should build');
    const report = lintQuiz(result.bank);
    expect(report).toMatchObject({ itemCount: 0, overlap: null, findings: [] });
    expect(formatQuizLint(report)).toEqual([expect.stringMatching(/recall mode/)]);
  });
});

describe('quiz lint: report lines', () => {
  it('GIVEN findings THEN each names the quiz file, the item line and id, and what to consider or why it is kept', () => {
    const report = lintQuiz(
      bankWith({ correct: 'Pages' }, { explanation: 'See Q2.', lint: { allow: ['cites-other-entry'], why: 'the item compares rotations with runbooks' } }),
    );
    const lines = formatQuizLint(report);
    expect(lines).toContain('tiny.quiz.yaml:2: tiny-q1-i1: warning length-outlier: the key has 5 characters, the wrong choices 38, 27, 32: it is the shortest by far');
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}consider: give the key the detail/));
    expect(lines).toContainEqual(expect.stringMatching(/^tiny\.quiz\.yaml:\d+: tiny-q1-i2: explained cites-other-entry: /));
    expect(lines).toContain('    why: the item compares rotations with runbooks');
    expect(lines.at(-1)).toBe('tiny.quiz.yaml: 0 errors, 1 unexplained warning, 1 explained');
  });
});
