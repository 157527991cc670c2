import type { Platform } from '../../chat-port.js';
import type { Digest, DigestDue, Digests, DigestSettings } from '../ports/index.js';
import type { PgContext } from './connection.js';
import { toDigest, type DigestRow } from '../row-shapes.js';

const SELECT = `SELECT d.id, d.channel_key AS "channelKey", c.platform, c.workspace_id AS "workspaceId", c.channel_id AS "channelId",
  d.week_key AS "weekKey", d.slot_ms AS "slotMs", d.claimed_ms AS "claimedMs", d.closes_ms AS "closesMs", d.status,
  d.message_id AS "messageId", d.posted_ms AS "postedMs", d.post_attempts AS "postAttempts"
  FROM digests d JOIN channels c ON c.id = d.channel_key`;

const SETTINGS = 'day, time_of_day AS time, enabled, next_fire_ms AS "nextFireMs"';

/** Friday, at the quiz's time, on: the settings of a channel that never changed them (see the SQLite twin). */
const DEFAULT_DAY = 5;

export function createPgDigests(ctx: PgContext): Digests {
  const setNext = (conn: PgContext['conn'], channelKey: number, nextFireMs: number | null): Promise<unknown> =>
    conn.query(
      `INSERT INTO digest_schedules (channel_key, day, time_of_day, enabled, next_fire_ms) VALUES ($1, ${DEFAULT_DAY}, NULL, TRUE, $2)
       ON CONFLICT (channel_key) DO UPDATE SET next_fire_ms = EXCLUDED.next_fire_ms`,
      [channelKey, nextFireMs],
    );
  const list = async (text: string, values: unknown[]): Promise<Digest[]> => (await ctx.conn.query<DigestRow>(text, values)).rows.map(toDigest);
  return {
    settings: async (channelKey) => (await ctx.conn.query<DigestSettings>(`SELECT ${SETTINGS} FROM digest_schedules WHERE channel_key = $1`, [channelKey])).rows[0],
    configure: async (channelKey, s) => {
      await ctx.conn.query(
        `INSERT INTO digest_schedules (channel_key, day, time_of_day, enabled, next_fire_ms) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel_key) DO UPDATE SET day = EXCLUDED.day, time_of_day = EXCLUDED.time_of_day, enabled = EXCLUDED.enabled, next_fire_ms = EXCLUDED.next_fire_ms`,
        [channelKey, s.day, s.time, s.enabled, s.nextFireMs],
      );
    },
    setNextFire: async (channelKey, nextFireMs) => {
      await setNext(ctx.conn, channelKey, nextFireMs);
    },
    due: async (nowMs, limit) => {
      const { rows } = await ctx.conn.query<{
        channelKey: number;
        platform: Platform;
        workspaceId: string;
        channelId: string;
        quizTime: string;
        zone: string;
        days: string;
        cron: string;
        settingsKey: number | null;
        day: number;
        time: string | null;
        enabled: boolean;
        nextFireMs: number | null;
      }>(
        `SELECT s.channel_key AS "channelKey", c.platform, c.workspace_id AS "workspaceId", c.channel_id AS "channelId",
           s.time_of_day AS "quizTime", s.zone, s.days, s.cron,
           d.channel_key AS "settingsKey", d.day, d.time_of_day AS time, d.enabled, d.next_fire_ms AS "nextFireMs"
         FROM schedules s JOIN channels c ON c.id = s.channel_key LEFT JOIN digest_schedules d ON d.channel_key = s.channel_key
         WHERE d.channel_key IS NULL OR (d.enabled AND (d.next_fire_ms IS NULL OR d.next_fire_ms <= $1))
         ORDER BY s.channel_key LIMIT $2`,
        [nowMs, limit],
      );
      return rows.map(
        (r): DigestDue => ({
          channelKey: r.channelKey,
          channel: { platform: r.platform, workspaceId: r.workspaceId, channelId: r.channelId },
          quiz: { time: r.quizTime, zone: r.zone, days: r.days, cron: r.cron },
          settings: r.settingsKey === null ? null : { day: r.day, time: r.time, enabled: r.enabled, nextFireMs: r.nextFireMs },
        }),
      );
    },
    claim: (digest, leaseUntilMs, nextFireMs) =>
      ctx.atomic(async (conn) => {
        const inserted = await conn.query<{ id: number }>(
          `INSERT INTO digests (channel_key, week_key, slot_ms, status, claimed_ms, closes_ms, lease_ms)
           VALUES ($1, $2, $3, 'claimed', $4, $5, $6) ON CONFLICT (channel_key, week_key) DO NOTHING RETURNING id`,
          [digest.channelKey, digest.weekKey, digest.slotMs, digest.claimedMs, digest.closesMs, leaseUntilMs],
        );
        await setNext(conn, digest.channelKey, nextFireMs);
        const id = inserted.rows[0]?.id;
        if (id === undefined) return null;
        const { rows } = await conn.query<DigestRow>(`${SELECT} WHERE d.id = $1`, [id]);
        return toDigest(rows[0]!);
      }),
    markPosted: async (id, messageId, nowMs) => {
      await ctx.conn.query("UPDATE digests SET status = 'posted', message_id = $1, posted_ms = $2, post_attempts = post_attempts + 1 WHERE id = $3 AND status = 'claimed'", [messageId, nowMs, id]);
    },
    recordPostFailure: async (id) => {
      await ctx.conn.query('UPDATE digests SET post_attempts = post_attempts + 1, lease_ms = 0 WHERE id = $1', [id]);
    },
    markMissed: async (id) => {
      await ctx.conn.query("UPDATE digests SET status = 'missed' WHERE id = $1 AND status = 'claimed'", [id]);
    },
    takeLease: async (id, nowMs, untilMs) => ((await ctx.conn.query("UPDATE digests SET lease_ms = $1 WHERE id = $2 AND status = 'claimed' AND lease_ms <= $3", [untilMs, id, nowMs])).rowCount ?? 0) > 0,
    pending: (nowMs, limit) => list(`${SELECT} WHERE d.status = 'claimed' AND d.lease_ms <= $1 ORDER BY d.slot_ms LIMIT $2`, [nowMs, limit]),
    earliest: async () =>
      (
        await ctx.conn.query<{ v: number | null }>(
          `SELECT least(
             (SELECT min(d.next_fire_ms) FROM digest_schedules d JOIN schedules s ON s.channel_key = d.channel_key WHERE d.enabled),
             (SELECT min(lease_ms) FROM digests WHERE status = 'claimed')) AS v`,
        )
      ).rows[0]?.v ?? null,
    history: (channelKey, limit) => list(`${SELECT} WHERE d.channel_key = $1 ORDER BY d.slot_ms DESC LIMIT $2`, [channelKey, limit]),
  };
}
