import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type CustomRoute } from '@slack/bolt';
import { BotError, type ChatPort, type Logger, type SlackConfig } from '../../src/index.js';
import type { HttpRoute } from '../http/routes.js';
import { noObserver, type BotHandle, type PlatformAdapter, type PlatformCallObserver } from '../platform-adapter.js';
import { SlackPeople } from './admin-check.js';
import { boltLogger } from './bolt-logger.js';
import { Inflight } from './inflight.js';
import type { RetryPolicy } from './retry-policy.js';
import { SlackCalls, type ApiClient, type CallTiming } from './slack-calls.js';
import { createSlackChat } from './slack-chat.js';
import { registerListeners } from './slack-listeners.js';
import { connectSocketMode, type SocketConnection } from './socket-connection.js';
import { verifyBotToken } from './verify-token.js';

/** Options of `createSlackAdapter`: config and the core first, then knobs with production defaults. */
export interface SlackAdapterOptions {
  config: SlackConfig;
  /** The core, once it exists (it needs this adapter's ChatPort first). */
  bot: BotHandle;
  logger: Logger;
  /** ADMIN_USER_IDS: may run admin commands whatever Slack says. */
  adminUserIds: readonly string[];
  /** HTTP mode: the port of `/slack/events` and of `routes` (PORT; 0 picks a free one). */
  port: number;
  /** HTTP mode: the interface to listen on (default: all, as Slack must reach it; tests use 127.0.0.1). */
  host?: string;
  /** HTTP mode: extra routes (health, metrics, Discord interactions) served on the same port; read at start(). */
  routes?: readonly HttpRoute[];
  /** Where each Web API call and retry is reported (metrics). */
  observer?: PlatformCallObserver;
  /** Retries of Web API calls (default: 4 tries within 30 s); tests shorten it. */
  retry?: Partial<RetryPolicy>;
  /** Clock, waits and jitter of retries; tests replace them. */
  timing?: Partial<CallTiming>;
  /** One Web API request gives up after this long (default 10 s). */
  requestTimeoutMs?: number;
  /** A slash command not answered by then is acked empty and answered later (default 2.5 s; Slack allows 3). */
  ackDeadlineMs?: number;
  /** Socket Mode: how long `start()` waits for the connection (default 30 s). */
  connectTimeoutMs?: number;
  /** How long `stop()` waits for work in flight (default 10 s). */
  drainTimeoutMs?: number;
  /** Level of Bolt's own log lines (default info). */
  boltLogLevel?: LogLevel;
}

/** The Slack adapter: the common adapter shape plus what main.ts needs to wire HTTP. */
export interface SlackAdapter extends PlatformAdapter {
  /** `http`: Bolt serves `/slack/events` (and the routes) on `port`; `socket`: a WebSocket to Slack, no listener. */
  readonly mode: 'http' | 'socket';
  /** Whether this adapter serves the extra routes itself (HTTP mode); otherwise main.ts serves them. */
  readonly servesRoutes: boolean;
  /** The port Bolt listens on once started in HTTP mode; null otherwise. */
  listeningPort(): number | null;
}

/**
 * Creates the Slack adapter from its config: HTTP mode with the signing secret, or
 * Socket Mode when an app-level token is set. Nothing connects until `start()`, which
 * first verifies the bot token with auth.test.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, logger } = options;
  const mode = config.appToken ? 'socket' : 'http';
  const observer = options.observer ?? noObserver;
  const apiUrl = withTrailingSlash(config.apiUrl ?? 'https://slack.com/api/');
  const boltLog = boltLogger(logger, options.boltLogLevel ?? LogLevel.INFO);
  // One retry policy for every call: the WebClient itself neither retries nor waits out 429s.
  const clientOptions = {
    slackApiUrl: apiUrl,
    logger: boltLog,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.requestTimeoutMs ?? 10_000,
  };
  // The Socket Mode client keeps its own retries for apps.connections.open: they carry it
  // through an outage when reconnecting (with none, a failed reconnect rejects unhandled).
  const socketClientOptions = { slackApiUrl: apiUrl, logger: boltLog, timeout: clientOptions.timeout };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const calls = new SlackCalls(client as unknown as ApiClient, {
    observer,
    logger,
    ...(options.retry ? { policy: options.retry } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
  });
  const now = (): number => performance.now();
  const upload = { observer, timeoutMs: options.requestTimeoutMs ?? 10_000, now };
  const chat: ChatPort = createSlackChat(calls, upload);
  const people = new SlackPeople({ calls, adminUserIds: options.adminUserIds, logger });
  const inflight = new Inflight();

  let app: App | null = null;
  let server: Server | null = null;
  let socket: SocketConnection | null = null;

  const start = async (): Promise<void> => {
    if (app || calls.closed) throw new BotError('internal', 'the Slack adapter can be started once');
    const identity = await verifyBotToken(calls, apiUrl);
    logger.info({ team: identity.team, teamId: identity.teamId, botUserId: identity.botUserId, mode }, 'Slack token verified');
    const receiver =
      mode === 'socket'
        ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger: boltLog, installerOptions: { clientOptions: socketClientOptions } })
        : new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: '/slack/events', logger: boltLog, customRoutes: (options.routes ?? []).map((r) => customRoute(r, logger)) });
    // botId and botUserId from our own auth.test: Bolt then skips its unguarded one.
    const created = new App({ receiver, token: config.botToken, botId: identity.botId, botUserId: identity.botUserId, clientOptions, logger: boltLog, convoStore: false });
    created.error(async (error) => {
      logger.error({ err: error, code: (error as { code?: unknown }).code }, 'Bolt reported an error');
    });
    registerListeners(created, { bot: options.bot, people, logger, observer, inflight, ackDeadlineMs: options.ackDeadlineMs ?? 2_500, now, calls, upload: { calls, ...upload } });
    try {
      if (receiver instanceof SocketModeReceiver) {
        socket = await connectSocketMode(created, receiver, { logger, timeoutMs: options.connectTimeoutMs ?? 30_000 });
      } else {
        server = await listen(created, options.port, options.host);
        logger.info({ port: listeningPortOf(server), path: '/slack/events' }, 'Slack HTTP mode: listening');
      }
    } catch (error) {
      calls.close();
      throw error;
    }
    app = created;
  };

  const stop = async (): Promise<void> => {
    const running = app;
    if (!running) return;
    app = null;
    const drainMs = options.drainTimeoutMs ?? 10_000;
    // Stop taking requests (those in flight finish), and let answers still going out through
    // response_url finish too; past the limit, connections are cut.
    const closing = running.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping Bolt failed'));
    let forced: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      forced = setTimeout(() => {
        server?.closeAllConnections();
        resolve();
      }, drainMs);
    });
    await Promise.race([Promise.all([closing, inflight.drain(drainMs)]), limit]);
    clearTimeout(forced);
    // Then stop retries still waiting (a round post mid-backoff rejects; the core retries it after a restart).
    calls.close();
    server = null;
    socket = null;
  };

  return {
    platform: 'slack',
    chat,
    mode,
    servesRoutes: mode === 'http',
    start,
    stop,
    isConnected: () => (socket ? socket.isConnected() : server?.listening === true),
    listeningPort: () => (server ? listeningPortOf(server) : null),
  };
}

/** Starts Bolt's HTTP receiver; a port in use becomes a BotError naming PORT. */
async function listen(app: App, port: number, host: string | undefined): Promise<Server> {
  try {
    return (await app.start(host === undefined ? { port } : { port, host })) as Server;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : String((error as Error).message ?? error);
    throw new BotError('config.invalid', `Slack HTTP mode cannot listen on port ${port}: ${why} (set PORT to a free port)`, { cause: error });
  }
}

/** A route as Bolt's receiver wants it; a failing handler answers 500 instead of crashing the request. */
function customRoute(route: HttpRoute, logger: Logger): CustomRoute {
  return {
    // Bolt matches with path-to-regexp: `{/*rest}` takes every path under a prefix route.
    path: route.prefix ? `${route.path}{/*rest}` : route.path,
    method: route.method,
    handler: (req, res) => {
      Promise.resolve()
        .then(() => route.handler(req, res))
        .catch((error: unknown) => {
          logger.error({ err: error, path: route.path }, 'HTTP route failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          if (!res.writableEnded) res.end('internal error\n');
        });
    },
  };
}

function listeningPortOf(server: Server): number | null {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : null;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
