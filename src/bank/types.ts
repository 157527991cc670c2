import type { LintAllowance } from './lint/lint-rules.js';

/** A paragraph or a pipe table inside an answer; tables stay structured so adapters can render them. */
export type AnswerBlock =
  | { kind: 'text'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export type Tier = 'fundamentals' | 'intermediate' | 'senior' | 'staff';

export interface Entry {
  /** Stable id `<bank-slug>-q<n>`, e.g. `mesh-q7`. */
  id: string;
  bankSlug: string;
  number: number;
  /** The short title from the bank's bullet list. */
  title: string;
  question: string;
  answer: AnswerBlock[];
  /** The answer flattened to plain text (tables included), for search and previews. */
  answerText: string;
  tier: Tier | null;
  /** Extra search terms for this entry from the bank's metadata. */
  keywords: string[];
}

export interface QuizItem {
  /** Stable id `<entry-id>-i<k>` (k counts the entry's items from 1). */
  id: string;
  entryId: string;
  prompt: string;
  correct: string;
  wrong: string[];
  explanation: string;
  /** Lint warnings the author keeps on purpose, with the reason (`banks check` reports them as explained). */
  lint?: LintAllowance;
  /** 1-based line of the item in its quiz file, for authors' messages. */
  line?: number;
}

export interface Bank {
  slug: string;
  title: string;
  intro: string;
  /** Source file name (no directory), for messages. */
  file: string;
  entries: Entry[];
  /** Lines after the last answer that belong to no answer (`Next step: ...`). */
  trailer: string[];
  /** Bank-wide aliases: a term and the phrases it stands for. */
  aliases: Record<string, string[]>;
  quizItems: QuizItem[];
  /** What the bank is about: its title before the level ("Service Mesh"), or the metadata's `topic`. */
  topic: string;
  /** Its level within the topic ("Interview", "Junior"), or null when neither title nor metadata names one. */
  level: string | null;
  /** The bank to study next, by title or slug (the trailer's `Next step:` or the metadata's `next`), or null. */
  nextStep: string | null;
  /** The levels the topic has (the trailer's `In this topic` list, or the metadata's `levels`). */
  topicLevels: string[];
}
