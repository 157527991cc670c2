import type { Synchronous } from './synchronous.js';
import type { Platform } from '../../chat-port.js';
import type { Db } from './open-database.js';
import type { Digest, DigestDue, Digests, DigestSettings, NewDigest } from '../ports/index.js';
import { toDigest, type DigestRow } from '../row-shapes.js';

const SELECT = `SELECT d.id, d.channel_key AS channelKey, c.platform, c.workspace_id AS workspaceId, c.channel_id AS channelId,
  d.week_key AS weekKey, d.slot_ms AS slotMs, d.claimed_ms AS claimedMs, d.closes_ms AS closesMs, d.status,
  d.message_id AS messageId, d.posted_ms AS postedMs, d.post_attempts AS postAttempts
  FROM digests d JOIN channels c ON c.id = d.channel_key`;

interface SettingsRow {
  day: number;
  time: string | null;
  enabled: number;
  nextFireMs: number | null;
}

function toSettings(row: SettingsRow): DigestSettings {
  return { day: row.day, time: row.time, enabled: row.enabled === 1, nextFireMs: row.nextFireMs };
}

/** Friday, at the quiz's time, on: the settings of a channel that never changed them. */
const DEFAULT_DAY = 5;

export function createSqliteDigests(db: Db): Synchronous<Digests> {
  const settings = db.prepare('SELECT day, time_of_day AS time, enabled, next_fire_ms AS nextFireMs FROM digest_schedules WHERE channel_key = ?');
  const configure = db.prepare(`INSERT INTO digest_schedules (channel_key, day, time_of_day, enabled, next_fire_ms) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (channel_key) DO UPDATE SET day = excluded.day, time_of_day = excluded.time_of_day, enabled = excluded.enabled, next_fire_ms = excluded.next_fire_ms`);
  const setNext = db.prepare(`INSERT INTO digest_schedules (channel_key, day, time_of_day, enabled, next_fire_ms) VALUES (?, ${DEFAULT_DAY}, NULL, 1, ?)
    ON CONFLICT (channel_key) DO UPDATE SET next_fire_ms = excluded.next_fire_ms`);
  // Every quiz channel without settings is due (its slot is yet to be worked out); the
  // others when on and their slot has come. Quiz channels number in the hundreds at most.
  const due = db.prepare(`SELECT s.channel_key AS channelKey, c.platform, c.workspace_id AS workspaceId, c.channel_id AS channelId,
      s.time_of_day AS quizTime, s.zone, s.days, s.cron,
      d.channel_key AS settingsKey, d.day, d.time_of_day AS time, d.enabled, d.next_fire_ms AS nextFireMs
    FROM schedules s JOIN channels c ON c.id = s.channel_key LEFT JOIN digest_schedules d ON d.channel_key = s.channel_key
    WHERE d.channel_key IS NULL OR (d.enabled = 1 AND (d.next_fire_ms IS NULL OR d.next_fire_ms <= ?))
    ORDER BY s.channel_key LIMIT ?`);
  const insert = db.prepare(`INSERT INTO digests (channel_key, week_key, slot_ms, status, claimed_ms, closes_ms, lease_ms)
    VALUES (@channelKey, @weekKey, @slotMs, 'claimed', @claimedMs, @closesMs, @leaseUntilMs) ON CONFLICT (channel_key, week_key) DO NOTHING`);
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const markPosted = db.prepare("UPDATE digests SET status = 'posted', message_id = ?, posted_ms = ?, post_attempts = post_attempts + 1 WHERE id = ? AND status = 'claimed'");
  const postFailure = db.prepare('UPDATE digests SET post_attempts = post_attempts + 1, lease_ms = 0 WHERE id = ?');
  const markMissed = db.prepare("UPDATE digests SET status = 'missed' WHERE id = ? AND status = 'claimed'");
  const takeLease = db.prepare("UPDATE digests SET lease_ms = ? WHERE id = ? AND status = 'claimed' AND lease_ms <= ?");
  const pending = db.prepare(`${SELECT} WHERE d.status = 'claimed' AND d.lease_ms <= ? ORDER BY d.slot_ms LIMIT ?`);
  const earliest = db.prepare(`SELECT min(t) FROM (
      SELECT min(d.next_fire_ms) AS t FROM digest_schedules d JOIN schedules s ON s.channel_key = d.channel_key WHERE d.enabled = 1
      UNION ALL SELECT min(lease_ms) FROM digests WHERE status = 'claimed')`).pluck();
  const history = db.prepare(`${SELECT} WHERE d.channel_key = ? ORDER BY d.slot_ms DESC LIMIT ?`);

  const claim = db.transaction((digest: NewDigest, leaseUntilMs: number, nextFireMs: number): Digest | null => {
    const result = insert.run({ ...digest, leaseUntilMs });
    setNext.run(digest.channelKey, nextFireMs);
    if (result.changes === 0) return null;
    return toDigest(byId.get(result.lastInsertRowid) as DigestRow);
  });

  return {
    settings: (channelKey) => {
      const row = settings.get(channelKey) as SettingsRow | undefined;
      return row ? toSettings(row) : undefined;
    },
    configure: (channelKey, s) => {
      configure.run(channelKey, s.day, s.time, s.enabled ? 1 : 0, s.nextFireMs);
    },
    setNextFire: (channelKey, nextFireMs) => {
      setNext.run(channelKey, nextFireMs);
    },
    due: (nowMs, limit) =>
      (due.all(nowMs, limit) as (SettingsRow & { channelKey: number; platform: Platform; workspaceId: string; channelId: string; quizTime: string; zone: string; days: string; cron: string; settingsKey: number | null })[]).map(
        (r): DigestDue => ({
          channelKey: r.channelKey,
          channel: { platform: r.platform, workspaceId: r.workspaceId, channelId: r.channelId },
          quiz: { time: r.quizTime, zone: r.zone, days: r.days, cron: r.cron },
          settings: r.settingsKey === null ? null : toSettings(r),
        }),
      ),
    // IMMEDIATE: it reads before it writes; see Store.transaction.
    claim: (digest, leaseUntilMs, nextFireMs) => claim.immediate(digest, leaseUntilMs, nextFireMs),
    markPosted: (id, messageId, nowMs) => {
      markPosted.run(messageId, nowMs, id);
    },
    recordPostFailure: (id) => {
      postFailure.run(id);
    },
    markMissed: (id) => {
      markMissed.run(id);
    },
    takeLease: (id, nowMs, untilMs) => takeLease.run(untilMs, id, nowMs).changes > 0,
    pending: (nowMs, limit) => (pending.all(nowMs, limit) as DigestRow[]).map(toDigest),
    earliest: () => (earliest.get() as number | null) ?? null,
    history: (channelKey, limit) => (history.all(channelKey, limit) as DigestRow[]).map(toDigest),
  };
}
