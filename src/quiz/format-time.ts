import { DateTime } from 'luxon';

/** "Mon 7 Dec 10:00 Europe/Berlin": a time as people in that zone read it. */
export function formatInZone(ms: number, zone: string): string {
  return `${DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH:mm')} ${zone}`;
}

/** "10:00": the time of day in a zone. */
export function timeInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
}
