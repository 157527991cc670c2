/**
 * Text normalisation shared by indexing and querying, so both sides agree on what a
 * word is: lowercase, no diacritics, one kind of quote and dash, hyphenated compounds
 * split (and also kept joined, so "sidecar-less" meets "sidecarless").
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/×/g, ' x ')
    // "tl;dr" is one word people type, not "tl" and "dr".
    .replace(/\btl;\s?dr\b/g, 'tldr');
}

const WORD = /[a-z0-9]+(?:[.'/-][a-z0-9]+)*/g;

/** One word as typed: its surface form and, for compounds ("east-west", "a/b"), its parts. */
export interface Word {
  surface: string;
  parts: string[];
}

/** Splits text into words; a compound keeps its surface form and lists its parts. */
export function splitWords(text: string): Word[] {
  const out: Word[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    const surface = match[0].replace(/'s$/, '').replace(/'/g, '');
    if (/[-/.]/.test(surface) && !/^[a-z]?\d+(\.\d+)+$/.test(surface) && surface !== 'x.509') {
      out.push({ surface, parts: surface.split(/[-/.]/).filter((p) => p !== '') });
    } else {
      out.push({ surface: surface.replace(/[-/]/g, ''), parts: [surface.replace(/[-/]/g, '')] });
    }
  }
  return out;
}

/** The joined form of a compound ("east-west" -> "eastwest"), so either spelling meets the other. */
export function joined(word: Word): string {
  return word.parts.join('');
}

/**
 * Prefixes written with a hyphen ("un-meshed", "non-mesh", "re-encrypt"): a part of a
 * compound, not a word of its own, so "un" alone never matches an entry that says "un-meshed".
 */
const PREFIX_PARTS = new Set(['un', 'non', 're', 'pre', 'co', 'de']);

/** Index tokens for a text: every part of every word (but a bare prefix), plus the joined form of compounds. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(text)) {
    if (word.parts.length === 1) {
      out.push(...word.parts);
      continue;
    }
    out.push(...word.parts.filter((p) => !PREFIX_PARTS.has(p)), joined(word));
  }
  return out;
}

/** A phrase as a lookup key: its words' surface forms joined by single spaces. */
export function phraseKey(text: string): string {
  return splitWords(text)
    .map((w) => w.surface)
    .join(' ');
}
