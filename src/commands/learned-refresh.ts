import { createHash } from 'node:crypto';
import type { Evidence } from '../search/learned-evidence.js';
import type { LearnedSummary, Lookup } from '../search/lookup.js';
import type { EvidenceRow, LookupEvidence } from '../store/ports/index.js';

const DAY_MS = 86_400_000;

/**
 * How often a process reloads learned evidence from the store. Lookups use the evidence in
 * memory and never query it, so a pick made on one replica reaches lookups on every other
 * within this interval plus one load (docs/design.md, "Lookup").
 */
export const LEARNED_REFRESH_MS = 30_000;

/** Evidence older than this is not loaded: at a 90-day half-life it would count for less than a sixteenth. */
export const EVIDENCE_WINDOW_MS = 365 * DAY_MS;

/** At most this many evidence rows are loaded, newest first: a bound on memory and load time. */
export const EVIDENCE_LIMIT = 50_000;

/** What loading learned evidence needs: where it is kept, and the lookup that uses it. */
export interface LearnDeps {
  /** The live lookup (a bank reload replaces it). */
  lookup: () => Pick<Lookup, 'useLearned'>;
  lookupEvidence: LookupEvidence;
}

/** A stored row as the lookup's evidence: a person is their platform, workspace and user id. */
export function toEvidence(row: EvidenceRow): Evidence {
  return { query: row.query, entryId: row.entryId, person: `${row.platform}:${row.workspaceId}:${row.userId}`, kind: row.kind, atMs: row.atMs };
}

/** Loads the evidence of the last year from the store into the lookup, aged at `nowMs`. */
export async function loadLearned(deps: LearnDeps, nowMs: number): Promise<LearnedSummary> {
  const rows = await deps.lookupEvidence.evidence(nowMs - EVIDENCE_WINDOW_MS, EVIDENCE_LIMIT);
  return deps.lookup().useLearned(rows.map(toEvidence), nowMs);
}

/**
 * Rows that have not changed are not rebuilt into the lookup until this long after the
 * last rebuild: rebuilding costs far more than reading (and clears the lookup's result
 * cache), while ageing alone moves credit by about 0.03 % an hour at a 90-day half-life.
 */
export const LEARNED_REBUILD_MS = 3_600_000;

/** A fingerprint of the rows, to tell a changed load from the same one. */
function fingerprint(rows: readonly EvidenceRow[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.query}\u0000${r.entryId}\u0000${r.platform}\u0000${r.workspaceId}\u0000${r.userId}\u0000${r.kind}\u0000${r.atMs}\u0001`);
  return `${rows.length}:${hash.digest('base64url')}`;
}

/**
 * Keeps one process's learned evidence fresh: one load at a time (a second caller joins
 * the running one), due again `LEARNED_REFRESH_MS` after the last started; the lookup is
 * rebuilt only when the rows changed or `LEARNED_REBUILD_MS` has passed.
 */
export class LearnedRefresh {
  private loadedMs = Number.NEGATIVE_INFINITY;
  private running: Promise<LearnedSummary> | null = null;
  private built: { fingerprint: string; atMs: number; summary: LearnedSummary; lookup: Pick<Lookup, 'useLearned'>; rows: readonly EvidenceRow[] } | null = null;

  constructor(private readonly deps: LearnDeps) {}

  /** Loads now, or joins the load already running. */
  refresh(nowMs: number): Promise<LearnedSummary> {
    if (!this.running) {
      this.loadedMs = nowMs;
      this.running = this.load(nowMs).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Resolves when no load is running (shutdown and tests wait on it); never throws. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Whether the evidence in memory is older than the refresh interval at `nowMs` (and no load is running). */
  due(nowMs: number): boolean {
    return this.running === null && nowMs - this.loadedMs >= LEARNED_REFRESH_MS;
  }

  /** Gives a new lookup (a bank reload's) the evidence loaded last, before it goes live. */
  applyTo(lookup: Pick<Lookup, 'useLearned'>, nowMs: number): void {
    if (!this.built) return;
    const summary = lookup.useLearned(this.built.rows.map(toEvidence), nowMs);
    this.built = { ...this.built, atMs: nowMs, summary, lookup };
  }

  private async load(nowMs: number): Promise<LearnedSummary> {
    const rows = await this.deps.lookupEvidence.evidence(nowMs - EVIDENCE_WINDOW_MS, EVIDENCE_LIMIT);
    const print = fingerprint(rows);
    const lookup = this.deps.lookup();
    if (this.built && this.built.fingerprint === print && this.built.lookup === lookup && nowMs - this.built.atMs < LEARNED_REBUILD_MS) return this.built.summary;
    const summary = lookup.useLearned(rows.map(toEvidence), nowMs);
    this.built = { fingerprint: print, atMs: nowMs, summary, lookup, rows };
    return summary;
  }
}
