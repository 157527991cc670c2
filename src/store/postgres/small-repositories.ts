import type { ConsoleTranscript, Deliveries, SavedConsoleMessage, Sequences } from '../ports/index.js';
import type { PgContext } from './connection.js';

export function createPgSequences(ctx: PgContext): Sequences {
  return {
    next: async (name) =>
      (await ctx.conn.query<{ value: number }>('INSERT INTO sequences (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value', [name])).rows[0]!
        .value,
  };
}

export function createPgConsoleTranscript(ctx: PgContext): ConsoleTranscript {
  return {
    // An edited message gets a new seq: an edit makes it the newest, as in the console.
    save: async (m) => {
      await ctx.conn.query(
        `INSERT INTO console_messages (id, channel, visible_to, text, buttons) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET seq = nextval(pg_get_serial_sequence('console_messages', 'seq')),
           channel = EXCLUDED.channel, visible_to = EXCLUDED.visible_to, text = EXCLUDED.text, buttons = EXCLUDED.buttons`,
        [m.id, m.channel, m.visibleTo, m.text, JSON.stringify(m.buttons)],
      );
    },
    recent: async (limit) => {
      const { rows } = await ctx.conn.query<Omit<SavedConsoleMessage, 'buttons'> & { buttons: string }>(
        `SELECT id, channel, "visibleTo", text, buttons FROM
           (SELECT seq, id, channel, visible_to AS "visibleTo", text, buttons FROM console_messages ORDER BY seq DESC LIMIT $1) recent ORDER BY seq`,
        [limit],
      );
      return rows.map((r) => ({ ...r, buttons: JSON.parse(r.buttons) as SavedConsoleMessage['buttons'] }));
    },
  };
}

export function createPgDeliveries(ctx: PgContext): Deliveries {
  return {
    claim: async (key, nowMs) => ((await ctx.conn.query('INSERT INTO deliveries (key, taken_ms) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, nowMs])).rowCount ?? 0) > 0,
    saveReply: async (key, reply) => {
      await ctx.conn.query('UPDATE deliveries SET reply = $1 WHERE key = $2', [reply, key]);
    },
    reply: async (key) => (await ctx.conn.query<{ reply: string | null }>('SELECT reply FROM deliveries WHERE key = $1', [key])).rows[0]?.reply ?? null,
    prune: async (beforeMs) => (await ctx.conn.query('DELETE FROM deliveries WHERE taken_ms < $1', [beforeMs])).rowCount ?? 0,
  };
}
