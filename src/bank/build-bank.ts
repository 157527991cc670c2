import { readTrailer, splitTitle } from './curriculum.js';
import { bankMetaSchema, quizFileSchema, type BankMeta, type QuizFile } from './meta-schema.js';
import { parseBank, parseBankInSlices, type BankIssue, type ParseResult } from './parse-bank.js';
import type { Bank, Entry, QuizItem } from './types.js';
import { validateYaml } from './validate-yaml.js';

/** The text of one bank and its optional companion files, as read from disk. */
export interface BankSource {
  file: string;
  text: string;
  meta?: { file: string; text: string };
  quiz?: { file: string; text: string };
}

export type BuildResult = { ok: true; bank: Bank } | { ok: false; issues: BankIssue[] };

/** Slug for a bank without metadata: its file name, lowercased and hyphenated. */
export function slugFromFile(file: string): string {
  const base = file.replace(/\.[^.]+$/, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 31) || 'bank';
}

type MetaResult = { ok: true; meta: BankMeta; lineOf: (path: (string | number)[]) => number } | { ok: false; issues: BankIssue[] };

/** The bank's metadata, or the defaults without a metadata file. Read first: it says which question numbers were removed. */
function readMeta(source: BankSource): MetaResult {
  if (!source.meta) return { ok: true, meta: { slug: slugFromFile(source.file), aliases: {}, questions: {}, removed: [] }, lineOf: () => 1 };
  const result = validateYaml(source.meta.text, source.meta.file, bankMetaSchema);
  return result.ok ? { ok: true, meta: result.value, lineOf: result.lineOf } : result;
}

/** Parses and cross-checks a bank with its metadata and quiz items. Pure. */
export function buildBank(source: BankSource): BuildResult {
  const meta = readMeta(source);
  if (!meta.ok) return meta;
  return assemble(source, meta, parseBank(source.text, source.file, new Set(meta.meta.removed)));
}

/** The same, parsing the bank text in slices (awaiting `pause` between them) for reloads. */
export async function buildBankInSlices(source: BankSource, pause: () => Promise<void>): Promise<BuildResult> {
  const meta = readMeta(source);
  if (!meta.ok) return meta;
  return assemble(source, meta, await parseBankInSlices(source.text, source.file, pause, new Set(meta.meta.removed)));
}

function assemble(source: BankSource, read: Extract<MetaResult, { ok: true }>, parsed: ParseResult): BuildResult {
  if (!parsed.ok) return parsed;
  const issues: BankIssue[] = [];
  const { meta } = read;
  const numbers = new Set(parsed.bank.entries.map((e) => e.number));
  for (const key of Object.keys(meta.questions)) {
    if (!numbers.has(Number(key))) {
      issues.push({ file: source.meta?.file ?? source.file, line: read.lineOf(['questions', key]), message: `questions.${key}: the bank has no Q${key}` });
    }
  }

  const entries: Entry[] = parsed.bank.entries.map((e) => {
    const info = meta.questions[String(e.number)];
    return {
      id: `${meta.slug}-q${e.number}`,
      bankSlug: meta.slug,
      number: e.number,
      title: e.title,
      question: e.question,
      answer: e.answer,
      answerText: e.answer
        .map((b) => (b.kind === 'text' ? b.text : [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n')))
        .join('\n'),
      tier: info?.tier ?? null,
      keywords: info?.keywords ?? [],
    };
  });

  let quizItems: QuizItem[] = [];
  if (source.quiz) {
    const result = validateYaml(source.quiz.text, source.quiz.file, quizFileSchema);
    if (!result.ok) return result;
    quizItems = buildQuizItems(result.value, entries, source.quiz.file, result.lineOf, issues);
  }

  if (issues.length > 0) return { ok: false, issues };
  const fromTitle = splitTitle(parsed.bank.title);
  const fromTrailer = readTrailer(parsed.bank.trailer);
  return {
    ok: true,
    bank: {
      slug: meta.slug,
      title: parsed.bank.title,
      intro: parsed.bank.intro,
      file: source.file,
      entries,
      trailer: parsed.bank.trailer,
      aliases: meta.aliases,
      quizItems,
      topic: meta.topic ?? fromTitle.topic,
      level: meta.level ?? fromTitle.level,
      nextStep: meta.next === undefined ? fromTrailer.nextStep : meta.next,
      topicLevels: meta.levels ?? fromTrailer.topicLevels,
    },
  };
}

function buildQuizItems(
  quiz: QuizFile,
  entries: Entry[],
  file: string,
  lineOf: (path: (string | number)[]) => number,
  issues: BankIssue[],
): QuizItem[] {
  const perEntry = new Map<string, number>();
  const items: QuizItem[] = [];
  quiz.items.forEach((item, index) => {
    const entry = entries.find((e) => e.number === item.question);
    if (!entry) {
      issues.push({ file, line: lineOf(['items', index, 'question']), message: `items.${index}.question: the bank has no Q${item.question}` });
      return;
    }
    const choices = [item.correct, ...item.wrong].map((c) => c.toLowerCase());
    if (new Set(choices).size !== choices.length) {
      issues.push({ file, line: lineOf(['items', index]), message: `items.${index}: the four choices must be distinct` });
      return;
    }
    const k = (perEntry.get(entry.id) ?? 0) + 1;
    perEntry.set(entry.id, k);
    const built: QuizItem = {
      id: `${entry.id}-i${k}`,
      entryId: entry.id,
      prompt: item.prompt,
      correct: item.correct,
      wrong: item.wrong,
      explanation: item.explanation,
      line: lineOf(['items', index]),
    };
    if (item.lint) built.lint = item.lint;
    items.push(built);
  });
  return items;
}
