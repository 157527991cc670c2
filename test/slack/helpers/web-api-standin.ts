/**
 * A Slack Web API stand-in on 127.0.0.1: records every call (`POST /api/<method>`) and
 * every response_url post (`POST /response/<id>`), answers like Slack, and can be told
 * to answer the next call of a method differently (a 429, an error). No vitest imports:
 * the bench uses it too.
 */
import { text } from 'node:stream/consumers';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | null;
  /** What the stand-in answered (the usual answer; scripted ones too). */
  reply?: Record<string, unknown>;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
  /** The answer waits for this (a slow Slack), after the call is recorded. */
  hold?: Promise<void>;
}

export interface StandInUser {
  id: string;
  name: string;
  displayName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

const WAIT_LIMIT_MS = 5_000;

export class WebApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly users = new Map<string, StandInUser>();
  /** What auth.test says (tests make it fail by scripting an answer instead). */
  team = { id: 'T0TEST', name: 'Test Workspace' };
  private readonly scripted = new Map<string, ScriptedAnswer[]>();
  private readonly events = new EventEmitter();
  private nextTs = 1;
  /** Extra routes (e.g. the Socket Mode stand-in's apps.connections.open). */
  readonly handlers = new Map<string, (params: Record<string, unknown>) => Record<string, unknown>>();
  readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The Web API base to give the adapter (SLACK_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url whose posts this stand-in records under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next call of `method` gets `answer` instead of the usual one (queued, in order). */
  script(method: string, answer: ScriptedAnswer): void {
    const queue = this.scripted.get(method) ?? [];
    queue.push(answer);
    this.scripted.set(method, queue);
  }

  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` were recorded (bounded: rejects after 5 s). */
  waitForCalls(method: string, count = 1): Promise<RecordedCall[]> {
    return this.waitFor(() => (this.callsTo(method).length >= count ? this.callsTo(method) : null), `${count} call(s) to ${method}`);
  }

  /** Resolves once `count` posts to response_url `id` were recorded (bounded: rejects after 5 s). */
  waitForResponses(id: string, count = 1): Promise<RecordedResponse[]> {
    const of = (): RecordedResponse[] => this.responses.filter((r) => r.id === id);
    return this.waitFor(() => (of().length >= count ? of() : null), `${count} response(s) at ${id}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(check: () => T | null, what: string): Promise<T> {
    const now = check();
    if (now !== null) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onRecord = (): void => {
        const value = check();
        if (value === null) return;
        clearTimeout(timer);
        this.events.off('record', onRecord);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.events.off('record', onRecord);
        reject(new Error(`stand-in: gave up waiting for ${what}; recorded ${this.calls.map((c) => c.method).join(', ') || 'no calls'}`));
      }, WAIT_LIMIT_MS);
      this.events.on('record', onRecord);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await text(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const response = /^\/response\/(.+)$/.exec(url.pathname);
    if (req.method === 'POST' && response) {
      this.responses.push({ id: decodeURIComponent(response[1]!), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      this.events.emit('record');
      return send(res, 200, 'ok', 'text/plain');
    }
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (req.method !== 'POST' || !api) return send(res, 404, 'not found', 'text/plain');
    const method = api[1]!;
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    const call: RecordedCall = { method, params, authorization: req.headers.authorization ?? null };
    this.calls.push(call);
    const scripted = this.scripted.get(method)?.shift();
    call.reply = scripted ? (scripted.body ?? { ok: true }) : this.answer(method, params);
    this.events.emit('record');
    if (scripted?.hold) await scripted.hold;
    for (const [name, value] of Object.entries(scripted?.headers ?? {})) res.setHeader(name, value);
    return send(res, scripted?.status ?? 200, JSON.stringify(call.reply), 'application/json');
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const extra = this.handlers.get(method);
    if (extra) return extra(params);
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: this.team.name, team_id: this.team.id, user: 'meshbot', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        return { ok: true, channel: params['channel'], ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}`, message: { text: params['text'] } };
      case 'chat.update':
        return { ok: true, channel: params['channel'], ts: params['ts'], text: params['text'] };
      case 'users.info': {
        const user = this.users.get(String(params['user']));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: user.id, name: user.name, real_name: user.name, is_admin: user.isAdmin ?? false, is_owner: user.isOwner ?? false, profile: { display_name: user.displayName ?? '' } },
        };
      }
      default:
        return { ok: true };
    }
  }
}

/** Form fields as Slack's WebClient sends them: objects (blocks) arrive JSON-encoded. */
function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}
