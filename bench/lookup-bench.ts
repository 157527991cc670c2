/**
 * Lookup benchmark: our lookup (planning, aliases, abstention and all) against plain
 * MiniSearch (prefix + fuzzy 0.2, title boost 2) on the same entries and the same
 * queries, on the seed bank and on a generated 10,000-entry bank with a small vocabulary
 * (every word is in thousands of entries: the worst case for an inverted index).
 *
 * Each (engine, bank) pair runs in a fresh child process, so one engine's garbage, JIT
 * state or heap growth cannot flatter or penalise the other, and resident memory is that
 * engine's alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { createLookup, loadBanks, seededRandom as random, type Bank } from '../src/index.js';
import { generateBank, seedVocabulary, sentence, VOCABULARY_SIZE } from './generated-banks.js';
import { percentile, round, type Figure } from './figure.js';

type Engine = 'ours' | 'plain';
type BankName = 'seed' | '10k' | '10x14';

const ENGINES: readonly Engine[] = ['ours', 'plain'];
const BANKS: readonly BankName[] = ['seed', '10x14', '10k'];
const GENERATED_ENTRIES = 10_000;
const QUERY_COUNT = 300;
const WARMUP_ROUNDS = 2;
const MEASURED_ROUNDS = 3;

/** What one child process measures. */
interface Measurement {
  buildMs: number;
  rssMb: number;
  rssDeltaMb: number;
  perQueryMs: number[];
  /** The same queries ranked for a channel that uses two of the banks (10x14 only). */
  scopedPerQueryMs: number[];
}

/** Runs every (engine, bank) pair in its own process and reports them side by side. */
export async function benchLookup(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const means = new Map<string, number>();
  for (const bank of BANKS) {
    for (const engine of ENGINES) {
      const m = runChild(engine, bank);
      const prefix = `lookup.${bank}.${engine}`;
      const mean = m.perQueryMs.reduce((s, v) => s + v, 0) / Math.max(m.perQueryMs.length, 1);
      means.set(`${bank}.${engine}`, mean);
      figures.push(
        { name: `${prefix}.query_p50`, value: round(percentile(m.perQueryMs, 50)), unit: 'ms' },
        { name: `${prefix}.query_p99`, value: round(percentile(m.perQueryMs, 99)), unit: 'ms' },
        { name: `${prefix}.query_mean`, value: round(mean), unit: 'ms' },
        { name: `${prefix}.build`, value: round(m.buildMs, 1), unit: 'ms' },
        { name: `${prefix}.rss_after_build`, value: round(m.rssMb, 1), unit: 'MB' },
        { name: `${prefix}.rss_delta`, value: round(m.rssDeltaMb, 1), unit: 'MB' },
      );
      if (m.scopedPerQueryMs.length > 0) {
        figures.push(
          { name: `${prefix}.channel_scoped_query_p50`, value: round(percentile(m.scopedPerQueryMs, 50)), unit: 'ms' },
          { name: `${prefix}.channel_scoped_query_p99`, value: round(percentile(m.scopedPerQueryMs, 99)), unit: 'ms' },
        );
      }
    }
  }
  const ours = means.get('10k.ours');
  const plain = means.get('10k.plain');
  if (ours !== undefined && plain !== undefined && plain > 0) {
    figures.push({ name: 'lookup.10k.ours_over_plain_mean', value: round(ours / plain), unit: 'x' });
  }
  return figures;
}

function runChild(engine: Engine, bank: BankName): Measurement {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, engine, bank], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`lookup bench (${engine}, ${bank}) failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

// ---- inside the child: build one engine over one bank, then time the queries ----

interface Searcher {
  search(query: string, scope?: { preferBanks: ReadonlySet<string> | null }): unknown;
}

/** Ten banks of fourteen entries: the seed and nine generated ones. */
function tenSmallBanks(seed: readonly Bank[]): Bank[] {
  return [...seed, ...Array.from({ length: 9 }, (_, i) => generateBank(seed, 14, `small${i + 1}`, 100 + i))];
}

function measure(engine: Engine, bankName: BankName): Measurement {
  const seed = loadBanks('data/banks');
  const banks = bankName === 'seed' ? seed : bankName === '10x14' ? tenSmallBanks(seed) : [generateBank(seed, GENERATED_ENTRIES)];
  const queries = makeQueries(seed, QUERY_COUNT);
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  // The result cache is off: every measured query must be searched, as plain MiniSearch searches it.
  const searcher = engine === 'ours' ? createLookup(banks, { cacheSize: 0 }) : plainMiniSearch(banks);
  const buildMs = performance.now() - start;
  collectGarbage();
  const rss = process.memoryUsage().rss;

  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const q of queries) searcher.search(q);
  const perQueryMs: number[] = [];
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    for (const q of queries) {
      const t = performance.now();
      searcher.search(q);
      perQueryMs.push(performance.now() - t);
    }
  }
  const scopedPerQueryMs: number[] = [];
  if (engine === 'ours' && bankName === '10x14') {
    const scope = { preferBanks: new Set([banks[1]!.slug, banks[2]!.slug]) };
    for (const q of queries) searcher.search(q, scope);
    for (let round = 0; round < MEASURED_ROUNDS; round++) {
      for (const q of queries) {
        const t = performance.now();
        searcher.search(q, scope);
        scopedPerQueryMs.push(performance.now() - t);
      }
    }
  }
  return { buildMs, rssMb: rss / 2 ** 20, rssDeltaMb: (rss - rssBefore) / 2 ** 20, perQueryMs, scopedPerQueryMs };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Plain MiniSearch as a team would configure it out of the box, tuned only by options. */
function plainMiniSearch(banks: readonly Bank[]): Searcher {
  const mini = new MiniSearch<{ id: string; title: string; question: string; answer: string }>({
    fields: ['title', 'question', 'answer'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
  });
  mini.addAll(banks.flatMap((b) => b.entries.map((e) => ({ id: e.id, title: e.title, question: e.question, answer: e.answerText }))));
  return { search: (query) => mini.search(query) };
}

/**
 * Distinct queries of the kinds users type: keywords, natural questions, and words with
 * a typo, all over the same small vocabulary, so both engines face the same matches.
 */
function makeQueries(seed: readonly Bank[], count: number): string[] {
  const words = seedVocabulary(seed, VOCABULARY_SIZE);
  const next = random(7);
  const out = new Set<string>();
  while (out.size < count) {
    const kind = out.size % 3;
    const base = sentence(words, next, 1, 3);
    if (kind === 0) out.add(base);
    else if (kind === 1) out.add(`how does ${base} work`);
    else out.add(typo(base, next));
  }
  return [...out];
}

function typo(text: string, next: () => number): string {
  return text
    .split(' ')
    .map((w) => {
      if (w.length < 6) return w;
      const i = 1 + Math.floor(next() * (w.length - 2));
      return w.slice(0, i) + w.slice(i + 1);
    })
    .join(' ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [engine, bank] = process.argv.slice(2) as [Engine, BankName];
  console.log(JSON.stringify(measure(engine, bank)));
}
