import type { Synchronous } from './synchronous.js';
import { toSchedule, type ScheduleRow } from '../row-shapes.js';
import type { Db } from './open-database.js';
import type { Schedules } from '../ports/index.js';

const SELECT = `SELECT s.channel_key AS channelKey, c.platform, c.workspace_id AS workspaceId, c.channel_id AS channelId,
  s.time_of_day AS time, s.zone, s.days, s.cron, s.next_fire_ms AS nextFireMs, s.updated_by AS updatedBy, s.updated_ms AS updatedMs
  FROM schedules s JOIN channels c ON c.id = s.channel_key`;

export function createSqliteSchedules(db: Db): Synchronous<Schedules> {
  const get = db.prepare(`${SELECT} WHERE s.channel_key = ?`);
  const upsert = db.prepare(`INSERT INTO schedules (channel_key, time_of_day, zone, days, cron, next_fire_ms, updated_by, updated_ms)
    VALUES (@channelKey, @time, @zone, @days, @cron, @nextFireMs, @updatedBy, @updatedMs)
    ON CONFLICT (channel_key) DO UPDATE SET time_of_day = excluded.time_of_day, zone = excluded.zone, days = excluded.days,
      cron = excluded.cron, next_fire_ms = excluded.next_fire_ms, updated_by = excluded.updated_by, updated_ms = excluded.updated_ms`);
  const remove = db.prepare('DELETE FROM schedules WHERE channel_key = ?');
  const due = db.prepare(`${SELECT} WHERE s.next_fire_ms <= ? ORDER BY s.next_fire_ms LIMIT ?`);
  const setNext = db.prepare('UPDATE schedules SET next_fire_ms = ? WHERE channel_key = ?');
  const earliest = db.prepare('SELECT min(next_fire_ms) FROM schedules').pluck();
  return {
    get: (channelKey) => {
      const row = get.get(channelKey) as ScheduleRow | undefined;
      return row ? toSchedule(row) : undefined;
    },
    upsert: (channelKey, spec, nextFireMs, updatedBy, nowMs) => {
      upsert.run({ channelKey, ...spec, nextFireMs, updatedBy, updatedMs: nowMs });
    },
    remove: (channelKey) => remove.run(channelKey).changes > 0,
    due: (nowMs, limit) => (due.all(nowMs, limit) as ScheduleRow[]).map(toSchedule),
    setNextFire: (channelKey, nextFireMs) => {
      setNext.run(nextFireMs, channelKey);
    },
    earliestFire: () => (earliest.get() as number | null) ?? null,
  };
}
