import type { Logger } from './logger.js';

/**
 * Bookkeeping that must not delay a reply (the lookup log, metrics): it runs once the
 * reply has been handed back, and failures are logged, never shown to the person.
 * See docs/design.md, "Replies first".
 */
export interface AfterReply {
  /** Runs `work` after the current reply is on its way. */
  run(name: string, work: () => Promise<unknown> | void): void;
  /** Resolves once every piece of work started so far has finished (shutdown, tests). */
  drain(): Promise<void>;
}

/** Runs work on the next turn of the event loop (after the adapter has sent the reply). */
export function afterReplyQueue(logger: Logger): AfterReply {
  const running = new Set<Promise<void>>();
  return {
    run(name, work) {
      const task = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(
          () => undefined,
          (error: unknown) => logger.warn({ err: error, work: name }, 'bookkeeping after a reply failed'),
        );
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
