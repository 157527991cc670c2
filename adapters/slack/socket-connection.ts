import type { App, SocketModeReceiver } from '@slack/bolt';
import { BotError, type Logger } from '../../src/index.js';
import { classifyFailure } from './retry-policy.js';

/** A live Socket Mode connection, as the adapter's readiness sees it. */
export interface SocketConnection {
  /** Whether the WebSocket is up right now (false while the client reconnects). */
  isConnected(): boolean;
}

/** apps.connections.open answers that mean the app-level token is wrong. */
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type', 'missing_scope']);

/**
 * Opens the Socket Mode connection (apps.connections.open, then the WebSocket and
 * Slack's hello) within `timeoutMs`. On failure the client is shut down, so no
 * reconnect loop outlives start-up, and the error says what to fix.
 */
export async function connectSocketMode(app: App, receiver: SocketModeReceiver, options: { logger: Logger; timeoutMs: number }): Promise<SocketConnection> {
  const { logger } = options;
  const client = receiver.client;
  let connected = false;
  client.on('connected', () => {
    connected = true;
    logger.info({}, 'Slack Socket Mode: connected');
  });
  client.on('reconnecting', () => {
    connected = false;
    logger.warn({}, 'Slack Socket Mode: connection lost, reconnecting');
  });
  client.on('disconnected', () => {
    connected = false;
  });

  const starting = Promise.resolve(app.start());
  // If the timeout wins, the start still settles later: that outcome is already reported.
  starting.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BotError('chat.connect_failed', `Slack Socket Mode did not connect within ${Math.round(options.timeoutMs / 1000)} s: check the network and SLACK_API_URL`)), options.timeoutMs);
  });
  try {
    await Promise.race([starting, timeout]);
    return { isConnected: () => connected };
  } catch (error) {
    await Promise.race([client.disconnect().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    if (error instanceof BotError) throw error;
    const { reason } = classifyFailure(error);
    if (AUTH_ERRORS.has(reason)) {
      throw new BotError('chat.auth_failed', `Slack rejected SLACK_APP_TOKEN (${reason}): create an app-level token with the connections:write scope under "Basic Information > App-Level Tokens"`, { cause: error });
    }
    throw new BotError('chat.connect_failed', `Slack Socket Mode could not connect: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
