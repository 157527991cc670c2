/**
 * One Discord stand-in on 127.0.0.1: REST under /api/v10 and the gateway at /gateway on
 * the same port, enough for the real discord.js client to connect, receive interactions
 * and answer them. Used by the end-to-end tests and by `npm run bench`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { GatewayStandin, type StandinGuild } from './gateway-standin.js';
import { RestStandin, type RecordedRequest } from './rest-standin.js';

export type { RecordedRequest } from './rest-standin.js';
export type { StandinGuild } from './gateway-standin.js';

export interface StandinOptions {
  /** Bot tokens the stand-in accepts (REST and IDENTIFY). */
  tokens: string[];
  applicationId: string;
  botUserId?: string;
  guilds: StandinGuild[];
  heartbeatIntervalMs?: number;
  /** The gateway URL handed out by GET /gateway/bot, if not this stand-in's own (e.g. a dead port). */
  gatewayUrl?: string;
}

export interface DiscordStandin {
  rest: RestStandin;
  gateway: GatewayStandin;
  /** The REST base to give discord.js (`rest.api`, DISCORD_API_URL). */
  apiUrl: string;
  port: number;
  /** Dispatches INTERACTION_CREATE and resolves with the interaction's first callback. */
  interact(payload: { id: string; token: string }, options?: { token?: string; timeoutMs?: number }): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** Starts the stand-in on an ephemeral loopback port. */
export async function startDiscordStandin(options: StandinOptions): Promise<DiscordStandin> {
  let port = 0;
  const ownGateway = (): string => `ws://127.0.0.1:${port}/gateway`;
  const gatewayUrl = (): string => options.gatewayUrl ?? ownGateway();
  const botUserId = options.botUserId ?? options.applicationId;
  const rest = new RestStandin({ applicationId: options.applicationId, botUserId, gatewayUrl, tokens: options.tokens });
  const gateway = new GatewayStandin({
    tokens: () => options.tokens,
    applicationId: options.applicationId,
    botUserId,
    guilds: options.guilds,
    resumeUrl: ownGateway,
    ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
  });
  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => gateway.accept(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    rest,
    gateway,
    apiUrl: `http://127.0.0.1:${port}/api`,
    port,
    interact: (payload, o = {}) => {
      const callback = rest.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${payload.id}/`), { after: rest.mark(), timeoutMs: o.timeoutMs ?? 5000 });
      try {
        gateway.dispatch('INTERACTION_CREATE', payload, o.token);
      } catch (error) {
        // No session to send it to: the wait for its callback is moot.
        callback.catch(() => undefined);
        return Promise.reject(error);
      }
      return callback;
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
