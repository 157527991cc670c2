/**
 * Fails the test file if anything rejects unhandled: the real Slack libraries turn some
 * mistakes into unhandled rejections instead of errors, and those must not pass silently.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export function failOnUnhandledRejection(): void {
  const seen: unknown[] = [];
  const record = (reason: unknown): void => {
    seen.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    expect(seen.splice(0), 'unhandled rejections').toEqual([]);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
  });
}
