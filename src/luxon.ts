import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';

/**
 * luxon, loaded the way cron-parser loads it (require). Importing it as an ES module here
 * would load its second build beside the first: a megabyte of source and compiled code
 * for nothing, in every process.
 */
const luxon = createRequire(import.meta.url)('luxon') as typeof Luxon;

export const DateTime = luxon.DateTime;
export const IANAZone = luxon.IANAZone;
