/**
 * `POST /discord/interactions`: Discord's Interactions Endpoint. Each request is read
 * (bounded), verified (Ed25519 signature and timestamp) and only then parsed and
 * answered; a request that fails any check gets its status code and nothing of it
 * reaches the core. The answer is the HTTP response; the route resolves once every later
 * call (edits, follow-ups) has been made, so a graceful stop can wait for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import type { KeyObject } from 'node:crypto';
import type { APIInteraction } from 'discord.js';
import { BotError, type Clock, type Logger } from '../../src/index.js';
import { readBody } from '../http/read-body.js';
import type { HttpRoute } from '../http/routes.js';
import type { Acknowledge } from './http-responder.js';
import { verifyRequest } from './verify-request.js';

/** What the route needs besides the answering itself. */
export interface InteractionRouteOptions {
  /** Where the route is served, `/discord/interactions`. */
  path: string;
  /** The application's Ed25519 public key (DISCORD_PUBLIC_KEY). */
  publicKey: KeyObject;
  /** Request timestamps are compared with this clock. */
  clock: Clock;
  /** Where refused requests and failed answers are logged (never their bodies). */
  logger: Logger;
  /** Largest body accepted, in bytes (413 beyond). */
  maxBodyBytes: number;
  /** Largest distance between a request's timestamp and now (401 beyond). */
  maxSkewMs: number;
  /** Answers a verified interaction through `ack`; resolves when every reply is sent. */
  answer(raw: APIInteraction, ack: Acknowledge): Promise<void>;
  /** Called with each request's whole handling, for a graceful stop to wait on. */
  track(work: Promise<void>): void;
}

/** The route, for our own server or Bolt's receiver. */
export function interactionRoute(options: InteractionRouteOptions): HttpRoute {
  return {
    path: options.path,
    method: 'POST',
    handler: (req, res) => {
      const work = handle(req, res, options);
      options.track(work);
      return work;
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: InteractionRouteOptions): Promise<void> {
  const { logger } = options;
  const read = await readBody(req, options.maxBodyBytes);
  if (!read.ok) {
    logger.warn({ reason: read.reason, limit: options.maxBodyBytes }, 'Discord interactions endpoint: request body refused');
    return plain(res, read.reason === 'too_large' ? 413 : 400, read.reason === 'too_large' ? 'request body too large' : 'request body incomplete');
  }
  const headers = { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') };
  const verified = verifyRequest(headers, read.body, options.publicKey, options.clock.now().getTime(), options.maxSkewMs);
  if (!verified.ok) {
    // Discord itself sends badly signed requests when the endpoint URL is saved, to see them refused.
    logger.info({ reason: verified.reason }, 'Discord interactions endpoint: request refused (401)');
    return plain(res, 401, 'invalid request signature');
  }
  const raw = parse(read.body);
  if (!raw) {
    logger.warn({}, 'Discord interactions endpoint: a signed request whose body is not an interaction (400)');
    return plain(res, 400, 'not an interaction');
  }
  const ack = acknowledger(res);
  try {
    await options.answer(raw, ack);
  } catch (error) {
    const who = 'guild_id' in raw ? { guild: raw.guild_id, channel: raw.channel?.id, user: (raw.member?.user ?? raw.user)?.id } : {};
    logger.warn({ err: error, ...who, type: raw.type }, 'answering a Discord interaction failed');
    // Not acknowledged: Discord tells the person it failed (a click was then not recorded either, or is told so on retry).
    if (!res.headersSent) plain(res, 500, 'internal error');
  }
}

/** The interaction's first response, written as the HTTP response; resolves once it is flushed. */
function acknowledger(res: ServerResponse): Acknowledge {
  return async (response) => {
    if (res.headersSent) throw new BotError('internal', 'a Discord interaction was answered twice');
    const body = JSON.stringify(response);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    // Follow-ups are only valid once Discord has the first response: wait until it is on the wire.
    await finished(res);
  };
}

function parse(body: Buffer): APIInteraction | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    const looksRight = typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'number';
    return looksRight ? (value as APIInteraction) : null;
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function plain(res: ServerResponse, status: number, text: string): void {
  // A refused body may still be arriving: close the connection rather than read the rest.
  res.writeHead(status, { 'content-type': 'text/plain', ...(status === 413 || status === 400 ? { connection: 'close' } : {}) });
  res.end(`${text}\n`);
}
