/** Structured logging as the core sees it; pino satisfies this shape. */
export interface Logger {
  /** Detail useful only when debugging. */
  debug(fields: object, message: string): void;
  /** Normal operation worth a line: a round opened, a platform call made. */
  info(fields: object, message: string): void;
  /** Something failed but was handled (a retry, a refused request). */
  warn(fields: object, message: string): void;
  /** Something failed and needs a human. */
  error(fields: object, message: string): void;
}

/** A logger that drops everything: tests and the console's scripted mode. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
