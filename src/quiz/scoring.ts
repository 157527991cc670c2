import { DateTime } from '../luxon.js';
import type { ChannelRef } from '../chat-port.js';
import { memoize } from './memoize.js';

/** Points rules (docs/design.md, "Quiz rules"). */
export const POINTS = Object.freeze({ correct: 10, firstCorrectBonus: 5 });

export function pointsFor(correct: boolean, firstCorrect: boolean): number {
  if (!correct) return 0;
  return POINTS.correct + (firstCorrect ? POINTS.firstCorrectBonus : 0);
}

export type Period = 'week' | 'month' | 'all';

/** The key of the week or month containing `atMs` in a zone (`w2026-49`, `m2026-12`), or `all`. */
export function periodKey(period: Period, atMs: number, zone: string): string {
  return period === 'all' ? 'all' : calendarKey(period, atMs, zone);
}

// Every answer needs these keys; luxon takes microseconds per call. Local midnights fall on
// whole UTC minutes in every zone in use today, so the minute is a safe cache key.
const calendarKey = memoize(
  512,
  (period: 'week' | 'month', atMs: number, zone: string) => `${period}\u0000${zone}\u0000${Math.floor(atMs / 60_000)}`,
  (period: 'week' | 'month', atMs: number, zone: string): string => {
    const t = DateTime.fromMillis(atMs, { zone });
    return period === 'week' ? `w${t.weekYear}-${String(t.weekNumber).padStart(2, '0')}` : `m${t.year}-${String(t.month).padStart(2, '0')}`;
  },
);

export function channelScope(channel: ChannelRef): string {
  return `c:${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
}

export function workspaceScope(channel: Pick<ChannelRef, 'platform' | 'workspaceId'>): string {
  return `w:${channel.platform}:${channel.workspaceId}`;
}

/** Every score row an answer in a channel adds to: channel and workspace, for each period. */
export function scoreKeys(channel: ChannelRef, atMs: number, zone: string): { scope: string; period: string }[] {
  const periods = (['all', 'week', 'month'] as const).map((p) => periodKey(p, atMs, zone));
  return [channelScope(channel), workspaceScope(channel)].flatMap((scope) => periods.map((period) => ({ scope, period })));
}
