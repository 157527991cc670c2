/**
 * better-sqlite3 answers synchronously; the store's ports are async so that PostgreSQL
 * fits behind them too. The SQLite repositories are written against the synchronous
 * shape of each port, and `asAsync` turns one into the port itself.
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};

/**
 * Wraps every method of a synchronous repository so it returns a promise, running the
 * call through `run` (which decides when: at once, or after a transaction in progress).
 * A statement that throws becomes a rejected promise, as a networked database's would.
 */
export function asAsync<T extends object>(repository: Synchronous<T>, run: <R>(call: () => R) => Promise<R>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(repository)) {
    wrapped[name] = typeof member === 'function' ? (...args: unknown[]) => run(() => (member as (...a: unknown[]) => unknown)(...args)) : member;
  }
  return wrapped as T;
}
