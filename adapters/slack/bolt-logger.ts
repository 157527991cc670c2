import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt, its WebClient and its Socket Mode client log through our logger, so their lines
 * land in the same structured log (tagged `lib: slack`) instead of on stdout. Below
 * `level` nothing is formatted, which keeps Bolt's debug chatter off the hot path.
 */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'slack';
  const enabled = (l: LogLevel): boolean => ORDER.indexOf(l) >= ORDER.indexOf(current);
  const text = (parts: unknown[]): string => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p))).join(' ');
  return {
    debug: (...msg: unknown[]) => {
      if (enabled(LogLevel.DEBUG)) logger.debug({ lib: name }, text(msg));
    },
    info: (...msg: unknown[]) => {
      if (enabled(LogLevel.INFO)) logger.info({ lib: name }, text(msg));
    },
    warn: (...msg: unknown[]) => {
      if (enabled(LogLevel.WARN)) logger.warn({ lib: name }, text(msg));
    },
    error: (...msg: unknown[]) => {
      if (enabled(LogLevel.ERROR)) logger.error({ lib: name }, text(msg));
    },
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
