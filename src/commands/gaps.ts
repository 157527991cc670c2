import type { Catalogue } from '../bank/catalogue.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import type { LearnedPhrasing } from '../search/learned-evidence.js';
import type { Lookup } from '../search/lookup.js';
import type { Gap, LookupLog, UnhelpfulAnswer } from '../store/ports/index.js';

/** How far back a gap report looks by default. */
export const GAP_WINDOW_MS = 30 * 86_400_000;

export interface GapReport {
  sinceMs: number;
  unanswered: Gap[];
  unhelpful: UnhelpfulAnswer[];
  /** Phrasings people used for entries the bank's words miss, learned from their picks (aliases to add). */
  learned: LearnedPhrasing[];
}

/** What a gap report reads: the lookup log, and the lookup with its learned evidence loaded. */
export interface GapDeps {
  lookups: LookupLog;
  lookup: Pick<Lookup, 'learnedPhrasings'>;
}

/**
 * What bank authors should write next: frequent lookups with no answer, answers voted
 * unhelpful, and the phrasings people taught the lookup (docs/design.md, "Lookup").
 */
export async function gapReport(deps: GapDeps, nowMs: number, limit = 15): Promise<GapReport> {
  const sinceMs = nowMs - GAP_WINDOW_MS;
  const [unanswered, unhelpful] = await Promise.all([deps.lookups.gaps(sinceMs, limit), deps.lookups.unhelpful(sinceMs, limit)]);
  return { sinceMs, unanswered, unhelpful, learned: deps.lookup.learnedPhrasings().slice(0, limit) };
}

/** `gaps` (admins): the report as a message. */
export function gapsReply(report: GapReport, catalogue: Catalogue): OutgoingMessage {
  const blocks: Block[] = [{ type: 'header', text: 'Bank gaps · last 30 days' }];
  if (report.unanswered.length === 0 && report.unhelpful.length === 0 && report.learned.length === 0) {
    blocks.push({ type: 'text', text: 'No gaps: every lookup found an answer and nobody marked one unhelpful.' });
  }
  if (report.unanswered.length > 0) {
    blocks.push({ type: 'text', text: 'Lookups with no good answer, most asked first:' });
    blocks.push({
      type: 'table',
      header: ['Query', 'Times', 'Closest entry'],
      rows: report.unanswered.map((g) => [g.query, String(g.count), g.closestEntryId ? label(catalogue, g.closestEntryId) : '—']),
    });
  }
  if (report.unhelpful.length > 0) {
    blocks.push({ type: 'text', text: 'Answers marked not helpful:' });
    blocks.push({
      type: 'table',
      header: ['Query', 'Answer given', 'Votes'],
      rows: report.unhelpful.map((u) => [u.query, label(catalogue, u.entryId), String(u.votes)]),
    });
  }
  if (report.learned.length > 0) {
    blocks.push({ type: 'text', text: 'Phrasings people used for an entry the bank words differently (the lookup has learned them):' });
    blocks.push({
      type: 'table',
      header: ['Phrasing', 'Entry they showed', 'People'],
      rows: report.learned.map((p) => [p.text, label(catalogue, p.entryId), String(p.people)]),
    });
    blocks.push({ type: 'context', text: 'To make them part of the bank, add them as aliases: cli gaps --suggest prints them ready to paste.' });
  }
  const text = `${report.unanswered.length} unanswered queries, ${report.unhelpful.length} unhelpful answers, ${report.learned.length} learned phrasings`;
  return ephemeral({ text, blocks });
}

function label(catalogue: Catalogue, entryId: string): string {
  const entry = catalogue.entry(entryId);
  if (!entry) return entryId;
  return `${catalogue.severalBanks ? `${entry.bankSlug} ` : ''}Q${entry.number} ${entry.title}`;
}
