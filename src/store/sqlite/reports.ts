import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { ProgressRow, Reports } from '../ports/index.js';

export function createSqliteReports(db: Db): Synchronous<Reports> {
  const scores = db.prepare(`SELECT substr(s.scope, 3) AS scopeRest, u.user_id AS userId, u.display_name AS name,
      s.points, s.correct, s.answered
    FROM scores s JOIN users u ON u.id = s.user_key
    WHERE s.scope LIKE 'c:%' AND s.period = 'all' ORDER BY s.scope, s.points DESC, s.last_scored_ms`);
  const progress = db.prepare(`SELECT u.platform, u.workspace_id AS workspaceId, u.user_id AS userId, u.display_name AS name,
      a.entry_id AS entryId, count(*) AS attempts, max(a.correct) AS everCorrect, max(a.at_ms) AS lastAtMs,
      (SELECT a2.correct FROM attempts a2 WHERE a2.user_key = a.user_key AND a2.entry_id = a.entry_id ORDER BY a2.at_ms DESC, a2.id DESC LIMIT 1) AS lastCorrect
    FROM attempts a JOIN users u ON u.id = a.user_key
    GROUP BY a.user_key, a.entry_id ORDER BY u.display_name, a.entry_id`);
  return {
    scores: () =>
      (scores.all() as { scopeRest: string; userId: string; name: string; points: number; correct: number; answered: number }[]).map((r) => {
        // Scope keys are `c:<platform>:<workspace>:<channel>`; channel ids never contain ':' on our platforms.
        const [platform = '', workspaceId = '', ...channel] = r.scopeRest.split(':');
        return { platform, workspaceId, channelId: channel.join(':'), userId: r.userId, name: r.name, points: r.points, correct: r.correct, answered: r.answered };
      }),
    progress: () =>
      (progress.all() as (Omit<ProgressRow, 'everCorrect' | 'lastCorrect'> & { everCorrect: number; lastCorrect: number })[]).map((r) => ({
        ...r,
        everCorrect: r.everCorrect === 1,
        lastCorrect: r.lastCorrect === 1,
      })),
  };
}
