/**
 * Lookup quality on labelled query sets: `npm run eval:ask [-- file.json ...] [--misses]`.
 * Each line of a set is {"query", "expect": [n, ...]} (first = best, [] = off-topic), with
 * an optional "kind" and an optional "split" ("tuning" or "held-out"): a file whose lines
 * carry splits is reported as one set per split. With no files, every set below is run.
 *
 * Held-out sets (the blind set, the held-out half of the near misses) are for checking,
 * never for tuning: `--misses` lists the misses of tuning sets only, and held-out sets
 * print their aggregate figures alone, so nobody tunes to their individual lines.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createLookup, loadBanks, type Lookup } from '../src/index.js';

interface Case {
  query: string;
  expect: number[];
  kind?: string;
  split?: 'tuning' | 'held-out';
}

interface QuerySet {
  name: string;
  cases: Case[];
  heldOut: boolean;
}

const DEFAULT_FILES = [
  'test/fixtures/ask-dev.json',
  'test/fixtures/ask-extended.json',
  'test/fixtures/ask-blind.json',
  'test/fixtures/ask-near-miss.json',
  'test/fixtures/ask-paraphrase.json',
];
/** Files held out as a whole: tuning must not see their lines. */
const HELD_OUT_FILES = new Set(['ask-blind.json']);

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));

const lookup = createLookup(loadBanks(process.env['BANKS_DIR'] ?? 'data/banks'));
for (const set of (files.length > 0 ? files : DEFAULT_FILES).flatMap(readSets)) report(lookup, set);

/** A file as one set, or as one set per split when its lines name splits. */
function readSets(file: string): QuerySet[] {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
  const wholeHeldOut = HELD_OUT_FILES.has(basename(file));
  if (!cases.some((c) => c.split)) return [{ name: file, cases, heldOut: wholeHeldOut }];
  return (['tuning', 'held-out'] as const).map((split) => ({
    name: `${file} (${split})`,
    cases: cases.filter((c) => (c.split ?? 'tuning') === split),
    heldOut: wholeHeldOut || split === 'held-out',
  }));
}

function report(lookup: Lookup, set: QuerySet): void {
  const real = set.cases.filter((c) => c.expect.length > 0);
  const offTopic = set.cases.filter((c) => c.expect.length === 0);
  let top1 = 0;
  let top1Answered = 0;
  let hit3 = 0;
  let rr = 0;
  let answeredReal = 0;
  let abstained = 0;
  const misses: string[] = [];
  const byKind = new Map<string, { n: number; ok: number }>();
  for (const c of real) {
    const result = lookup.search(c.query);
    const numbers = result.hits.map((h) => h.entry.number);
    const rank = numbers.findIndex((n) => c.expect.includes(n));
    const ok = rank === 0;
    if (ok) top1++;
    if (ok && result.answered) top1Answered++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (result.answered) answeredReal++;
    const kind = byKind.get(c.kind ?? 'all') ?? { n: 0, ok: 0 };
    kind.n++;
    if (ok && result.answered) kind.ok++;
    byKind.set(c.kind ?? 'all', kind);
    if (!ok || !result.answered) {
      misses.push(`  MISS ${JSON.stringify(c.query)} expect ${c.expect.join('/')} got ${numbers.slice(0, 3).join(',')} answered=${result.answered} conf=${result.confidence.toFixed(2)}`);
    }
  }
  for (const c of offTopic) {
    const result = lookup.search(c.query);
    if (!result.answered) abstained++;
    else misses.push(`  FALSE ANSWER ${JSON.stringify(c.query)} -> Q${result.hits[0]?.entry.number} conf=${result.confidence.toFixed(2)}`);
  }
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
  console.log(`${set.name}: ${real.length} real queries, ${offTopic.length} off-topic${set.heldOut ? ' [held out: aggregates only]' : ''}`);
  if (real.length > 0) {
    console.log(`  top-1            ${pct(top1, real.length)}   (top-1 and answered: ${pct(top1Answered, real.length)})`);
    console.log(`  hit@3            ${pct(hit3, real.length)}`);
    console.log(`  MRR              ${(rr / real.length).toFixed(3)}`);
    console.log(`  answered (real)  ${pct(answeredReal, real.length)}`);
  }
  if (offTopic.length > 0) console.log(`  abstained (off)  ${pct(abstained, offTopic.length)}   (${offTopic.length - abstained} answered)`);
  if (byKind.size > 1) {
    console.log(`  by kind (top-1 and answered): ${[...byKind].map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
  }
  if (showMisses && !set.heldOut && misses.length > 0) console.log(misses.join('\n'));
}
