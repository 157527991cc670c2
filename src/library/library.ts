import { Catalogue } from '../bank/catalogue.js';
import type { Bank } from '../bank/types.js';
import { createLookup, type Lookup } from '../search/lookup.js';

/** One bank file as loaded: the bank built from it and a fingerprint of its sources. */
export interface LoadedFile {
  /** The bank's file name (no directory). */
  file: string;
  /** Hash of the bank text and its companion files; empty when the bank came in as a value. */
  fingerprint: string;
  bank: Bank;
}

/**
 * A bank file (or its metadata or quiz file) that failed validation: where, why, and
 * whether an earlier version of the bank is still live in its place.
 */
export interface BankProblem {
  /** The file at fault (`name.txt`, `name.meta.yaml` or `name.quiz.yaml`). */
  file: string;
  line: number;
  message: string;
  /** The bank file whose previous version stays live, or null if it has none. */
  keptFile: string | null;
}

/**
 * One version of the banks: the catalogue and the lookup built over the same banks, and
 * the problems of files that could not replace their previous version. Immutable: a
 * reload builds a new one (docs/design.md, "Curriculum").
 */
export interface Library {
  /** Counts reloads that changed a bank (1 at start-up). */
  readonly version: number;
  readonly catalogue: Catalogue;
  readonly lookup: Lookup;
  readonly files: readonly LoadedFile[];
  readonly problems: readonly BankProblem[];
  /** Failed sources by file, with their fingerprints, so an unchanged broken file is not parsed again. */
  readonly rejected: ReadonlyMap<string, { fingerprint: string; problems: readonly BankProblem[] }>;
}

/** What use cases read the banks through: the version live right now, read at each use. */
export interface LibraryView {
  /** The live version. Read it once per command or click, so one reply sees one version. */
  current(): Library;
}

/**
 * Holds the live library; a reload replaces it in one assignment, so every reader sees
 * the old version or the new one, never a mix.
 */
export class LibraryHolder implements LibraryView {
  private live: Library;

  constructor(initial: Library) {
    this.live = initial;
  }

  current(): Library {
    return this.live;
  }

  /** Makes `next` the live version. */
  replace(next: Library): void {
    this.live = next;
  }
}

/** A first version from banks given as values (tests, the console, the CLI). */
export function libraryOf(banks: readonly Bank[], lookup: Lookup): Library {
  return {
    version: 1,
    catalogue: new Catalogue(banks),
    lookup,
    files: banks.map((bank) => ({ file: bank.file, fingerprint: '', bank })),
    problems: [],
    rejected: new Map(),
  };
}

/** The version before the first load: no banks (start-up fills it from a scan). */
export function emptyLibrary(): Library {
  return { ...libraryOf([], createLookup([])), version: 0 };
}
