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
  /** The platform delivery it answered, if known: a repeated delivery is logged once. */
  deliveryKey?: string | null;
  /** The reference its reply's vote buttons carry (made before the lookup is logged). */
  ref?: string | null;
}

/** A logged lookup, as a later click on its reply needs it. */
export interface LoggedLookup {
  /** The query as logged. */
  query: string;
  /** The best hit it had (its answer, or its first closest topic), if any. */
  topEntryId: string | null;
  /** Whether the reply gave `topEntryId` as the answer. */
  answered: boolean;
}

/** A query people keep asking that the bank does not answer. */
export interface Gap {
  query: string;
  count: number;
  lastAtMs: number;
  /** What the bot offered closest, if anything. */
  closestEntryId: string | null;
}

/** An answer people keep marking as not helpful for a query. */
export interface UnhelpfulAnswer {
  query: string;
  entryId: string;
  votes: number;
  lastAtMs: number;
}

/** The log of lookups, for gap reports. */
export interface LookupLog {
  /** Appends one lookup; returns its id. */
  record(row: LookupRecord): Promise<number>;
  /** Appends several lookups in one transaction (the after-reply batch); a repeated delivery is skipped. */
  recordMany(rows: LookupRecord[]): Promise<void>;
  /** The most frequent unanswered queries since a time, most asked first. */
  gaps(sinceMs: number, limit: number): Promise<Gap[]>;
  /** The logged lookup with this reference (what was asked, and what it answered with), or null if none is logged. */
  byRef(lookupRef: string): Promise<LoggedLookup | null>;
  /**
   * Records (or changes) one person's vote on one lookup's answer, by the lookup's
   * reference; false if it is unknown. A vote older than the one kept does not replace
   * it, so two votes written out of order (after their replies) leave the later one.
   */
  vote(lookupRef: string, userId: string, helpful: boolean, atMs: number): Promise<boolean>;
  /** Answers most often voted not helpful since a time, per query and entry. */
  unhelpful(sinceMs: number, limit: number): Promise<UnhelpfulAnswer[]>;
  /** How many lookups are logged (answered and not). */
  count(): Promise<{ total: number; answered: number }>;
}
