import type { Platform } from '../../chat-port.js';
import type { Schedules, StoredSchedule } from '../ports/index.js';
import type { PgContext } from './connection.js';

interface Row {
  channelKey: number;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  time: string;
  zone: string;
  days: string;
  cron: string;
  nextFireMs: number;
  updatedBy: string;
  updatedMs: number;
}

const SELECT = `SELECT s.channel_key AS "channelKey", c.platform, c.workspace_id AS "workspaceId", c.channel_id AS "channelId",
  s.time_of_day AS time, s.zone, s.days, s.cron, s.next_fire_ms AS "nextFireMs", s.updated_by AS "updatedBy", s.updated_ms AS "updatedMs"
  FROM schedules s JOIN channels c ON c.id = s.channel_key`;

function toSchedule(row: Row): StoredSchedule {
  return {
    channelKey: row.channelKey,
    channel: { platform: row.platform, workspaceId: row.workspaceId, channelId: row.channelId },
    spec: { time: row.time, zone: row.zone, days: row.days, cron: row.cron },
    nextFireMs: row.nextFireMs,
    updatedBy: row.updatedBy,
    updatedMs: row.updatedMs,
  };
}

export function createPgSchedules(ctx: PgContext): Schedules {
  return {
    async get(channelKey) {
      const { rows } = await ctx.conn.query<Row>({ name: 'schedules-get', text: `${SELECT} WHERE s.channel_key = $1`, values: [channelKey] });
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
      const { rows } = await ctx.conn.query<Row>(`${SELECT} WHERE s.next_fire_ms <= $1 ORDER BY s.next_fire_ms LIMIT $2`, [nowMs, limit]);
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
