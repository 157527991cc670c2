import type { AnswerBlock } from './types.js';

/** One problem found in a bank file: where, and what was expected. */
export interface BankIssue {
  file: string;
  line: number;
  message: string;
}

export interface ParsedEntry {
  number: number;
  title: string;
  question: string;
  answer: AnswerBlock[];
  /** 1-based line of the `Qn:` heading. */
  line: number;
}

export interface ParsedBank {
  title: string;
  intro: string;
  entries: ParsedEntry[];
  trailer: string[];
}

export type ParseResult = { ok: true; bank: ParsedBank } | { ok: false; issues: BankIssue[] };

const PILCROW = '¶';
const HEADING = /^Q(\d+):\s*(.*?)\s*$/;
const BULLET = /^\s*[-*]\s+(.*\S)\s*$/;
/** Lines that begin the navigation trailer after the last answer. */
const TRAILER_START = /^(Next step:|In this topic\b)/i;

/**
 * Parses the bank text format: a title line ending in ¶, an intro paragraph, a bullet
 * list of short titles (one per question, in order), then `Qn: question¶` headings each
 * followed by its answer (paragraphs and pipe tables), then an optional trailer.
 * Pure: returns every issue found with its line number instead of throwing.
 */
export function parseBank(text: string, file: string, removed: ReadonlySet<number> = NONE): ParseResult {
  const steps = parseSteps(text, file, Number.POSITIVE_INFINITY, removed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same parse, awaiting `pause` after every `slice` lines: a reload of a bank of
 * thousands of questions leaves the event loop free for replies meanwhile.
 */
export async function parseBankInSlices(text: string, file: string, pause: () => Promise<void>, removed: ReadonlySet<number> = NONE, slice = 2_000): Promise<ParseResult> {
  const steps = parseSteps(text, file, slice, removed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

const NONE: ReadonlySet<number> = new Set();

/**
 * The parse as a generator that yields after every `slice` lines. Question numbers in
 * `removed` (from the bank's metadata) are skipped, not expected: a question taken out of
 * the middle of a bank leaves the numbers, and so the entry ids, of the others as they were.
 */
function* parseSteps(text: string, file: string, slice: number, removed: ReadonlySet<number>): Generator<void, ParseResult> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const issues: BankIssue[] = [];
  const issue = (line: number, message: string): void => {
    issues.push({ file, line, message });
  };

  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };

  skipBlank();
  if (i >= lines.length) {
    return { ok: false, issues: [{ file, line: 1, message: `the file is empty: expected a title line ending in "${PILCROW}"` }] };
  }
  const titleLine = lines[i]!.trim();
  if (!titleLine.endsWith(PILCROW) || HEADING.test(titleLine)) {
    issue(i + 1, `expected a title line ending in "${PILCROW}", found "${clip(titleLine)}"`);
    return { ok: false, issues };
  }
  const title = titleLine.slice(0, -1).trim();
  i++;

  const introLines: string[] = [];
  while (i < lines.length && !BULLET.test(lines[i]!) && !HEADING.test(lines[i]!.trim())) {
    if (lines[i]!.trim() !== '') introLines.push(lines[i]!.trim());
    i++;
  }

  const titles: { text: string; line: number }[] = [];
  while (i < lines.length && (BULLET.test(lines[i]!) || lines[i]!.trim() === '')) {
    const match = BULLET.exec(lines[i]!);
    if (match) titles.push({ text: match[1]!, line: i + 1 });
    i++;
  }

  const entries: ParsedEntry[] = [];
  const seen = new Map<number, number>();
  let lastNumber = 0;
  const nextNumber = (): number => {
    let n = lastNumber + 1;
    while (removed.has(n)) n++;
    return n;
  };
  let trailer: string[] = [];
  let current: { number: number; question: string; line: number; body: { text: string; line: number }[] } | null = null;

  const finish = (): void => {
    if (!current) return;
    const answer = buildAnswer(current.body, file, issues);
    if (answer.length === 0) {
      issue(current.line, `Q${current.number} has no answer: expected answer text after the heading`);
    }
    const shortTitle = titles[entries.length]?.text ?? current.question;
    entries.push({ number: current.number, title: shortTitle, question: current.question, answer, line: current.line });
    current = null;
  };

  for (let n = 1; i < lines.length; i++, n++) {
    if (n % slice === 0) yield;
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const heading = HEADING.exec(trimmed);
    if (heading) {
      finish();
      const number = Number(heading[1]);
      let question = heading[2]!;
      if (!question.endsWith(PILCROW)) {
        issue(i + 1, `expected the heading "Q${number}: ..." to end in "${PILCROW}"`);
      } else {
        question = question.slice(0, -1).trim();
      }
      if (question === '') issue(i + 1, `Q${number} has an empty question`);
      const expected = nextNumber();
      const firstLine = seen.get(number);
      if (firstLine !== undefined) {
        issue(i + 1, `duplicate Q${number} (first at line ${firstLine}): expected Q${expected}`);
      } else if (removed.has(number)) {
        issue(i + 1, `Q${number} is listed as removed in the metadata: take it out of "removed" or out of the bank`);
      } else if (number !== expected) {
        issue(i + 1, `questions out of order: expected Q${expected}, found Q${number}`);
      }
      seen.set(number, i + 1);
      lastNumber = number;
      current = { number, question, line: i + 1, body: [] };
      continue;
    }
    if (!current) {
      if (trimmed !== '') issue(i + 1, `expected a "Q${nextNumber()}: question${PILCROW}" heading, found "${clip(trimmed)}"`);
      continue;
    }
    if (TRAILER_START.test(trimmed)) {
      finish();
      trailer = lines.slice(i).map((l) => l.trim()).filter((l) => l !== '');
      break;
    }
    if (trimmed !== '') current.body.push({ text: trimmed, line: i + 1 });
  }
  finish();

  if (entries.length === 0 && issues.length === 0) {
    issue(lines.length, `expected at least one "Q1: question${PILCROW}" heading`);
  }
  if (titles.length > 0 && titles.length !== entries.length && issues.length === 0) {
    issue(titles[0]!.line, `the title list has ${titles.length} items but the bank has ${entries.length} questions: expected one title per question`);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, bank: { title, intro: introLines.join(' '), entries, trailer } };
}

/** Groups answer lines into paragraphs and pipe tables. */
function buildAnswer(body: { text: string; line: number }[], file: string, issues: BankIssue[]): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  let k = 0;
  while (k < body.length) {
    const line = body[k]!;
    if (!line.text.startsWith('|')) {
      blocks.push({ kind: 'text', text: line.text });
      k++;
      continue;
    }
    const tableLines: { text: string; line: number }[] = [];
    while (k < body.length && body[k]!.text.startsWith('|')) tableLines.push(body[k++]!);
    const table = buildTable(tableLines, file, issues);
    if (table) blocks.push(table);
  }
  return blocks;
}

const SEPARATOR_CELL = /^:?-{3,}:?$/;

function buildTable(lines: { text: string; line: number }[], file: string, issues: BankIssue[]): AnswerBlock | null {
  const rows = lines.map((l) => splitRow(l.text));
  const header = rows[0]!;
  const separator = rows[1];
  if (!separator || !separator.every((c) => SEPARATOR_CELL.test(c))) {
    // Point at the row that should have been the separator, or at a lone header row.
    issues.push({ file, line: (lines[1] ?? lines[0]!).line, message: 'expected a table separator row like "|---|---|" after the table header' });
    return null;
  }
  const body = rows.slice(2);
  body.forEach((row, n) => {
    if (row.length !== header.length) {
      issues.push({ file, line: lines[n + 2]!.line, message: `expected ${header.length} table cells, found ${row.length}` });
    }
  });
  return { kind: 'table', header, rows: body };
}

function splitRow(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
