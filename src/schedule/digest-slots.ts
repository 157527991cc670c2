import { CronExpressionParser } from 'cron-parser';
import type { DigestSettings, ScheduleSpec } from '../store/ports/index.js';
import { nextFire } from './next-fire.js';

/** A channel that never changed its digest: Friday, at the quiz's time, on (docs/design.md, "Weekly digest"). */
export const DEFAULT_DIGEST: Readonly<DigestSettings> = Object.freeze({ day: 5, time: null, enabled: true, nextFireMs: null });

/**
 * How late a digest may still go out after its slot (the bot was down, the platform
 * failed). Past this it is missed: a Friday digest posted on Saturday morning would
 * read as stale news, and the next one is a week away anyway.
 */
export const DIGEST_WINDOW_MS = 12 * 3_600_000;

/** ISO day numbers (1 Monday ... 7 Sunday) by the names people type. */
export const DAY_NUMBERS: Readonly<Record<string, number>> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

/** Day names for messages, by ISO number. */
export const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The digest's time of day: its own, or the quiz's. */
export function digestTime(settings: Pick<DigestSettings, 'time'>, quiz: Pick<ScheduleSpec, 'time'>): string {
  return settings.time ?? quiz.time;
}

/** The digest's slots as a cron expression (weekly, at its time), evaluated in the quiz's zone. */
export function digestCron(settings: Pick<DigestSettings, 'day' | 'time'>, quiz: Pick<ScheduleSpec, 'time'>): string {
  const [hour = '0', minute = '0'] = digestTime(settings, quiz).split(':');
  return `${Number(minute)} ${Number(hour)} * * ${settings.day % 7}`;
}

/** The first digest slot strictly after `afterMs`, in the quiz's zone (DST handled as for rounds). */
export function nextDigestSlot(settings: Pick<DigestSettings, 'day' | 'time'>, quiz: Pick<ScheduleSpec, 'time' | 'zone'>, afterMs: number): number {
  return nextFire(digestCron(settings, quiz), quiz.zone, afterMs);
}

/**
 * From a slot that fell due (`dueMs`), the latest slot at or before `nowMs`, how many
 * earlier ones passed, and the first slot after `nowMs`: after weeks of downtime only the
 * latest slot can still go out (within its window).
 */
export function digestSlotsUpTo(settings: Pick<DigestSettings, 'day' | 'time'>, quiz: Pick<ScheduleSpec, 'time' | 'zone'>, dueMs: number, nowMs: number): { latest: number; passed: number; following: number } {
  const it = CronExpressionParser.parse(digestCron(settings, quiz), { tz: quiz.zone, currentDate: new Date(dueMs) });
  let latest = dueMs;
  let passed = 0;
  let next = it.next().getTime();
  // Weekly slots: a year of downtime is 52 steps.
  for (let step = 0; next <= nowMs && step < 1_000; step++) {
    latest = next;
    passed++;
    next = it.next().getTime();
  }
  return { latest, passed, following: next > nowMs ? next : nextDigestSlot(settings, quiz, nowMs) };
}

export type DigestRequest = { kind: 'show' } | { kind: 'off' } | { kind: 'set'; day: number; time: string | null };

export type DigestParseResult = { ok: true; request: DigestRequest } | { ok: false; code: 'digest.bad_day' | 'digest.bad_time'; given: string };

const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/i;

/**
 * Parses `digest` arguments: empty (show), `off`, or `<day> [HH:MM]` (the time defaults
 * to the quiz's). Pure; failures are coded values.
 */
export function parseDigest(args: string): DigestParseResult {
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { ok: true, request: { kind: 'show' } };
  if (words.length === 1 && /^(off|stop|disable|none)$/i.test(words[0]!)) return { ok: true, request: { kind: 'off' } };
  const day = DAY_NUMBERS[words[0]!.toLowerCase()];
  if (day === undefined) return { ok: false, code: 'digest.bad_day', given: words[0]!.slice(0, 40) };
  if (words.length === 1) return { ok: true, request: { kind: 'set', day, time: null } };
  const match = words.length === 2 ? TIME.exec(words[1]!) : null;
  if (!match) return { ok: false, code: 'digest.bad_time', given: words.slice(1).join(' ').slice(0, 40) };
  return { ok: true, request: { kind: 'set', day, time: `${match[1]!.padStart(2, '0')}:${match[2]}` } };
}
