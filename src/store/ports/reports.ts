/** One person's points in one channel, all time. */
export interface ScoreRow {
  platform: string;
  workspaceId: string;
  channelId: string;
  userId: string;
  name: string;
  points: number;
  correct: number;
  answered: number;
}

/** One person's history with one entry. */
export interface ProgressRow {
  platform: string;
  workspaceId: string;
  userId: string;
  name: string;
  entryId: string;
  attempts: number;
  everCorrect: boolean;
  lastCorrect: boolean;
  lastAtMs: number;
}

/** Read-only views for onboarding leads (CSV exports). */
export interface Reports {
  /** Everyone's all-time points per channel, best first within each channel. */
  scores(): Promise<ScoreRow[]>;
  /** Everyone's attempts per entry. */
  progress(): Promise<ProgressRow[]>;
}
