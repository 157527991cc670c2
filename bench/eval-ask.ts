/**
 * Lookup quality on labelled query sets: `npm run eval:ask [-- file.json ...] [--misses]
 * [--no-replay]`. The sets and their format: bench/query-sets.ts. With no files, every set
 * is run, then the learning replay (bench/learning-replay.ts).
 *
 * Held-out sets (the blind set, the held-out half of the near misses) are for checking,
 * never for tuning: `--misses` lists the misses of tuning sets only, and held-out sets
 * print their aggregate figures alone, so nobody tunes to their individual lines.
 */
import { createLookup, loadBanks, type Lookup } from '../src/index.js';
import { runLearningReplay } from './learning-replay.js';
import { DEFAULT_FILES, readSets, type QuerySet } from './query-sets.js';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const files = args.filter((a) => !a.startsWith('--'));
const banksDir = process.env['BANKS_DIR'] ?? 'data/banks';

const lookup = createLookup(loadBanks(banksDir));
for (const set of (files.length > 0 ? files : DEFAULT_FILES).flatMap(readSets)) report(lookup, set);
// The learning replay runs with the default sets (or --replay), never on named files alone.
if ((files.length === 0 && !args.includes('--no-replay')) || args.includes('--replay')) await runLearningReplay(banksDir);

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
