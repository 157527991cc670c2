/** One lookup as logged: what was asked, and what the bot found. */
export interface LookupRecord {
  platform: string;
  workspaceId: string;
  channelId: string;
  userId: string;
  query: string;
  topEntryId: string | null;
  answered: boolean;
  confidence: number;
  atMs: number;
}

/** A query people keep asking that the bank does not answer. */
export interface Gap {
  query: string;
  count: number;
  lastAtMs: number;
  /** What the bot offered closest, if anything. */
  closestEntryId: string | null;
}

/** The log of lookups, for gap reports. */
export interface LookupLog {
  /** Appends one lookup; returns its id. */
  record(row: LookupRecord): number;
  /** The most frequent unanswered queries since a time, most asked first. */
  gaps(sinceMs: number, limit: number): Gap[];
  /** How many lookups are logged (answered and not). */
  count(): { total: number; answered: number };
}
