import { createHash } from 'node:crypto';
import { buildBank, buildBankInSlices, type BankSource } from '../bank/build-bank.js';
import { Catalogue } from '../bank/catalogue.js';
import type { BankScan } from '../bank/read-banks.js';
import type { Bank } from '../bank/types.js';
import type { Lookup } from '../search/lookup.js';
import { createLookup } from '../search/lookup.js';
import { emptyLibrary, type BankProblem, type Library, type LoadedFile } from './library.js';

/** What a reload did, for logs and for the watcher's caller. */
export interface ReloadReport {
  /** Whether a new version went live (false when no bank changed). */
  swapped: boolean;
  /** The live version after the reload. */
  version: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** Every problem of the live version. */
  problems: readonly BankProblem[];
  /** Problems the previous version did not have (log these once). */
  newProblems: BankProblem[];
}

/** Builds the lookup for a new version; the caller decides how (in slices, while replies go on). */
export type BuildLookup = (banks: readonly Bank[]) => Promise<Lookup>;

/** Hash of a bank's text and its companion files: an unchanged bank is neither parsed nor indexed again. */
export function fingerprintSource(source: BankSource): string {
  const hash = createHash('sha256');
  for (const part of [source.file, source.text, source.meta?.file, source.meta?.text, source.quiz?.file, source.quiz?.text]) hash.update(part ?? '').update('\u0000');
  return hash.digest('hex');
}

/**
 * The next version of the banks from a scan of the folder. `pause`, if given, is awaited
 * between slices of parsing (and `buildLookup` is expected to pause likewise). (docs/design.md, "Curriculum"):
 * an unchanged file keeps its bank; a changed or new one is parsed and validated; a file
 * that fails keeps its previous version live (if it had one) and is reported with file,
 * line and reason; a removed file's bank goes. Entry ids stay `<slug>-q<n>`, so progress,
 * scores and cards follow a bank across versions. When no bank changed, the live lookup
 * and catalogue are kept (only the problems are new). A scan that would leave no bank at
 * all keeps the previous version: an emptied folder is a deploy accident, not an edit.
 */
export async function reloadLibrary(previous: Library, scan: BankScan, buildLookup: BuildLookup, pause?: () => Promise<void>): Promise<{ library: Library; report: ReloadReport }> {
  const before = new Map(previous.files.map((f) => [f.file, f]));
  const kept: LoadedFile[] = [];
  const fresh: LoadedFile[] = [];
  const problems: BankProblem[] = [];
  const rejected = new Map<string, { fingerprint: string; problems: readonly BankProblem[] }>();

  for (const issue of scan.unreadable) {
    const old = before.get(issue.file);
    problems.push({ ...issue, keptFile: old?.file ?? null });
    if (old) kept.push(old);
  }
  for (const source of [...scan.sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const fingerprint = fingerprintSource(source);
    const old = before.get(source.file);
    if (old && old.fingerprint === fingerprint) {
      kept.push(old);
      continue;
    }
    const known = previous.rejected.get(source.file);
    let failed: readonly BankProblem[];
    if (known && known.fingerprint === fingerprint) {
      failed = known.problems;
    } else {
      // With a pause (a reload while replies go on), a large bank is parsed in slices.
      const result = pause ? await buildBankInSlices(source, pause) : buildBank(source);
      if (result.ok) {
        fresh.push({ file: source.file, fingerprint, bank: result.bank });
        continue;
      }
      failed = result.issues.map((i) => ({ ...i, keptFile: old?.file ?? null }));
    }
    problems.push(...failed);
    rejected.set(source.file, { fingerprint, problems: failed });
    if (old) kept.push(old);
  }

  // Kept versions were live together, so their slugs are distinct; a new version may clash.
  const live = [...kept];
  const slugs = new Map(kept.map((f) => [f.bank.slug, f.file]));
  for (const file of fresh) {
    const clash = slugs.get(file.bank.slug);
    if (clash === undefined) {
      live.push(file);
      slugs.set(file.bank.slug, file.file);
      continue;
    }
    const old = before.get(file.file);
    const keepOld = old !== undefined && !slugs.has(old.bank.slug);
    problems.push({ file: file.file, line: 1, message: `slug "${file.bank.slug}" is already used by ${clash}: give one of them another slug in its .meta.yaml`, keptFile: keepOld ? old.file : null });
    if (keepOld) {
      live.push(old);
      slugs.set(old.bank.slug, old.file);
    }
  }
  live.sort((a, b) => a.file.localeCompare(b.file));

  if (live.length === 0 && previous.files.length > 0) {
    const all = [...problems, { file: '(banks folder)', line: 0, message: 'no bank could be loaded: the banks already loaded stay live', keptFile: null }];
    return finish(previous, { ...previous, problems: all, rejected }, false);
  }
  const same = live.length === previous.files.length && live.every((f, i) => f === previous.files[i]);
  if (same) return finish(previous, { ...previous, problems, rejected }, false);
  const banks = live.map((f) => f.bank);
  const lookup = await buildLookup(banks);
  const next: Library = { version: previous.version + 1, catalogue: new Catalogue(banks), lookup, files: live, problems, rejected };
  return finish(previous, next, true);
}

function finish(previous: Library, library: Library, swapped: boolean): { library: Library; report: ReloadReport } {
  const before = new Map(previous.files.map((f) => [f.file, f]));
  const key = (p: BankProblem): string => `${p.file}:${p.line}:${p.message}`;
  const known = new Set(previous.problems.map(key));
  return {
    library,
    report: {
      swapped,
      version: library.version,
      added: swapped ? library.files.filter((f) => !before.has(f.file)).map((f) => f.file) : [],
      changed: swapped ? library.files.filter((f) => before.has(f.file) && before.get(f.file) !== f).map((f) => f.file) : [],
      removed: swapped ? previous.files.filter((f) => !library.files.some((l) => l.file === f.file)).map((f) => f.file) : [],
      problems: library.problems,
      newProblems: library.problems.filter((p) => !known.has(key(p))),
    },
  };
}

/**
 * The first version from a scan (start-up). The lookup is built at once: nothing is being
 * answered yet. Files that fail are problems of this version, as on a reload.
 */
export async function loadLibrary(scan: BankScan): Promise<{ library: Library; report: ReloadReport }> {
  return reloadLibrary(emptyLibrary(), scan, async (banks) => createLookup(banks));
}

/**
 * A short hash of which bank files, in which versions, are live: equal on two replicas
 * exactly when they serve the same banks (their version counters restart with them).
 */
export function libraryFingerprint(library: Library): string {
  const hash = createHash('sha256');
  for (const f of library.files) hash.update(`${f.file}:${f.fingerprint}\u0000`);
  return hash.digest('hex').slice(0, 12);
}
