/**
 * Learned lookup benchmark: what people's picks cost. Evidence lives in memory and is
 * reloaded on an interval, so the figures that matter are a lookup's time with a large
 * body of evidence loaded (against none), the time to rebuild the hints from rows, and
 * the time to read the rows from each store (every replica does that every 30 s).
 *
 * The evidence: EVIDENCE_ROWS rows over distinct generated queries drawn from the seed
 * bank's own words (the worst case: every query shares ideas with many phrasings), four
 * people each, on random entries.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLookup, loadBanks, openSqliteStore, seededRandom, toEvidence, type Bank, type EvidenceRow, type Store } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { pgBenchDb } from './postgres-fixtures.js';
import { tempDirectory } from './temp-directory.js';

const EVIDENCE_ROWS = 20_000;
const PEOPLE_PER_QUERY = 4;
const QUERY_COUNT = 300;
const ROUNDS = 3;
const T0 = Date.parse('2026-12-01T08:00:00Z');

/** The seed's words of 4+ letters, most used first. */
function seedWords(banks: readonly Bank[]): string[] {
  const counts = new Map<string, number>();
  for (const e of banks.flatMap((b) => b.entries)) {
    for (const w of `${e.title} ${e.question} ${e.answerText}`.toLowerCase().match(/[a-z]{4,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 400).map(([w]) => w);
}

function phrase(words: readonly string[], next: () => number): string {
  const n = 2 + Math.floor(next() * 4);
  return Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!).join(' ');
}

/** Evidence rows as the store returns them, newest first. */
function makeRows(banks: readonly Bank[]): EvidenceRow[] {
  const words = seedWords(banks);
  const entries = banks.flatMap((b) => b.entries.map((e) => e.id));
  const next = seededRandom(11);
  const rows: EvidenceRow[] = [];
  for (let q = 0; rows.length < EVIDENCE_ROWS; q++) {
    const query = `how does ${phrase(words, next)} work`;
    const entryId = entries[Math.floor(next() * entries.length)]!;
    for (let p = 0; p < PEOPLE_PER_QUERY && rows.length < EVIDENCE_ROWS; p++) {
      rows.push({ query, entryId, platform: 'slack', workspaceId: 'T1', userId: `u${q % 97}-${p}`, kind: 'after_no_match', atMs: T0 - (rows.length % 300) * 86_400_000 });
    }
  }
  return rows;
}

function queryTimes(search: (q: string) => unknown, queries: readonly string[]): number[] {
  for (const q of queries) search(q);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t = performance.now();
      search(q);
      times.push(performance.now() - t);
    }
  }
  return times;
}

/** Fills a store with the rows: one logged lookup per query, and each person's pick of it. */
async function fill(store: Store, rows: readonly EvidenceRow[]): Promise<void> {
  await store.transaction(async (tx) => {
    const refs = new Map<string, string>();
    for (const row of rows) {
      let ref = refs.get(row.query);
      if (!ref) {
        ref = refs.size.toString(36).padStart(12, '0');
        refs.set(row.query, ref);
        await tx.lookups.record({ platform: row.platform, workspaceId: row.workspaceId, channelId: 'C1', userId: row.userId, query: row.query, topEntryId: null, answered: false, confidence: 0.2, atMs: row.atMs - 1, ref });
      }
      await tx.lookupEvidence.pick(ref, row.userId, row.entryId, row.atMs);
    }
  });
}

async function loadTimes(store: Store): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS + 1; r++) {
    const t = performance.now();
    await store.lookupEvidence.evidence(T0 - 365 * 86_400_000, 50_000);
    if (r > 0) times.push(performance.now() - t);
  }
  return times;
}

export async function benchLearnedLookup(): Promise<Figure[]> {
  const banks = loadBanks('data/banks');
  const rows = makeRows(banks);
  const evidence = rows.map(toEvidence);
  const words = seedWords(banks);
  const next = seededRandom(5);
  // Half the queries are phrasings people used, half are new.
  const queries = Array.from({ length: QUERY_COUNT }, (_, i) => (i % 2 === 0 ? evidence[(i * 37) % evidence.length]!.query : `how does ${phrase(words, next)} work`));

  const lookup = createLookup(banks, { cacheSize: 0 });
  const without = queryTimes((q) => lookup.search(q), queries);
  let t = performance.now();
  const summary = lookup.useLearned(evidence, T0);
  const coldMs = performance.now() - t;
  t = performance.now();
  lookup.useLearned(evidence, T0);
  const warmMs = performance.now() - t;
  const withEvidence = queryTimes((q) => lookup.search(q), queries);

  const figures: Figure[] = [
    { name: 'learned.phrasings', value: summary.phrasings, unit: 'count' },
    { name: 'learned.query_p50.none', value: round(percentile(without, 50)), unit: 'ms' },
    { name: 'learned.query_p99.none', value: round(percentile(without, 99)), unit: 'ms' },
    { name: 'learned.query_p50.loaded', value: round(percentile(withEvidence, 50)), unit: 'ms' },
    { name: 'learned.query_p99.loaded', value: round(percentile(withEvidence, 99)), unit: 'ms' },
    { name: 'learned.rebuild_first', value: round(coldMs, 1), unit: 'ms' },
    { name: 'learned.rebuild_again', value: round(warmMs, 1), unit: 'ms' },
  ];

  const dir = tempDirectory('meshbot-learned-bench-');
  const sqlite = openSqliteStore(join(dir.path, 'bench.db'), T0);
  try {
    await fill(sqlite, rows);
    figures.push({ name: 'learned.load_rows_p50.sqlite', value: round(percentile(await loadTimes(sqlite), 50), 1), unit: 'ms' });
  } finally {
    await sqlite.close();
    dir.remove();
  }
  const pg = await pgBenchDb('2026-12-01T08:00:00Z');
  try {
    await fill(pg.store, rows);
    figures.push({ name: 'learned.load_rows_p50.postgres', value: round(percentile(await loadTimes(pg.store), 50), 1), unit: 'ms' });
  } finally {
    await pg.dispose();
  }
  return figures;
}
