import MiniSearch from 'minisearch';
import type { Bank, Entry } from '../bank/types.js';
import { GENERAL_ALIASES } from './general-aliases.js';
import { indexTokens, splitWords } from './normalize.js';
import { EntryPhrases } from './phrases.js';
import { buildAliasTable, type AliasTable } from './query-plan.js';
import { stem } from './stem.js';
import { STOPWORDS } from './stopwords.js';
import { Vocabulary } from './vocabulary.js';

/** Searchable fields of an entry. */
const FIELDS = ['title', 'question', 'keywords', 'answer'] as const;
export type Field = (typeof FIELDS)[number];

interface IndexedDoc {
  id: string;
  title: string;
  question: string;
  keywords: string;
  answer: string;
}

/** Fields where a term matters however many entries use it: a passing mention in an answer does not. */
const STRONG_FIELDS: Field[] = ['title', 'question', 'keywords'];

/**
 * A term used by more entries than this is searched in the strong fields only: in that
 * many answers a mention tells entries apart hardly at all, and walking its postings is
 * most of a query's cost on a large bank. Never reached by banks of a few hundred entries.
 */
const MAX_ANSWER_POSTINGS = 1_000;

/** The built index: MiniSearch for scoring, plus what query planning and ranking need. */
export interface SearchIndex {
  mini: MiniSearch<IndexedDoc>;
  vocabulary: Vocabulary;
  aliases: AliasTable;
  entries: Map<string, Entry>;
  phrases: EntryPhrases;
  /** The fields to search a term in (see MAX_ANSWER_POSTINGS). */
  fieldsFor(term: string): Field[];
}

function processTerm(term: string): string | null {
  return STOPWORDS.has(term) ? null : stem(term);
}

/**
 * Indexes every entry of the banks; aliases come from the general list and each bank.
 * Synchronous: for the CLI, tests and start-up, where nothing else waits.
 */
export function buildSearchIndex(banks: readonly Bank[]): SearchIndex {
  const steps = indexSteps(banks, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Builds the same index in slices of `slice` entries, awaiting `pause` between slices, so a
 * reload of a large bank leaves the event loop free for replies while the old index
 * serves them (docs/design.md, "Curriculum").
 */
export async function buildSearchIndexInSlices(banks: readonly Bank[], slice: number, pause: () => Promise<void>): Promise<SearchIndex> {
  const steps = indexSteps(banks, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The index build as a generator that yields after every `slice` entries. */
function* indexSteps(banks: readonly Bank[], slice: number): Generator<void, SearchIndex> {
  const mini = new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    idField: 'id',
    tokenize: indexTokens,
    processTerm,
    searchOptions: { tokenize: (q) => q.split(' '), processTerm: (t) => t },
  });
  const vocabulary = new Vocabulary();
  const entries = new Map<string, Entry>();
  let done = 0;
  for (const bank of banks) {
    for (const entry of bank.entries) {
      const doc: IndexedDoc = {
        id: entry.id,
        title: entry.title,
        question: entry.question,
        keywords: entry.keywords.join(' ; '),
        answer: entry.answerText,
      };
      mini.add(doc);
      entries.set(entry.id, entry);
      const text = FIELDS.map((f) => doc[f]).join(' ');
      const tokens = indexTokens(text);
      const stems = tokens.map(processTerm).filter((t): t is string => t !== null);
      vocabulary.addDocument(stems, tokens);
      if (++done % slice === 0) yield;
    }
  }
  const aliases = buildAliasTable(GENERAL_ALIASES, ...banks.map((b) => b.aliases));
  for (const phrase of [...Object.keys(GENERAL_ALIASES), ...banks.flatMap((b) => Object.keys(b.aliases))]) {
    for (const word of splitWords(phrase)) vocabulary.addSurface(word.surface, true);
  }
  const all = [...FIELDS];
  const fieldsFor = (term: string): Field[] => (vocabulary.documentFrequency(term) > MAX_ANSWER_POSTINGS ? STRONG_FIELDS : all);
  return { mini, vocabulary, aliases, entries, phrases: new EntryPhrases(), fieldsFor };
}
