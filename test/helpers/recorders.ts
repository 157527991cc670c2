import type { PlatformCallObserver } from '../../adapters/platform-adapter.js';
import type { Logger } from '../../src/index.js';

/** A logger that keeps every line, for assertions on what was logged. No vitest imports: benches use it. */
export class RecordingLogger implements Logger {
  readonly lines: { level: string; fields: object; message: string }[] = [];
  debug(fields: object, message: string): void {
    this.lines.push({ level: 'debug', fields, message });
  }
  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }
  /** The messages logged, optionally at one level only. */
  messages(level?: string): string[] {
    return this.lines.filter((l) => !level || l.level === level).map((l) => l.message);
  }
}

/** An observer that keeps every platform call and retry it is told about. */
export class RecordingObserver implements PlatformCallObserver {
  readonly calls: { method: string; outcome: string }[] = [];
  readonly retries: { method: string; reason: string }[] = [];
  call(_platform: string, method: string, outcome: string): void {
    this.calls.push({ method, outcome });
  }
  retry(_platform: string, method: string, reason: string): void {
    this.retries.push({ method, reason });
  }
}
