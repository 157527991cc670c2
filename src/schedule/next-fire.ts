import { CronExpressionParser } from 'cron-parser';

/**
 * The first fire time of a cron expression in a zone strictly after `afterMs`. DST is the
 * library's job: a time skipped in spring fires once, an hour later; a time repeated in
 * autumn fires once.
 */
export function nextFire(cron: string, zone: string, afterMs: number): number {
  const it = CronExpressionParser.parse(cron, { tz: zone, currentDate: new Date(afterMs) });
  return it.next().getTime();
}
