/**
 * Work still running after Slack got its ack (answers through response_url, slow
 * commands). The HTTP server only knows about open sockets, so `stop()` waits here for
 * the rest, up to a limit.
 */
export class Inflight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles; failures are the caller's to handle. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = (): void => {
      this.running.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  /** Resolves when everything tracked has settled, or after `timeoutMs`, whichever is first. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }

  /** How much is still running. */
  get size(): number {
    return this.running.size;
  }
}
