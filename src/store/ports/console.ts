/** A message the console showed, with its buttons (label, action id, value). */
export interface SavedConsoleMessage {
  id: string;
  channel: string;
  /** The one user who can see it, or null for everyone in the channel. */
  visibleTo: string | null;
  text: string;
  buttons: { label: string; actionId: string; value: string; style?: 'primary' | 'danger' }[];
}

/**
 * The console's transcript: Slack and Discord keep the messages the bot posted, the
 * console keeps them here, so a restart can still click a round posted before it.
 */
export interface ConsoleTranscript {
  /** Saves a message (new, or the new content of an edited one) as the newest. */
  save(message: SavedConsoleMessage): Promise<void>;
  /** The newest `limit` messages, oldest first. */
  recent(limit: number): Promise<SavedConsoleMessage[]>;
}
