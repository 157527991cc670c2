/** What one tick did, for logs, metrics and tests. */
export interface TickReport {
  closed: number;
  opened: number;
  retried: number;
  missed: number;
  failed: number;
  /** Weekly digests: posted (late ones too), missed, failed posts (retried at the next tick). */
  digests?: { posted: number; missed: number; failed: number };
}
