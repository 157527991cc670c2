/**
 * Generated banks for the lookup benches: entries whose every word comes from the seed
 * bank's few hundred most used words (the worst case for an inverted index), as values
 * or as bank files in the seed's format (to time parsing and validation too).
 */
import { seededRandom as random, type Bank, type Entry } from '../src/index.js';

export const VOCABULARY_SIZE = 300;

/** The seed's most used words of 3+ letters: a small vocabulary drawn from real entries. */
export function seedVocabulary(seed: readonly Bank[], size = VOCABULARY_SIZE): string[] {
  const counts = new Map<string, number>();
  for (const entry of seed.flatMap((b) => b.entries)) {
    for (const w of `${entry.title} ${entry.question} ${entry.answerText}`.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, size).map(([w]) => w);
}

export function sentence(words: readonly string[], next: () => number, min: number, max: number): string {
  const n = min + Math.floor(next() * (max - min + 1));
  return Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!).join(' ');
}

/** A bank of `count` generated entries under `slug`. */
export function generateBank(seed: readonly Bank[], count: number, slug = 'gen', seedNumber = 42): Bank {
  const words = seedVocabulary(seed);
  const next = random(seedNumber);
  const entries: Entry[] = [];
  for (let n = 1; n <= count; n++) {
    const answerText = `${sentence(words, next, 40, 120)}.`;
    entries.push({
      id: `${slug}-q${n}`,
      bankSlug: slug,
      number: n,
      title: sentence(words, next, 2, 5),
      question: `${sentence(words, next, 5, 12)}?`,
      answer: [{ kind: 'text', text: answerText }],
      answerText,
      tier: null,
      keywords: [],
    });
  }
  const aliases = Object.assign({}, ...seed.map((b) => b.aliases)) as Record<string, string[]>;
  return { slug, title: `Generated ${slug}`, intro: '', file: `${slug}.txt`, entries, trailer: [], aliases, quizItems: [], topic: `Generated ${slug}`, level: null, nextStep: null, topicLevels: [] };
}

/** A bank as the text of a bank file (title, intro, titles, Qn headings and answers). */
export function bankFileText(bank: Bank): string {
  return [
    `${bank.title} — Large¶`,
    'A generated bank.',
    ...bank.entries.map((e) => `- ${e.title}`),
    ...bank.entries.flatMap((e) => [`Q${e.number}: ${e.question}¶`, e.answerText]),
    'Next step: Nowhere — Else',
  ].join('\n');
}
