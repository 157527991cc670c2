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

/** Parses and cross-checks a bank with its metadata and quiz items. Pure. */
export function buildBank(source: BankSource): BuildResult {
  return assemble(source, parseBank(source.text, source.file));
}

/** The same, parsing the bank text in slices (awaiting `pause` between them) for reloads. */
export async function buildBankInSlices(source: BankSource, pause: () => Promise<void>): Promise<BuildResult> {
  return assemble(source, await parseBankInSlices(source.text, source.file, pause));
}

function assemble(source: BankSource, parsed: ParseResult): BuildResult {
  if (!parsed.ok) return parsed;
  const issues: BankIssue[] = [];

  let meta: BankMeta = { slug: slugFromFile(source.file), aliases: {}, questions: {} };
  if (source.meta) {
    const result = validateYaml(source.meta.text, source.meta.file, bankMetaSchema);
    if (!result.ok) return result;
    meta = result.value;
    for (const key of Object.keys(meta.questions)) {
      const n = Number(key);
      if (n < 1 || n > parsed.bank.entries.length) {
        issues.push({ file: source.meta.file, line: result.lineOf(['questions', key]), message: `questions.${key}: the bank has no Q${key} (it has Q1-Q${parsed.bank.entries.length})` });
      }
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
