import type { Platform } from '../chat-port.js';
import type { Digest, DigestStatus, NewDigest, QuizMode, Round, RoundKind, RoundStatus, StoredSchedule } from './ports/index.js';

/**
 * The rows both stores read back, in the column aliases their SELECTs give, and how a row
 * becomes the port's value: one definition, so the two implementations cannot drift.
 */
export interface RoundRow {
  id: number;
  channelKey: number;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  slotMs: number;
  kind: RoundKind;
  entryId: string;
  itemId: string | null;
  mode: QuizMode;
  /** JSON array of the choices' labels, in the order shown. */
  choices: string;
  correctIndex: number | null;
  status: RoundStatus;
  messageId: string | null;
  claimedMs: number;
  openedMs: number | null;
  closesMs: number;
  closedMs: number | null;
  postAttempts: number;
}

/** The columns of a round that change after its claim. */
export type RoundState = Pick<Round, 'status' | 'messageId' | 'openedMs' | 'closedMs' | 'postAttempts'>;

/**
 * How many rounds' fixed parts each store keeps in memory: what a round asks never
 * changes after its claim, so only its state is read on every click. More than are ever
 * open at once.
 */
export const FIXED_ROUND_CACHE = 2_000;

export function toRound(row: RoundRow): Round {
  const { platform, workspaceId, channelId, choices, ...rest } = row;
  return { ...rest, channel: { platform, workspaceId, channelId }, choices: JSON.parse(choices) as string[] };
}

export interface ScheduleRow {
  channelKey: number;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  time: string;
  zone: string;
  days: string;
  cron: string;
  nextFireMs: number;
  updatedBy: string;
  updatedMs: number;
}

export function toSchedule(row: ScheduleRow): StoredSchedule {
  return {
    channelKey: row.channelKey,
    channel: { platform: row.platform, workspaceId: row.workspaceId, channelId: row.channelId },
    spec: { time: row.time, zone: row.zone, days: row.days, cron: row.cron },
    nextFireMs: row.nextFireMs,
    updatedBy: row.updatedBy,
    updatedMs: row.updatedMs,
  };
}

/** A digest row joined with its channel, as both stores' SELECTs alias it. */
export interface DigestRow extends NewDigest {
  id: number;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  status: DigestStatus;
  messageId: string | null;
  postedMs: number | null;
  postAttempts: number;
}

export function toDigest(row: DigestRow): Digest {
  const { platform, workspaceId, channelId, ...rest } = row;
  return { ...rest, channel: { platform, workspaceId, channelId } };
}
