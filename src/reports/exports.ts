import type { Catalogue } from '../bank/catalogue.js';
import type { Reports } from '../store/ports/index.js';
import { toCsv } from './csv.js';

export type ExportKind = 'scores' | 'progress';

/** The CSV an onboarding lead asked for: scores per channel, or progress per person and entry. */
export async function exportCsv(kind: ExportKind, reports: Reports, catalogue: Catalogue): Promise<string> {
  if (kind === 'scores') {
    return toCsv(
      ['platform', 'workspace', 'channel', 'user_id', 'name', 'points', 'correct', 'answered'],
      (await reports.scores()).map((r) => [r.platform, r.workspaceId, r.channelId, r.userId, r.name, r.points, r.correct, r.answered]),
    );
  }
  return toCsv(
    ['platform', 'workspace', 'user_id', 'name', 'entry_id', 'question', 'status', 'attempts', 'last_attempt_utc'],
    (await reports.progress()).map((r) => [
      r.platform,
      r.workspaceId,
      r.userId,
      r.name,
      r.entryId,
      catalogue.entry(r.entryId)?.title ?? '',
      r.lastCorrect ? 'correct' : 'missed',
      r.attempts,
      new Date(r.lastAtMs).toISOString(),
    ]),
  );
}
