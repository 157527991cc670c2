import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from '../luxon.js';

/** A channel's quiz schedule: a cron expression evaluated in an IANA time zone. */
export interface ScheduleSpec {
  /** `HH:MM`, for display. */
  time: string;
  zone: string;
  /** How the days were given: `weekdays`, `daily`, `weekends`, `mon,wed,fri`, or the cron expression. */
  days: string;
  /** Five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
}

export type ScheduleRequest = { kind: 'show' } | { kind: 'off' } | { kind: 'set'; spec: ScheduleSpec };

export type ScheduleParseFailure =
  | { code: 'schedule.bad_time'; given: string }
  | { code: 'schedule.bad_zone'; given: string }
  | { code: 'schedule.bad_days'; given: string; reason: string }
  | { code: 'schedule.too_frequent'; given: string };

export type ScheduleParseResult = { ok: true; request: ScheduleRequest } | ({ ok: false } & ScheduleParseFailure);

const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/i;
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const NAMED_DAYS: Readonly<Record<string, string>> = { weekdays: '1-5', daily: '*', everyday: '*', weekends: '0,6' };

/** Whether the text names a time zone the runtime knows (IANA names, and `UTC`). */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Parses `schedule` arguments: empty (show), `off`, or `<HH:MM> [zone] [days]` where days
 * is `weekdays` (default), `daily`, `weekends`, a day list (`mon,wed,fri`) or a full
 * five-field cron expression. The zone defaults to `defaultZone` (the channel's current
 * zone, or UTC). Pure; every failure is a coded value.
 */
export function parseSchedule(args: string, defaultZone = 'UTC'): ScheduleParseResult {
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { ok: true, request: { kind: 'show' } };
  if (words.length === 1 && /^(off|stop|disable|none)$/i.test(words[0]!)) return { ok: true, request: { kind: 'off' } };

  const timeMatch = TIME.exec(words[0]!);
  if (!timeMatch) return { ok: false, code: 'schedule.bad_time', given: clip(words[0]!) };
  const hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2]);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

  let rest = words.slice(1);
  let zone = defaultZone;
  if (rest[0] && looksLikeZone(rest[0])) {
    const candidate = /^(utc|gmt|z)$/i.test(rest[0]) ? 'UTC' : rest[0];
    if (!isValidZone(candidate)) return { ok: false, code: 'schedule.bad_zone', given: clip(rest[0]) };
    // Zones match case-insensitively; keep the canonical spelling for display (`europe/berlin` -> `Europe/Berlin`).
    zone = new Intl.DateTimeFormat('en-US', { timeZone: candidate }).resolvedOptions().timeZone;
    rest = rest.slice(1);
  }

  const daysText = rest.join(' ').toLowerCase() || 'weekdays';
  const days = parseDays(daysText, minute, hour);
  if ('reason' in days) return { ok: false, code: 'schedule.bad_days', given: clip(daysText), reason: days.reason };
  if ('tooFrequent' in days || tooFrequent(days.cron, zone)) return { ok: false, code: 'schedule.too_frequent', given: clip(daysText) };
  return { ok: true, request: { kind: 'set', spec: { time: days.time ?? time, zone, days: daysText, cron: days.cron } } };
}

/** A word in the zone position that is not a day spec: `Europe/Berlin`, `UTC`, `Berlin`. */
function looksLikeZone(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^[a-z_]+(\/[a-z0-9_+-]+)*$/i.test(word)) return false;
  if (NAMED_DAYS[lower] || dayNumbers(lower)) return false;
  return true;
}

/** The day of a day name or its abbreviation of 3+ letters (`tue`, `tues`, `tuesday`), else -1. */
function dayIndex(word: string): number {
  return word.length >= 3 ? DAY_NAMES.findIndex((n) => n.startsWith(word)) : -1;
}

/** Day numbers (0 = Sunday) of a list like `mon,wed,fri`, `tuesday thursday` or `mon-fri`; null if any part is not a day. */
function dayNumbers(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((d) => d !== '');
  const days = new Set<number>();
  for (const part of parts) {
    const [from, to, ...extra] = part.split('-').map(dayIndex);
    if (from === undefined || from < 0 || extra.length > 0 || (to !== undefined && to < 0)) return null;
    // A range may wrap around the week (`fri-mon`).
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (to === undefined || d === to) break;
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

function parseDays(text: string, minute: number, hour: number): { cron: string; time?: string } | { reason: string } | { tooFrequent: true } {
  const named = NAMED_DAYS[text];
  if (named) return { cron: `${minute} ${hour} * * ${named}` };
  const numbers = dayNumbers(text);
  if (numbers) return { cron: `${minute} ${hour} * * ${numbers.join(',')}` };
  const fields = text.split(/\s+/);
  if (fields.length !== 5) {
    return { reason: 'expected weekdays, daily, weekends, day names like mon,wed,fri, or a five-field cron expression' };
  }
  try {
    CronExpressionParser.parse(text, { tz: 'UTC' });
  } catch (error) {
    return { reason: `invalid cron expression: ${error instanceof Error ? error.message : String(error)}` };
  }
  const [m, h] = fields;
  if (tooFrequent(text, 'UTC')) return { tooFrequent: true };
  if (!/^\d+$/.test(m!) || !/^\d+$/.test(h!)) return { reason: 'the cron expression must fire at one time of day (plain minute and hour fields)' };
  if (Number(m) !== minute || Number(h) !== hour) {
    return { reason: `the cron expression fires at ${h}:${m!.padStart(2, '0')}, not at the time given` };
  }
  return { cron: fields.join(' ') };
}

/** More than one round an hour would close every round before anyone answers. */
function tooFrequent(cron: string, zone: string): boolean {
  const it = CronExpressionParser.parse(cron, { tz: zone, currentDate: new Date('2027-01-04T00:00:00Z') });
  const first = it.next().getTime();
  const second = it.next().getTime();
  return second - first < 3_600_000;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
