import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BotError } from '../errors.js';
import { buildBank, type BankSource } from './build-bank.js';
import type { BankIssue } from './parse-bank.js';
import type { Bank } from './types.js';

/** Reads a bank file and its `<name>.meta.yaml` / `<name>.quiz.yaml` companions, if present. */
export function readBankSource(path: string): BankSource {
  const dir = dirname(path);
  const file = basename(path);
  const stem = file.replace(/\.txt$/, '');
  const companion = (suffix: string): { file: string; text: string } | undefined => {
    const name = `${stem}.${suffix}.yaml`;
    const full = join(dir, name);
    return existsSync(full) ? { file: name, text: readFileSync(full, 'utf8') } : undefined;
  };
  const source: BankSource = { file, text: readFileSync(path, 'utf8') };
  const meta = companion('meta');
  const quiz = companion('quiz');
  if (meta) source.meta = meta;
  if (quiz) source.quiz = quiz;
  return source;
}

/** Formats bank issues as `file:line: message` lines. */
export function formatIssues(issues: BankIssue[]): string {
  return issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n');
}

/** What a scan of the banks folder found: each bank's sources, and bank files that could not be read. */
export interface BankScan {
  sources: BankSource[];
  /** Read errors, each naming the bank's `.txt` file (its companions are read with it). */
  unreadable: BankIssue[];
}

/**
 * Reads every `*.txt` bank of a folder with its companion files, without judging them:
 * a reload decides what to do with each (docs/design.md, "Curriculum"). Never throws; a
 * missing folder or an unreadable file is an issue of the scan.
 */
export function scanBanks(dir: string): BankScan {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch (cause) {
    return { sources: [], unreadable: [{ file: dir, line: 0, message: `cannot read the banks folder: ${(cause as Error).message}` }] };
  }
  const scan: BankScan = { sources: [], unreadable: [] };
  for (const file of files) {
    try {
      scan.sources.push(readBankSource(join(dir, file)));
    } catch (cause) {
      // A file removed or replaced between the listing and the read: the next scan sees it settled.
      scan.unreadable.push({ file, line: 0, message: `cannot read: ${(cause as Error).message}` });
    }
  }
  return scan;
}

/**
 * The same scan with the files read off the event loop: a reload of a bank file of
 * megabytes must not hold up replies while it is read.
 */
export async function scanBanksAsync(dir: string): Promise<BankScan> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  } catch (cause) {
    return { sources: [], unreadable: [{ file: dir, line: 0, message: `cannot read the banks folder: ${(cause as Error).message}` }] };
  }
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const scan: BankScan = { sources: [], unreadable: [] };
  for (const file of files) {
    const stem = file.replace(/\.txt$/, '');
    const companion = async (suffix: string): Promise<{ file: string; text: string } | undefined> => {
      const name = `${stem}.${suffix}.yaml`;
      return present.has(name) ? { file: name, text: await readFile(join(dir, name), 'utf8') } : undefined;
    };
    try {
      const source: BankSource = { file, text: await readFile(join(dir, file), 'utf8') };
      const meta = await companion('meta');
      const quiz = await companion('quiz');
      if (meta) source.meta = meta;
      if (quiz) source.quiz = quiz;
      scan.sources.push(source);
    } catch (cause) {
      // A file removed or replaced between the listing and the read: the next scan sees it settled.
      scan.unreadable.push({ file, line: 0, message: `cannot read: ${(cause as Error).message}` });
    }
  }
  return scan;
}

/**
 * Loads every `*.txt` bank in a folder. Any malformed bank fails the whole load with
 * file names and line numbers, because serving a half-read bank would answer wrongly.
 */
export function loadBanks(dir: string): Bank[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BotError('bank.io', `banks folder "${dir}" does not exist (set BANKS_DIR to a folder of *.txt banks)`);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new BotError('bank.io', `banks folder "${dir}" has no *.txt bank files`);
  const banks: Bank[] = [];
  const issues: BankIssue[] = [];
  for (const file of files) {
    let source: BankSource;
    try {
      source = readBankSource(join(dir, file));
    } catch (cause) {
      throw new BotError('bank.io', `cannot read bank ${file}`, { cause });
    }
    const result = buildBank(source);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const clash = banks.find((b) => b.slug === result.bank.slug);
    if (clash) {
      issues.push({ file, line: 1, message: `slug "${result.bank.slug}" is already used by ${clash.file}: give one of them another slug in its .meta.yaml` });
      continue;
    }
    banks.push(result.bank);
  }
  if (issues.length > 0) throw new BotError('bank.invalid', `invalid bank files:\n${formatIssues(issues)}`);
  return banks;
}
