import type { Synchronous } from './synchronous.js';
import type { Db } from './open-database.js';
import type { ConsoleTranscript, SavedConsoleMessage } from '../ports/index.js';

interface Row {
  id: string;
  channel: string;
  visibleTo: string | null;
  text: string;
  buttons: string;
}

export function createSqliteConsoleTranscript(db: Db): Synchronous<ConsoleTranscript> {
  // REPLACE gives an edited message a new seq: an edit makes it the newest, as in the console.
  const save = db.prepare('REPLACE INTO console_messages (id, channel, visible_to, text, buttons) VALUES (?, ?, ?, ?, ?)');
  const recent = db.prepare(`SELECT id, channel, visible_to AS visibleTo, text, buttons FROM
    (SELECT * FROM console_messages ORDER BY seq DESC LIMIT ?) ORDER BY seq`);
  return {
    save: (m) => {
      save.run(m.id, m.channel, m.visibleTo, m.text, JSON.stringify(m.buttons));
    },
    recent: (limit) => (recent.all(limit) as Row[]).map((r): SavedConsoleMessage => ({ ...r, buttons: JSON.parse(r.buttons) as SavedConsoleMessage['buttons'] })),
  };
}
