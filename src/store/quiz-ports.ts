import type { ChannelRef } from '../chat-port.js';
import type { ScheduleSpec } from '../schedule/parse-schedule.js';

/** A person as the store knows them. */
export interface PersonRef {
  platform: string;
  workspaceId: string;
  userId: string;
  userName: string;
}

/** Channels and people get small integer keys on first sight. */
export interface People {
  /** The key of a channel, created on first sight. */
  channelKey(ref: ChannelRef): number;
  /** The key of a person, created on first sight; a changed display name is refreshed. */
  userKey(ref: PersonRef): number;
  /** A person by platform id, if they have ever used the bot here. */
  findUser(platform: string, workspaceId: string, userId: string): { key: number; name: string } | undefined;
  /** The display name of a person (their id if unknown). */
  displayName(userKey: number): string;
}

export interface StoredSchedule {
  channelKey: number;
  channel: ChannelRef;
  spec: ScheduleSpec;
  nextFireMs: number;
  updatedBy: string;
  updatedMs: number;
}

/** Channel schedules, with the next slot each will open. */
export interface Schedules {
  /** The channel's schedule, if it has one. */
  get(channelKey: number): StoredSchedule | undefined;
  /** Creates or replaces the channel's schedule. */
  upsert(channelKey: number, spec: ScheduleSpec, nextFireMs: number, updatedBy: string, nowMs: number): void;
  /** Turns the channel's schedule off; false if it had none. */
  remove(channelKey: number): boolean;
  /** Schedules whose next slot is at or before `nowMs`, earliest first. */
  due(nowMs: number, limit: number): StoredSchedule[];
  /** Moves a schedule to its next slot. */
  setNextFire(channelKey: number, nextFireMs: number): void;
  /** The earliest next slot of any schedule (for the console's clock). */
  earliestFire(): number | null;
}

export type RoundStatus = 'claimed' | 'open' | 'closed' | 'missed';
export type RoundKind = 'scheduled' | 'manual';
export type QuizMode = 'choice' | 'recall';

export interface NewRound {
  channelKey: number;
  slotMs: number;
  kind: RoundKind;
  entryId: string;
  itemId: string | null;
  mode: QuizMode;
  choices: string[];
  correctIndex: number | null;
  claimedMs: number;
  closesMs: number;
}

export interface Round extends NewRound {
  id: number;
  channel: ChannelRef;
  status: RoundStatus;
  messageId: string | null;
  openedMs: number | null;
  closedMs: number | null;
  postAttempts: number;
}

/** How a channel has done on an entry, for question selection. */
export interface EntryStats {
  rounds: number;
  answers: number;
  correct: number;
  /** Slot of the last round that used the entry. */
  lastSlotMs: number;
}

export interface RoundResults {
  answered: number;
  correct: number;
  /** Who answered correctly first, if anyone. */
  firstCorrect: { userKey: number; name: string } | null;
  correctNames: string[];
}

/** Rounds: claimed once per slot, posted, answered, closed. */
export interface Rounds {
  /**
   * Claims a slot for a channel in one transaction: inserts the round as `claimed`
   * unless the channel already has a round for that slot (then null), and, if given,
   * moves the schedule on to its next slot. The claimer holds the post's lease until
   * `leaseUntilMs`: no other process retries the post before then.
   */
  claim(round: NewRound, leaseUntilMs: number, nextFireMs?: number): Round | null;
  /** Records that the round was posted (status open). */
  markOpen(id: number, messageId: string, nowMs: number): void;
  /** Counts a failed post and gives up its lease; the round stays claimed for the next tick to retry. */
  recordPostFailure(id: number): void;
  /** Marks a round whose window passed before it could be posted. */
  markMissed(id: number, nowMs: number): void;
  /**
   * Closes an open round and leases its reveal to the caller until `leaseUntilMs`; false
   * if it was not open (someone else closed it).
   */
  close(id: number, nowMs: number, leaseUntilMs: number): boolean;
  /** Records that the reveal of a closed round has been shown. */
  markRevealed(id: number): void;
  /**
   * Takes the lease on a round's pending post or reveal until `untilMs`, for a retry;
   * false if another caller holds it (a post or reveal still in flight).
   */
  takeLease(id: number, nowMs: number, untilMs: number): boolean;
  /** Gives up a lease after a failed platform call, so the next tick retries at once. */
  releaseLease(id: number): void;
  /** Closed rounds whose reveal has not been shown yet (the platform failed), with no lease held at `nowMs`. */
  unrevealed(nowMs: number, limit: number): Round[];
  get(id: number): Round | undefined;
  /** Open rounds of a channel (closed when the next round opens). */
  openInChannel(channelKey: number): Round[];
  /** Rounds claimed but not posted yet (a crash or a failed post), with no lease held at `nowMs`. */
  claimedPending(nowMs: number, limit: number): Round[];
  /** Open rounds whose close time has come. */
  dueToClose(nowMs: number, limit: number): Round[];
  /** The earliest close time of any open round (for the console's clock). */
  earliestClose(): number | null;
  /** When the earliest lease on a pending post or reveal runs out (for the console's clock). */
  nextRetryAt(): number | null;
  /** Per-entry history of a channel's rounds. */
  entryStats(channelKey: number): Map<string, EntryStats>;
  /** How often each quiz item was used in a channel. */
  itemUses(channelKey: number): Map<string, number>;
  /** Slot of the latest closed scheduled multiple-choice round before `slotMs` (streaks). */
  previousScheduledSlot(channelKey: number, slotMs: number): number | null;
  /** Slot of the latest closed scheduled multiple-choice round of the channel (streaks). */
  latestScheduledSlot(channelKey: number): number | null;
  results(id: number): RoundResults;
}

export interface AnswerInput {
  roundId: number;
  userKey: number;
  choiceIndex: number;
  correct: boolean;
  answeredMs: number;
  /** Points for this answer, given whether it is the round's first correct one. */
  pointsFor: (firstCorrect: boolean) => number;
  /** Score rows to add the points to: scope (channel or workspace) x period. */
  scoreKeys: { scope: string; period: string }[];
}

export type AnswerOutcome =
  | { kind: 'recorded'; points: number; firstCorrect: boolean }
  | { kind: 'duplicate'; choiceIndex: number };

export interface LeaderRow {
  userKey: number;
  name: string;
  points: number;
  correct: number;
  answered: number;
}

/** Answers to rounds, the scores they add up to, and streaks. */
export interface Answers {
  /** Records one answer and its points atomically; the second answer of a person is refused. */
  submit(input: AnswerInput): AnswerOutcome;
  /** People who answered a round correctly, first first. */
  correctUsers(roundId: number): number[];
  /** The person's answer to a round, if any. */
  answerOf(roundId: number, userKey: number): { choiceIndex: number; correct: boolean } | undefined;
  /** Top scorers of a scope and period; ties go to whoever reached the score first. */
  leaderboard(scope: string, period: string, limit: number): LeaderRow[];
  /** Moves the streaks of a channel on at the close of a scheduled round. */
  advanceStreaks(channelKey: number, slotMs: number, previousSlotMs: number | null, correctUserKeys: number[]): void;
  /** A person's streak as of a slot: 0 unless their last streak round is that slot. */
  streak(channelKey: number, userKey: number, asOfSlotMs: number | null): { current: number; best: number };
}

export interface AttemptInput {
  userKey: number;
  entryId: string;
  source: 'round' | 'practice' | 'review';
  correct: boolean;
  channelKey: number | null;
  atMs: number;
}

export interface EntryProgress {
  attempts: number;
  everCorrect: boolean;
  lastCorrect: boolean;
}

export interface PracticeRow {
  id: number;
  userKey: number;
  kind: 'practice' | 'review';
  entryId: string;
  itemId: string | null;
  mode: QuizMode;
  choices: string[];
  correctIndex: number | null;
  createdMs: number;
  answeredMs: number | null;
}

/** Per-person learning state: attempts (progress), FSRS cards, private questions. */
export interface Learning {
  recordAttempt(input: AttemptInput): void;
  /** The person's attempts, per entry. */
  progress(userKey: number): Map<string, EntryProgress>;
  /** People who answered rounds in a channel, with their keys and names. */
  channelMembers(channelKey: number): { userKey: number; name: string }[];
  /** The person's FSRS card for an entry (JSON), if any. */
  card(userKey: number, entryId: string): string | undefined;
  saveCard(userKey: number, entryId: string, dueMs: number, card: string): void;
  /** Cards due at `nowMs`, most overdue first. */
  dueCards(userKey: number, nowMs: number, limit: number): { entryId: string; dueMs: number }[];
  /** The person's next card to come due, if any. */
  nextDue(userKey: number): { entryId: string; dueMs: number } | undefined;
  createPractice(row: Omit<PracticeRow, 'id' | 'answeredMs'>): number;
  practice(id: number): PracticeRow | undefined;
  /** Marks a private question answered; false if it already was. */
  answerPractice(id: number, nowMs: number): boolean;
}

/** Named counters that survive restarts. */
export interface Sequences {
  /** The next value of the named counter (1, 2, 3, ...). */
  next(name: string): number;
}
