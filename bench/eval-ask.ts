/**
 * Lookup quality on a labelled query set: `npm run eval:ask [-- file.json ...] [--misses]`.
 * Each line of a set is {"query", "expect": [n, ...]} (first = best, [] = off-topic).
 */
import { readFileSync } from 'node:fs';
import { createLookup, loadBanks } from '../src/index.js';

interface Case {
  query: string;
  expect: number[];
  kind?: string;
}

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) files.push('test/fixtures/ask-dev.json');

const lookup = createLookup(loadBanks(process.env['BANKS_DIR'] ?? 'data/banks'));

for (const file of files) {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
  const real = cases.filter((c) => c.expect.length > 0);
  const offTopic = cases.filter((c) => c.expect.length === 0);
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
  console.log(`${file}: ${real.length} real queries, ${offTopic.length} off-topic`);
  console.log(`  top-1            ${pct(top1, real.length)}   (top-1 and answered: ${pct(top1Answered, real.length)})`);
  console.log(`  hit@3            ${pct(hit3, real.length)}`);
  console.log(`  MRR              ${(rr / Math.max(real.length, 1)).toFixed(3)}`);
  console.log(`  answered (real)  ${pct(answeredReal, real.length)}`);
  console.log(`  abstained (off)  ${pct(abstained, offTopic.length)}`);
  if (byKind.size > 1) {
    console.log(`  by kind (top-1 and answered): ${[...byKind].map(([k, v]) => `${k} ${v.ok}/${v.n}`).join(', ')}`);
  }
  if (showMisses) console.log(misses.join('\n'));
}
