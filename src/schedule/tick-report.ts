/** What one tick did, for logs, metrics and tests. */
export interface TickReport {
  closed: number;
  opened: number;
  retried: number;
  missed: number;
  failed: number;
}
