import { toSchedule, type ScheduleRow } from '../row-shapes.js';
import type { Schedules } from '../ports/index.js';
import type { PgContext } from './connection.js';

const SELECT = `SELECT s.channel_key AS "channelKey", c.platform, c.workspace_id AS "workspaceId", c.channel_id AS "channelId",
  s.time_of_day AS time, s.zone, s.days, s.cron, s.next_fire_ms AS "nextFireMs", s.updated_by AS "updatedBy", s.updated_ms AS "updatedMs"
  FROM schedules s JOIN channels c ON c.id = s.channel_key`;

export function createPgSchedules(ctx: PgContext): Schedules {
  return {
    async get(channelKey) {
      const { rows } = await ctx.conn.query<ScheduleRow>({ name: 'schedules-get', text: `${SELECT} WHERE s.channel_key = $1`, values: [channelKey] });
      return rows[0] ? toSchedule(rows[0]) : undefined;
    },
    async upsert(channelKey, spec, nextFireMs, updatedBy, nowMs) {
      await ctx.conn.query(
        `INSERT INTO schedules (channel_key, time_of_day, zone, days, cron, next_fire_ms, updated_by, updated_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (channel_key) DO UPDATE SET time_of_day = EXCLUDED.time_of_day, zone = EXCLUDED.zone, days = EXCLUDED.days,
           cron = EXCLUDED.cron, next_fire_ms = EXCLUDED.next_fire_ms, updated_by = EXCLUDED.updated_by, updated_ms = EXCLUDED.updated_ms`,
        [channelKey, spec.time, spec.zone, spec.days, spec.cron, nextFireMs, updatedBy, nowMs],
      );
    },
    async remove(channelKey) {
      return ((await ctx.conn.query('DELETE FROM schedules WHERE channel_key = $1', [channelKey])).rowCount ?? 0) > 0;
    },
    async due(nowMs, limit) {
      const { rows } = await ctx.conn.query<ScheduleRow>(`${SELECT} WHERE s.next_fire_ms <= $1 ORDER BY s.next_fire_ms LIMIT $2`, [nowMs, limit]);
      return rows.map(toSchedule);
    },
    async setNextFire(channelKey, nextFireMs) {
      await ctx.conn.query('UPDATE schedules SET next_fire_ms = $1 WHERE channel_key = $2', [nextFireMs, channelKey]);
    },
    async earliestFire() {
      const { rows } = await ctx.conn.query<{ t: number | null }>('SELECT min(next_fire_ms) AS t FROM schedules');
      return rows[0]?.t ?? null;
    },
  };
}
