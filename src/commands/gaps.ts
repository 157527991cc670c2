import type { Catalogue } from '../bank/catalogue.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import type { Gap, LookupLog, UnhelpfulAnswer } from '../store/ports/index.js';

/** How far back a gap report looks by default. */
export const GAP_WINDOW_MS = 30 * 86_400_000;

export interface GapReport {
  sinceMs: number;
  unanswered: Gap[];
  unhelpful: UnhelpfulAnswer[];
}

/** What bank authors should write next: frequent lookups with no answer, and answers voted unhelpful. */
export async function gapReport(lookups: LookupLog, nowMs: number, limit = 15): Promise<GapReport> {
  const sinceMs = nowMs - GAP_WINDOW_MS;
  const [unanswered, unhelpful] = await Promise.all([lookups.gaps(sinceMs, limit), lookups.unhelpful(sinceMs, limit)]);
  return { sinceMs, unanswered, unhelpful };
}

/** `gaps` (admins): the report as a message. */
export function gapsReply(report: GapReport, catalogue: Catalogue): OutgoingMessage {
  const blocks: Block[] = [{ type: 'header', text: 'Bank gaps · last 30 days' }];
  if (report.unanswered.length === 0 && report.unhelpful.length === 0) {
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
  const text = `${report.unanswered.length} unanswered queries, ${report.unhelpful.length} unhelpful answers`;
  return ephemeral({ text, blocks });
}

function label(catalogue: Catalogue, entryId: string): string {
  const entry = catalogue.entry(entryId);
  if (!entry) return entryId;
  return `${catalogue.severalBanks ? `${entry.bankSlug} ` : ''}Q${entry.number} ${entry.title}`;
}
