import type { Synchronous } from './synchronous.js';
import { boundedCache } from '../../bounded-cache.js';
import { FIXED_ROUND_CACHE, toRound, type RoundRow, type RoundState } from '../row-shapes.js';
import type { Db } from './open-database.js';
import type { EntryStats, NewRound, Round, RoundResults, Rounds } from '../ports/index.js';

const SELECT = `SELECT r.id, r.channel_key AS channelKey, c.platform, c.workspace_id AS workspaceId, c.channel_id AS channelId,
  r.slot_ms AS slotMs, r.kind, r.entry_id AS entryId, r.item_id AS itemId, r.mode, r.choices, r.correct_index AS correctIndex,
  r.status, r.message_id AS messageId, r.claimed_ms AS claimedMs, r.opened_ms AS openedMs, r.closes_ms AS closesMs,
  r.closed_ms AS closedMs, r.post_attempts AS postAttempts
  FROM rounds r JOIN channels c ON c.id = r.channel_key`;


export function createSqliteRounds(db: Db): Synchronous<Rounds> {
  const insert = db.prepare(`INSERT INTO rounds
    (channel_key, slot_ms, kind, entry_id, item_id, mode, choices, correct_index, status, claimed_ms, closes_ms, lease_ms)
    VALUES (@channelKey, @slotMs, @kind, @entryId, @itemId, @mode, @choices, @correctIndex, 'claimed', @claimedMs, @closesMs, @leaseUntilMs)
    ON CONFLICT (channel_key, slot_ms) DO NOTHING`);
  const setNext = db.prepare('UPDATE schedules SET next_fire_ms = ? WHERE channel_key = ?');
  const byId = db.prepare(`${SELECT} WHERE r.id = ?`);
  // What a round asks never changes after its claim (question, choices, channel, times);
  // only its state does. Every click reads its round, so the fixed part is kept here and
  // the state alone is read each time, fresh (another process may have closed the round).
  const fixed = boundedCache<number, Round>(FIXED_ROUND_CACHE);
  const stateById = db.prepare(`SELECT status, message_id AS messageId, opened_ms AS openedMs, closed_ms AS closedMs,
    post_attempts AS postAttempts FROM rounds WHERE id = ?`);
  const markOpen = db.prepare("UPDATE rounds SET status = 'open', message_id = ?, opened_ms = ?, post_attempts = post_attempts + 1 WHERE id = ? AND status = 'claimed'");
  const postFailure = db.prepare('UPDATE rounds SET post_attempts = post_attempts + 1, lease_ms = 0 WHERE id = ?');
  const markMissed = db.prepare("UPDATE rounds SET status = 'missed', closed_ms = ? WHERE id = ? AND status = 'claimed'");
  const close = db.prepare("UPDATE rounds SET status = 'closed', closed_ms = ?, lease_ms = ? WHERE id = ? AND status = 'open'");
  const markRevealed = db.prepare('UPDATE rounds SET revealed = 1 WHERE id = ?');
  const takeLease = db.prepare('UPDATE rounds SET lease_ms = ? WHERE id = ? AND lease_ms <= ?');
  const releaseLease = db.prepare('UPDATE rounds SET lease_ms = 0 WHERE id = ?');
  const unrevealed = db.prepare(`${SELECT} WHERE r.status = 'closed' AND r.revealed = 0 AND r.lease_ms <= ? ORDER BY r.closed_ms LIMIT ?`);
  const openInChannel = db.prepare(`${SELECT} WHERE r.channel_key = ? AND r.status = 'open' ORDER BY r.slot_ms`);
  const claimed = db.prepare(`${SELECT} WHERE r.status = 'claimed' AND r.lease_ms <= ? ORDER BY r.slot_ms LIMIT ?`);
  const dueToClose = db.prepare(`${SELECT} WHERE r.status = 'open' AND r.closes_ms <= ? ORDER BY r.closes_ms LIMIT ?`);
  // One min() per status, so each reads the first entry of its partial index.
  const earliestClose = db.prepare(`SELECT min(t) FROM (
      SELECT min(closes_ms) AS t FROM rounds WHERE status = 'open'
      UNION ALL SELECT min(closes_ms) FROM rounds WHERE status = 'claimed')`).pluck();
  const nextRetry = db.prepare(`SELECT min(lease_ms) FROM (
      SELECT lease_ms FROM rounds WHERE status = 'claimed'
      UNION ALL SELECT lease_ms FROM rounds WHERE status = 'closed' AND revealed = 0)`).pluck();
  const stats = db.prepare(`SELECT r.entry_id AS entryId, count(DISTINCT r.id) AS rounds, count(a.id) AS answers,
      coalesce(sum(a.correct), 0) AS correct, max(r.slot_ms) AS lastSlotMs
    FROM rounds r LEFT JOIN answers a ON a.round_id = r.id
    WHERE r.channel_key = ? AND r.status IN ('open', 'closed', 'claimed') GROUP BY r.entry_id`);
  const itemUses = db.prepare(`SELECT item_id AS itemId, count(*) AS n FROM rounds
    WHERE channel_key = ? AND item_id IS NOT NULL GROUP BY item_id`);
  // Streaks run over multiple-choice rounds only: a self-graded recall round neither extends nor breaks one.
  const previousSlot = db.prepare(`SELECT max(slot_ms) FROM rounds
    WHERE channel_key = ? AND kind = 'scheduled' AND mode = 'choice' AND status = 'closed' AND slot_ms < ?`).pluck();
  const latestSlot = db.prepare(`SELECT max(slot_ms) FROM rounds
    WHERE channel_key = ? AND kind = 'scheduled' AND mode = 'choice' AND status = 'closed'`).pluck();
  const counts = db.prepare('SELECT count(*) AS answered, coalesce(sum(correct), 0) AS correct FROM answers WHERE round_id = ?');
  const correctPeople = db.prepare(`SELECT a.user_key AS userKey, u.display_name AS name FROM answers a
    JOIN users u ON u.id = a.user_key WHERE a.round_id = ? AND a.correct = 1 ORDER BY a.id`);

  const claim = db.transaction((round: NewRound, leaseUntilMs: number, nextFireMs?: number): Round | null => {
    const result = insert.run({ ...round, choices: JSON.stringify(round.choices), leaseUntilMs });
    if (nextFireMs !== undefined) setNext.run(nextFireMs, round.channelKey);
    if (result.changes === 0) return null;
    return toRound(byId.get(result.lastInsertRowid) as RoundRow);
  });

  return {
    claim: (round, leaseUntilMs, nextFireMs) => claim.immediate(round, leaseUntilMs, nextFireMs),
    markOpen: (id, messageId, nowMs) => {
      markOpen.run(messageId, nowMs, id);
    },
    recordPostFailure: (id) => {
      postFailure.run(id);
    },
    markMissed: (id, nowMs) => {
      markMissed.run(nowMs, id);
    },
    close: (id, nowMs, leaseUntilMs) => close.run(nowMs, leaseUntilMs, id).changes > 0,
    markRevealed: (id) => {
      markRevealed.run(id);
    },
    takeLease: (id, nowMs, untilMs) => takeLease.run(untilMs, id, nowMs).changes > 0,
    releaseLease: (id) => {
      releaseLease.run(id);
    },
    unrevealed: (nowMs, limit) => (unrevealed.all(nowMs, limit) as RoundRow[]).map(toRound),
    get: (id) => {
      const known = fixed.get(id);
      if (known) {
        const state = stateById.get(id) as RoundState | undefined;
        return state ? { ...known, ...state } : undefined;
      }
      const row = byId.get(id) as RoundRow | undefined;
      if (!row) return undefined;
      const round = toRound(row);
      fixed.set(id, round);
      return round;
    },
    openInChannel: (channelKey) => (openInChannel.all(channelKey) as RoundRow[]).map(toRound),
    claimedPending: (nowMs, limit) => (claimed.all(nowMs, limit) as RoundRow[]).map(toRound),
    dueToClose: (nowMs, limit) => (dueToClose.all(nowMs, limit) as RoundRow[]).map(toRound),
    earliestClose: () => (earliestClose.get() as number | null) ?? null,
    nextRetryAt: () => (nextRetry.get() as number | null) ?? null,
    entryStats: (channelKey) => {
      const rows = stats.all(channelKey) as ({ entryId: string } & EntryStats)[];
      return new Map(rows.map(({ entryId, ...s }) => [entryId, s]));
    },
    itemUses: (channelKey) => new Map((itemUses.all(channelKey) as { itemId: string; n: number }[]).map((r) => [r.itemId, r.n])),
    previousScheduledSlot: (channelKey, slotMs) => (previousSlot.get(channelKey, slotMs) as number | null) ?? null,
    latestScheduledSlot: (channelKey) => (latestSlot.get(channelKey) as number | null) ?? null,
    results: (id): RoundResults => {
      const c = counts.get(id) as { answered: number; correct: number };
      const people = correctPeople.all(id) as { userKey: number; name: string }[];
      return { answered: c.answered, correct: c.correct, firstCorrect: people[0] ?? null, correctNames: people.map((p) => p.name) };
    },
  };
}
