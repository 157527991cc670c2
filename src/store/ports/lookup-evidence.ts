/**
 * What a person did that shows which entry answers a lookup (see the lookup's learning,
 * docs/design.md, "Lookup"):
 * - `after_no_match`: opened one of the closest topics of a lookup that had no answer;
 * - `after_unhelpful`: opened an entry from a lookup whose answer they voted "Not helpful";
 * - `beside_answer`: opened a related entry beside an answer they did not vote down;
 * - `helpful` / `unhelpful`: their vote on the answer (the evidence is about the answered entry).
 */
export type EvidenceKind = 'after_no_match' | 'after_unhelpful' | 'beside_answer' | 'helpful' | 'unhelpful';

/** One person's evidence about one logged lookup and one entry. */
export interface EvidenceRow {
  /** The lookup's query, as logged. */
  query: string;
  /** The entry the evidence is about, `<bank-slug>-q<n>`. */
  entryId: string;
  /** Where the person is: a user id is unique only within its platform and workspace. */
  platform: string;
  workspaceId: string;
  /** Who did it (for a pick, who clicked; for a vote, who voted). */
  userId: string;
  /** What they did (see `EvidenceKind`). */
  kind: EvidenceKind;
  /** When they did it (the latest time, if they did it more than once). */
  atMs: number;
}

/** People's picks after lookups, and the evidence they and the votes make together. */
export interface LookupEvidence {
  /**
   * Records that a person opened an entry from the reply of the lookup with this
   * reference. The lookup need not be logged yet (its log is written after its reply, and
   * perhaps by another replica): picks are joined to lookups when evidence is read. The
   * same person opening the same entry again keeps one pick, at the latest time.
   */
  pick(lookupRef: string, userId: string, entryId: string, atMs: number): Promise<void>;
  /**
   * Evidence from picks and votes made at or after `sinceMs`, newest first, at most
   * `limit` rows: one per lookup, person, entry and kind. Picks of lookups never logged
   * are left out, and so is opening the very entry a lookup answered with.
   */
  evidence(sinceMs: number, limit: number): Promise<EvidenceRow[]>;
}
