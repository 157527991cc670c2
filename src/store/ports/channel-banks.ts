/** A channel's choice of banks, as stored. */
export interface ChannelBankChoice {
  /** Bank slugs in the order the admin gave them (at least one). */
  slugs: string[];
  /** Who chose them (a display name, for the `banks` reply). */
  updatedBy: string;
  updatedMs: number;
}

/**
 * Which banks each channel quizzes from and looks up first (docs/design.md,
 * "Curriculum"). Slugs, not bank versions: a bank keeps its slug across edits and
 * restarts, and a slug whose bank is not loaded is simply skipped.
 */
export interface ChannelBanks {
  /** The channel's chosen banks, or undefined when it has not chosen (then it uses every bank). */
  get(channelKey: number): Promise<ChannelBankChoice | undefined>;
  /** Sets the channel's banks (one or more distinct slugs), replacing an earlier choice. */
  set(channelKey: number, slugs: readonly string[], updatedBy: string, nowMs: number): Promise<void>;
  /** Puts the channel back on every bank (the default); false if it had not chosen. */
  clear(channelKey: number): Promise<boolean>;
}
