import type { Logger } from './logger.js';

/**
 * Bookkeeping that must not delay a reply (the lookup log, metrics): it runs once the
 * reply has been handed back, and failures are logged, never shown to the person.
 * See docs/design.md, "Replies first".
 */
export interface AfterReply {
  /** Runs `work` after the current reply is on its way. */
  run(name: string, work: () => Promise<unknown> | void): void;
  /**
   * Adds `item` to the named batch, written with `flush(items)` shortly after the batch's
   * first item: out of the way of the replies in between, and one write for many.
   */
  batch<T>(name: string, item: T, flush: (items: T[]) => Promise<unknown>): void;
  /** Writes pending batches now and resolves once every piece of work has finished (shutdown, tests). */
  drain(): Promise<void>;
}

/** How long a batch collects items before it is written. */
export const BATCH_DELAY_MS = 25;

interface Batch {
  items: unknown[];
  flush: (items: unknown[]) => Promise<unknown>;
  timer: NodeJS.Timeout;
}

/** Runs work on the next turn of the event loop, batches a moment later. */
export function afterReplyQueue(logger: Logger, batchDelayMs = BATCH_DELAY_MS): AfterReply {
  const running = new Set<Promise<void>>();
  const batches = new Map<string, Batch>();
  const run = (name: string, work: () => Promise<unknown> | void): void => {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error, work: name }, 'bookkeeping after a reply failed'),
      );
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  const write = (name: string): void => {
    const batch = batches.get(name);
    if (!batch) return;
    batches.delete(name);
    clearTimeout(batch.timer);
    run(name, () => batch.flush(batch.items));
  };
  return {
    run,
    batch<T>(name: string, item: T, flush: (items: T[]) => Promise<unknown>) {
      const open = batches.get(name);
      if (open) {
        open.items.push(item);
        return;
      }
      const timer = setTimeout(() => write(name), batchDelayMs);
      batches.set(name, { items: [item], flush: flush as (items: unknown[]) => Promise<unknown>, timer });
    },
    async drain() {
      for (const name of [...batches.keys()]) write(name);
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
