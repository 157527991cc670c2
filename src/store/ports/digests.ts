import type { ChannelRef } from '../../chat-port.js';
import type { ScheduleSpec } from './quiz.js';

/**
 * When a channel's weekly digest goes out (docs/design.md, "Weekly digest"). A channel
 * with a quiz and no settings row has the default: Friday, at the quiz's time, on.
 */
export interface DigestSettings {
  /** ISO day of the week: 1 Monday ... 7 Sunday. */
  day: number;
  /** `HH:MM` in the quiz's zone, or null to follow the quiz's own time. */
  time: string | null;
  /** False after `digest off`. */
  enabled: boolean;
  /** The next digest slot, or null when it is to be worked out (new settings, a changed quiz). */
  nextFireMs: number | null;
}

/** A channel whose digest slot has come (or has never been worked out). */
export interface DigestDue {
  channelKey: number;
  channel: ChannelRef;
  /** The channel's quiz schedule: its zone, and its time when the digest follows it. */
  quiz: ScheduleSpec;
  /** The channel's settings, or null for the defaults. */
  settings: DigestSettings | null;
}

export type DigestStatus = 'claimed' | 'posted' | 'missed';

/** A digest as claimed: one per channel and week. */
export interface NewDigest {
  channelKey: number;
  /** The week it covers, in the channel's zone (`w2026-49`): the unique key with the channel. */
  weekKey: string;
  /** When it was due. */
  slotMs: number;
  claimedMs: number;
  /** The end of its window: not posted by then, it is missed, never posted late. */
  closesMs: number;
}

export interface Digest extends NewDigest {
  id: number;
  channel: ChannelRef;
  status: DigestStatus;
  messageId: string | null;
  postedMs: number | null;
  postAttempts: number;
}

/**
 * Weekly digests, restart-safe the way rounds are: a digest is claimed (a unique key on
 * channel and week) in a transaction before it is posted; the claimer holds a lease on
 * the post; a claim whose post never happened is retried after the lease, within its
 * window, by whichever process runs the tick.
 */
export interface Digests {
  /** The channel's settings, if it has a row (defaults otherwise). */
  settings(channelKey: number): Promise<DigestSettings | undefined>;
  /** Creates or replaces the channel's settings. */
  configure(channelKey: number, settings: DigestSettings): Promise<void>;
  /**
   * Moves the channel's next slot (null: work it out again at the next tick), creating
   * default settings if it has none.
   */
  setNextFire(channelKey: number, nextFireMs: number | null): Promise<void>;
  /** Channels with a quiz whose digest is on and due at `nowMs` or not yet worked out, by channel key. */
  due(nowMs: number, limit: number): Promise<DigestDue[]>;
  /**
   * In one transaction: claims the channel's digest for the week unless it already has
   * one (then null), and moves the channel's next slot on. The claimer holds the post's
   * lease until `leaseUntilMs`.
   */
  claim(digest: NewDigest, leaseUntilMs: number, nextFireMs: number): Promise<Digest | null>;
  /** Records that the digest was posted. */
  markPosted(id: number, messageId: string, nowMs: number): Promise<void>;
  /** Counts a failed post and gives up the lease: the next tick retries within the window. */
  recordPostFailure(id: number): Promise<void>;
  /** Marks a claimed digest whose window passed before it could be posted. */
  markMissed(id: number, nowMs: number): Promise<void>;
  /** Takes the lease on a claimed digest until `untilMs`; false if someone else holds it. */
  takeLease(id: number, nowMs: number, untilMs: number): Promise<boolean>;
  /** Claimed digests not posted yet whose lease has run out at `nowMs`, oldest first. */
  pending(nowMs: number, limit: number): Promise<Digest[]>;
  /** The earliest next slot or lease expiry of any digest (for the console's clock). */
  earliest(): Promise<number | null>;
  /** The channel's digests, newest first. */
  history(channelKey: number, limit: number): Promise<Digest[]>;
}
