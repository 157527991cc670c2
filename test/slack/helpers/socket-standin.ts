/**
 * Slack's Socket Mode on loopback: apps.connections.open (on the Web API stand-in)
 * hands out a ws:// URL on the same server; the WebSocket says hello, carries envelopes
 * to the app, and collects the app's acks.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WebApiStandIn } from './web-api-standin.js';

export const APP_TOKEN = 'xapp-1-A0MESHBOT-1-test';

export class SocketStandIn {
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private readonly acks = new Map<string, (payload: Record<string, unknown>) => void>();
  private readonly waitingForSocket: ((socket: WebSocket) => void)[] = [];
  /** The Authorization header apps.connections.open was called with. */
  openedWith: string | null = null;

  /** Serves Socket Mode from `standin` (call before the adapter starts). */
  constructor(private readonly standin: WebApiStandIn) {
    standin.handlers.set('apps.connections.open', () => ({ ok: true, url: `ws://127.0.0.1:${standin.port}/socket` }));
    standin.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url !== '/socket') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  /** Sends one envelope and resolves with the app's ack payload (bounded: rejects after 5 s). */
  async send(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const socket = await this.connected();
    const envelopeId = `env-${Math.random().toString(36).slice(2)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelopeId} within 5 s`)), 5_000);
      this.acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, accepts_response_payload: type === 'slash_commands', retry_attempt: 0, retry_reason: '', payload }));
    });
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private connected(): Promise<WebSocket> {
    if (this.socket) return Promise.resolve(this.socket);
    return new Promise((resolve) => this.waitingForSocket.push(resolve));
  }

  private accept(ws: WebSocket): void {
    this.openedWith = this.standin.callsTo('apps.connections.open').at(-1)?.authorization ?? null;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (message.envelope_id) this.acks.get(message.envelope_id)?.(message.payload ?? {});
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'standin' }, connection_info: { app_id: 'A0MESHBOT' } }));
    this.socket = ws;
    for (const resolve of this.waitingForSocket.splice(0)) resolve(ws);
  }
}
