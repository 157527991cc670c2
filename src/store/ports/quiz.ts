import type { ChannelRef } from '../../chat-port.js';

/** A channel's quiz schedule as stored: a cron expression evaluated in an IANA time zone. */
export interface ScheduleSpec {
  /** `HH:MM`, for display. */
  time: string;
  /** IANA zone the cron expression is evaluated in. */
  zone: string;
  /** How the days were given: `weekdays`, `daily`, `weekends`, `mon,wed,fri`, or the cron expression. */
  days: string;
  /** Five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
}

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
  channelKey(ref: ChannelRef): Promise<number>;
  /** The key of a person, created on first sight; a changed display name is refreshed. */
  userKey(ref: PersonRef): Promise<number>;
  /** A person by platform id, if they have ever used the bot here. */
  findUser(platform: string, workspaceId: string, userId: string): Promise<{ key: number; name: string } | undefined>;
  /** The display name of a person (their id if unknown). */
  displayName(userKey: number): Promise<string>;
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
  get(channelKey: number): Promise<StoredSchedule | undefined>;
  /** Creates or replaces the channel's schedule. */
  upsert(channelKey: number, spec: ScheduleSpec, nextFireMs: number, updatedBy: string, nowMs: number): Promise<void>;
  /** Turns the channel's schedule off; false if it had none. */
  remove(channelKey: number): Promise<boolean>;
  /** Schedules whose next slot is at or before `nowMs`, earliest first. */
  due(nowMs: number, limit: number): Promise<StoredSchedule[]>;
  /** Moves a schedule to its next slot. */
  setNextFire(channelKey: number, nextFireMs: number): Promise<void>;
  /** The earliest next slot of any schedule (for the console's clock). */
  earliestFire(): Promise<number | null>;
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
  claim(round: NewRound, leaseUntilMs: number, nextFireMs?: number): Promise<Round | null>;
  /** Records that the round was posted (status open). */
  markOpen(id: number, messageId: string, nowMs: number): Promise<void>;
  /** Counts a failed post and gives up its lease; the round stays claimed for the next tick to retry. */
  recordPostFailure(id: number): Promise<void>;
  /** Marks a round whose window passed before it could be posted. */
  markMissed(id: number, nowMs: number): Promise<void>;
  /**
   * Closes an open round and leases its reveal to the caller until `leaseUntilMs`; false
   * if it was not open (someone else closed it).
   */
  close(id: number, nowMs: number, leaseUntilMs: number): Promise<boolean>;
  /** Records that the reveal of a closed round has been shown. */
  markRevealed(id: number): Promise<void>;
  /**
   * Takes the lease on a round's pending post or reveal until `untilMs`, for a retry;
   * false if another caller holds it (a post or reveal still in flight).
   */
  takeLease(id: number, nowMs: number, untilMs: number): Promise<boolean>;
  /** Gives up a lease after a failed platform call, so the next tick retries at once. */
  releaseLease(id: number): Promise<void>;
  /** Closed rounds whose reveal has not been shown yet (the platform failed), with no lease held at `nowMs`. */
  unrevealed(nowMs: number, limit: number): Promise<Round[]>;
  /** A round by id, with its current state read fresh. */
  get(id: number): Promise<Round | undefined>;
  /** Open rounds of a channel (closed when the next round opens). */
  openInChannel(channelKey: number): Promise<Round[]>;
  /** Rounds claimed but not posted yet (a crash or a failed post), with no lease held at `nowMs`. */
  claimedPending(nowMs: number, limit: number): Promise<Round[]>;
  /** Open rounds whose close time has come. */
  dueToClose(nowMs: number, limit: number): Promise<Round[]>;
  /** The earliest close time of any open round (for the console's clock). */
  earliestClose(): Promise<number | null>;
  /** When the earliest lease on a pending post or reveal runs out (for the console's clock). */
  nextRetryAt(): Promise<number | null>;
  /** Per-entry history of a channel's rounds. */
  entryStats(channelKey: number): Promise<Map<string, EntryStats>>;
  /** How often each quiz item was used in a channel. */
  itemUses(channelKey: number): Promise<Map<string, number>>;
  /** Slot of the latest closed scheduled multiple-choice round before `slotMs` (streaks). */
  previousScheduledSlot(channelKey: number, slotMs: number): Promise<number | null>;
  /** Slot of the latest closed scheduled multiple-choice round of the channel (streaks). */
  latestScheduledSlot(channelKey: number): Promise<number | null>;
  /** Who answered a round, and who got it right (first first). */
  results(id: number): Promise<RoundResults>;
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
  submit(input: AnswerInput): Promise<AnswerOutcome>;
  /** People who answered a round correctly, first first. */
  correctUsers(roundId: number): Promise<number[]>;
  /** The person's answer to a round, if any. */
  answerOf(roundId: number, userKey: number): Promise<{ choiceIndex: number; correct: boolean } | undefined>;
  /** Top scorers of a scope and period; ties go to whoever reached the score first. */
  leaderboard(scope: string, period: string, limit: number): Promise<LeaderRow[]>;
  /** Moves the streaks of a channel on at the close of a scheduled round. */
  advanceStreaks(channelKey: number, slotMs: number, previousSlotMs: number | null, correctUserKeys: number[]): Promise<void>;
  /** A person's streak as of a slot: 0 unless their last streak round is that slot. */
  streak(channelKey: number, userKey: number, asOfSlotMs: number | null): Promise<{ current: number; best: number }>;
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
  /** The bank practice was asked for (`quiz <slug>`), so "Another question" stays in it; null for the channel's banks. */
  bankSlug: string | null;
}

/** Per-person learning state: attempts (progress), FSRS cards, private questions. */
export interface Learning {
  /** Appends one graded attempt (progress). */
  recordAttempt(input: AttemptInput): Promise<void>;
  /** The person's attempts, per entry. */
  progress(userKey: number): Promise<Map<string, EntryProgress>>;
  /** People who answered rounds in a channel, with their keys and names. */
  channelMembers(channelKey: number): Promise<{ userKey: number; name: string }[]>;
  /** The person's FSRS card for an entry (JSON), if any. */
  card(userKey: number, entryId: string): Promise<string | undefined>;
  /** Creates or replaces the person's card for an entry. */
  saveCard(userKey: number, entryId: string, dueMs: number, card: string): Promise<void>;
  /** Cards due at `nowMs`, most overdue first. */
  dueCards(userKey: number, nowMs: number, limit: number): Promise<{ entryId: string; dueMs: number }[]>;
  /** The person's next card to come due, if any. */
  nextDue(userKey: number): Promise<{ entryId: string; dueMs: number } | undefined>;
  /** Stores a private question with its shuffled choices (and the bank asked for, if any); returns its id. */
  createPractice(row: Omit<PracticeRow, 'id' | 'answeredMs' | 'bankSlug'> & { bankSlug?: string | null }): Promise<number>;
  /** A private question by id. */
  practice(id: number): Promise<PracticeRow | undefined>;
  /** Marks a private question answered; false if it already was. */
  answerPractice(id: number, nowMs: number): Promise<boolean>;
}
