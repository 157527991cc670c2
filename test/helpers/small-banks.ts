import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './fixtures.js';

/** A three-question bank in the seed's format, with no quiz items: quizzed in recall mode. */
export const TINY_BANK = `Tiny Ops Bank¶
A small bank for tests, with no quiz items.
- Pager duty basics
- Runbooks
- Postmortems
Q1: What is an on-call rotation for?¶
It spreads the load of answering pages across a team so nobody is on call all the time.
Q2: Why keep runbooks?¶
A runbook turns a known fix into steps anyone on call can follow at 3 a.m.
Q3: What makes a postmortem blameless?¶
It looks for the conditions that let a mistake happen, not for someone to blame.
`;

/** Multiple-choice items for the tiny bank's first question only. */
export const TINY_QUIZ_Q1_ONLY = `items:
  - question: 1
    prompt: "What does an on-call rotation spread across a team?"
    correct: "The load of answering pages"
    wrong:
      - "The cost of the monitoring vendor"
      - "Ownership of every service's code"
      - "The writing of release notes"
    explanation: "A rotation spreads the load of answering pages so nobody is on call all the time (Q1)."
`;

/** A fresh BANKS_DIR holding the tiny bank, and its quiz file if given. */
export function tinyBanksDir(quiz?: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'tiny.txt'), TINY_BANK);
  if (quiz) writeFileSync(join(dir, 'tiny.quiz.yaml'), quiz);
  return dir;
}
