import type { Gap } from './lookups.js';

/** Someone with points in a scope (a channel or a workspace), all time. */
export interface MemberRow {
  userKey: number;
  /** The platform's user id. */
  userId: string;
  name: string;
  points: number;
  correct: number;
  answered: number;
}

/** A person's latest standing on one entry, from their attempts (rounds, practice, reviews). */
export interface AttemptSummary {
  userKey: number;
  entryId: string;
  attempts: number;
  everCorrect: boolean;
  lastCorrect: boolean;
  lastAtMs: number;
}

/** How a closed round went: its entry, and how many answered and got it right. */
export interface RoundTally {
  roundId: number;
  entryId: string;
  slotMs: number;
  answered: number;
  correct: number;
}

/** Every closed round of a channel on one entry, added up. */
export interface EntryTally {
  entryId: string;
  rounds: number;
  answered: number;
  correct: number;
}

/** A person's streak in one channel, as stored (current only if `lastSlotMs` is the channel's latest streak round). */
export interface StreakRow {
  channelKey: number;
  channelId: string;
  current: number;
  best: number;
  lastSlotMs: number;
}

/** Points in one scope and period. */
export interface PeriodPoints {
  points: number;
  correct: number;
  answered: number;
}

/**
 * Read models for onboarding leads and for each person's own page (the dashboard, the
 * weekly digest, App Home and `/mesh me`). Every read is bounded by a key or an index
 * range, so a channel with a million answers answers in milliseconds: nothing here
 * scans answers. Round results are added up once, when a round closes (`tallyRound`).
 */
export interface Insights {
  /** The channels of one workspace that have had a round, by key: nothing of another workspace. */
  quizChannels(platform: string, workspaceId: string): Promise<{ channelKey: number; channelId: string }[]>;
  /** People with points in a scope (all time), most answers first, up to `limit`, and how many there are in all. */
  members(scope: string, limit: number): Promise<{ rows: MemberRow[]; total: number }>;
  /** Top scorers of a scope and period, with their platform ids (links); ordered as `Answers.leaderboard`. */
  board(scope: string, period: string, limit: number): Promise<MemberRow[]>;
  /** The latest attempt at each entry of each of these people. */
  attempts(userKeys: readonly number[]): Promise<AttemptSummary[]>;
  /** One person's points in a scope for each of `periods` (absent: none yet). */
  points(scope: string, periods: readonly string[], userKey: number): Promise<Map<string, PeriodPoints>>;
  /** Adds up a round's answers as it closes (inside the closing transaction); a second call for it changes nothing. */
  tallyRound(roundId: number): Promise<void>;
  /** A channel's closed rounds added up per entry. */
  entryTallies(channelKey: number): Promise<EntryTally[]>;
  /** A channel's closed rounds with slots in [fromMs, toMs), oldest first. */
  roundTallies(channelKey: number, fromMs: number, toMs: number): Promise<RoundTally[]>;
  /** The most frequent unanswered lookups in one channel since a time, most asked first. */
  gaps(platform: string, workspaceId: string, channelId: string, sinceMs: number, limit: number): Promise<Gap[]>;
  /** A person's streak in each channel they have one in. */
  streaksOf(userKey: number): Promise<StreakRow[]>;
  /** People whose streak in a channel is still running as of the streak round at `asOfSlotMs`, longest first. */
  runningStreaks(channelKey: number, asOfSlotMs: number, limit: number): Promise<{ userKey: number; name: string; current: number }[]>;
}
