import type { ProgressRow, Reports, ScoreRow } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgReports(ctx: PgContext): Reports {
  return {
    scores: async () => {
      const { rows } = await ctx.conn.query<Omit<ScoreRow, 'platform' | 'workspaceId' | 'channelId'> & { scopeRest: string }>(
        `SELECT substr(s.scope, 3) AS "scopeRest", u.user_id AS "userId", u.display_name AS name, s.points, s.correct, s.answered
         FROM scores s JOIN users u ON u.id = s.user_key
         WHERE s.scope LIKE 'c:%' AND s.period = 'all' ORDER BY s.scope, s.points DESC, s.last_scored_ms`,
      );
      return rows.map(({ scopeRest, ...r }) => {
        // Scope keys are `c:<platform>:<workspace>:<channel>`; channel ids never contain ':' on our platforms.
        const [platform = '', workspaceId = '', ...channel] = scopeRest.split(':');
        return { platform, workspaceId, channelId: channel.join(':'), ...r };
      });
    },
    progress: async () =>
      (
        await ctx.conn.query<ProgressRow>(
          `SELECT u.platform, u.workspace_id AS "workspaceId", u.user_id AS "userId", u.display_name AS name,
             a.entry_id AS "entryId", count(*)::int AS attempts, bool_or(a.correct) AS "everCorrect", max(a.at_ms) AS "lastAtMs",
             (array_agg(a.correct ORDER BY a.at_ms DESC, a.id DESC))[1] AS "lastCorrect"
           FROM attempts a JOIN users u ON u.id = a.user_key
           GROUP BY u.id, a.entry_id ORDER BY u.display_name, a.entry_id`,
        )
      ).rows,
  };
}
