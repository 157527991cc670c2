import { DateTime } from '../luxon.js';
import { memoize } from './memoize.js';

// Every click's reply shows its round's close time: the same few (time, zone) pairs.
const timeKey = (ms: number, zone: string): string => `${ms}\u0000${zone}`;

/** "Mon 7 Dec 10:00 Europe/Berlin": a time as people in that zone read it. */
export const formatInZone = memoize(256, timeKey, (ms: number, zone: string): string => `${DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL HH:mm')} ${zone}`);

/** "10:00": the time of day in a zone. */
export const timeInZone = memoize(256, timeKey, (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm'));
