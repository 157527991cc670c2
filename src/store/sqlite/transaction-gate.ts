import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './open-database.js';

/**
 * Async transactions over one synchronous SQLite connection. A transaction's callback
 * awaits between statements, and any other request's statement run meanwhile would land
 * inside it (and be rolled back with it). So while a transaction is open, statements
 * from outside it wait their turn; statements from inside it (its own async context)
 * run at once. With nothing open, statements run at once, as better-sqlite3 does.
 */
export class TransactionGate {
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly context = new AsyncLocalStorage<symbol>();
  private active: symbol | null = null;
  private committed: (() => void)[] = [];
  private readonly begin;
  private readonly commit;
  private readonly rollback;

  constructor(private readonly db: Db) {
    // IMMEDIATE takes the write lock up front: a transaction that reads, then writes,
    // would otherwise fail with SQLITE_BUSY when another process wrote in between.
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /** Runs one statement (or a few, synchronously): now, or after the open transaction. */
  run<R>(call: () => R): Promise<R> {
    if (this.pending === 0 || (this.active !== null && this.context.getStore() === this.active)) {
      try {
        return Promise.resolve(call());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue(async () => call());
  }

  /**
   * Runs `fn` once what the caller just wrote is committed: at once outside a transaction,
   * at COMMIT inside one, never if it rolls back. Caches must not keep rolled-back keys.
   */
  afterCommit(fn: () => void): void {
    if (this.db.inTransaction) this.committed.push(fn);
    else fn();
  }

  /** Runs `fn` inside BEGIN IMMEDIATE ... COMMIT, one transaction at a time; joins one already open in this context. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active !== null && this.context.getStore() === this.active) return fn();
    return this.enqueue(async () => {
      const token = Symbol('transaction');
      this.begin.run();
      this.active = token;
      try {
        const result = await this.context.run(token, fn);
        this.commit.run();
        for (const done of this.committed) done();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.rollback.run();
        throw error;
      } finally {
        this.active = null;
        this.committed = [];
      }
    });
  }

  private enqueue<R>(job: () => Promise<R>): Promise<R> {
    this.pending++;
    const result = this.queue.then(job);
    this.queue = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }
}
