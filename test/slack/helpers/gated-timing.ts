/**
 * Retry timing the test controls: a virtual clock, waits that are recorded and only end
 * when the test releases them, and fixed jitter. Lets a test see "waited 7 s, then
 * retried" without sitting through 7 s or asserting on wall-clock time.
 */
import type { CallTiming } from '../../../adapters/slack/slack-calls.js';

export class GatedTiming implements CallTiming {
  virtualMs = 0;
  readonly sleeps: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly sleepListeners: ((ms: number) => void)[] = [];

  now = (): number => this.virtualMs;

  random = (): number => 0.5;

  sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    for (const listener of this.sleepListeners.splice(0)) listener(ms);
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.waiting.push(() => {
        this.virtualMs += ms;
        resolve();
      });
    });
  };

  /** Resolves with the length of the next wait the code asks for (or the last one, if already asked). */
  nextSleep(): Promise<number> {
    if (this.waiting.length > 0) return Promise.resolve(this.sleeps.at(-1)!);
    return new Promise((resolve) => this.sleepListeners.push(resolve));
  }

  /** Ends every wait in progress, moving the virtual clock past it. */
  release(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/** Timing whose waits end at once (moving a virtual clock): retries without the wait. */
export function instantTiming(): CallTiming {
  let now = 0;
  return {
    now: () => now,
    random: () => 0.5,
    sleep: async (ms) => {
      now += ms;
    },
  };
}
