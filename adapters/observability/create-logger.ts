import { Transform, type Writable } from 'node:stream';
import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';
import type { Logger } from '../../src/index.js';

/** Field paths that never reach the log, whatever object they are logged in. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'authorization',
  'password',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.authorization',
  '*.password',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level: string;
  /** Human-readable lines (a terminal) instead of JSON lines (production). */
  pretty: boolean;
  /** Where lines go (default stdout). */
  destination?: Writable;
  /** Secret values to blank out anywhere they appear, even inside error messages. */
  secrets?: string[];
}

export type AppLogger = Logger & { child(bindings: object): AppLogger; flush(): void };

/**
 * Structured logs with pino. Secrets are removed twice: known field paths are redacted,
 * and every output line is scrubbed of the configured secret values and of any
 * `token=...` URL parameter (a dashboard link), so a token quoted inside a library's
 * error message or a logged URL cannot leak either.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  const target = options.destination ?? process.stdout;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const scrubbed = scrubStream(target, secrets);
  // pino-pretty only for a terminal: production (JSON lines) never loads it.
  const stream = options.pretty ? (createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty)({ destination: scrubbed, colorize: false, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : scrubbed;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'meshbot' },
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  ) as unknown as AppLogger;
}

/**
 * A `token=` query parameter's value (dashboard links carry their signed token so; so do
 * some platform URLs), up to the next delimiter of a URL or of a JSON string.
 */
const TOKEN_PARAMETER = /(token=)[^&\s"'#\\]+/gi;

function scrubStream(target: Writable, secrets: string[]): Writable {
  const scrub = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      let text = chunk.toString();
      for (const secret of secrets) text = text.split(secret).join('[redacted]');
      if (text.includes('oken=') || text.includes('OKEN=')) text = text.replace(TOKEN_PARAMETER, '$1[redacted]');
      done(null, text);
    },
  });
  scrub.pipe(target);
  return scrub;
}
