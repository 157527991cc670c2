/**
 * Logging in to the gateway with a deadline, and turning every way it can fail into one
 * clear BotError: a refused token, an API or gateway that cannot be reached, a gateway
 * that never becomes ready. Nothing here is left to become an unhandled rejection.
 */
import { once } from 'node:events';
import { DiscordjsErrorCodes, Events, type Client } from 'discord.js';
import { BotError } from '../../src/index.js';
import { statusOf } from './observe-call.js';

/** Discord's REST base; DISCORD_API_URL replaces it (stand-ins, proxies). */
export const DEFAULT_API_URL = 'https://discord.com/api';

/** The REST base as discord.js wants it: no trailing slash, no API version. */
export function restBase(apiUrl: string | undefined): string {
  return (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Logs in and waits for `clientReady` (guilds loaded); rejects with a BotError after `timeoutMs`. */
export async function connect(client: Client, token: string, apiUrl: string, timeoutMs: number): Promise<void> {
  const abort = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: abort.signal });
  // A gateway that closes for good (bad token at IDENTIFY, disallowed intents) never becomes ready.
  const fatal = once(client, Events.ShardDisconnect, { signal: abort.signal }).then(([event]) => {
    throw new Error(`the gateway closed the connection with code ${(event as { code?: number }).code ?? '?'}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ready connection within ${timeoutMs} ms`)), timeoutMs);
  });
  // Every racer gets a handler, so the losers cannot turn into unhandled rejections.
  for (const racer of [ready, fatal, deadline]) racer.catch(() => {});
  try {
    await Promise.race([Promise.all([client.login(token), ready]), fatal, deadline]);
  } catch (error) {
    throw connectError(error, apiUrl, client.ws.gateway);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** The BotError for a failed start, worded for the person reading the log. */
export function connectError(error: unknown, apiUrl: string, gateway: string | null): BotError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === DiscordjsErrorCodes.TokenInvalid || statusOf(error) === 401 || /authentication failed|4004/i.test(message)) {
    return new BotError('chat.auth_failed', 'Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot > Reset Token).', {
      cause: error,
    });
  }
  if (gateway) {
    return new BotError('chat.connect_failed', `Discord gateway ${gateway} did not accept a session: ${message}. Check the network and DISCORD_API_URL.`, { cause: error });
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? message;
  return new BotError('chat.connect_failed', `cannot reach Discord's API at ${apiUrl} (${detail}). Check the network, a proxy, or DISCORD_API_URL.`, { cause: error });
}
