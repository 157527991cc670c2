/**
 * Unexpected failures carry a stable code and the underlying cause, so the top-level
 * handler can always log a code. Expected failures are values (see each use case's
 * result type), never exceptions.
 */
export type BotErrorCode =
  | 'bank.invalid'
  | 'bank.io'
  | 'config.invalid'
  | 'store.failed'
  | 'store.migration_failed'
  | 'chat.post_failed'
  | 'chat.update_failed'
  /** A platform (Slack or Discord) refused the bot's credentials: a wrong or revoked token. */
  | 'chat.auth_failed'
  /** A platform's API, gateway or socket could not be reached, or never became ready, at start-up. */
  | 'chat.connect_failed'
  /** Registering the slash commands with the platform failed. */
  | 'chat.register_failed'
  | 'internal';

export class BotError extends Error {
  readonly code: BotErrorCode;

  constructor(code: BotErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
  }
}

/** Wraps anything thrown into a BotError so callers can rely on `code`. */
export function asBotError(error: unknown, fallback: BotErrorCode = 'internal'): BotError {
  if (error instanceof BotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BotError(fallback, message, { cause: error });
}
