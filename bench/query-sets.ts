/**
 * The labelled query sets of `npm run eval:ask`: each line of a set is {"query", "expect":
 * [n, ...]} (first = best, [] = off-topic), with an optional "kind" and an optional
 * "split" ("tuning" or "held-out"): a file whose lines carry splits is read as one set per
 * split. Held-out sets are for checking, never for tuning: report their aggregates only.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface Case {
  query: string;
  expect: number[];
  kind?: string;
  split?: 'tuning' | 'held-out';
}

export interface QuerySet {
  name: string;
  cases: Case[];
  heldOut: boolean;
}

export const DEFAULT_FILES = [
  'test/fixtures/ask-dev.json',
  'test/fixtures/ask-extended.json',
  'test/fixtures/ask-blind.json',
  'test/fixtures/ask-near-miss.json',
  'test/fixtures/ask-paraphrase.json',
  'test/fixtures/ask-everyday.json',
  'test/fixtures/ask-terse.json',
  'test/fixtures/ask-symptoms.json',
];

/** Files held out as a whole: tuning must not see their lines. */
const HELD_OUT_FILES = new Set(['ask-blind.json']);

/** A file as one set, or as one set per split when its lines name splits. */
export function readSets(file: string): QuerySet[] {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
  const wholeHeldOut = HELD_OUT_FILES.has(basename(file));
  if (!cases.some((c) => c.split)) return [{ name: file, cases, heldOut: wholeHeldOut }];
  return (['tuning', 'held-out'] as const).map((split) => ({
    name: `${file} (${split})`,
    cases: cases.filter((c) => (c.split ?? 'tuning') === split),
    heldOut: wholeHeldOut || split === 'held-out',
  }));
}
