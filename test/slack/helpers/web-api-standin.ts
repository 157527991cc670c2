/**
 * A Slack Web API stand-in on 127.0.0.1: records every call (`POST /api/<method>`) and
 * every response_url post (`POST /response/<id>`), answers like Slack, and can be told
 * to answer the next call of a method differently (a 429, an error). No vitest imports:
 * the bench uses it too.
 */
import { text } from 'node:stream/consumers';
import { EventEmitter } from 'node:events';
import { buffer } from 'node:stream/consumers';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPng } from '../../helpers/png.js';
import { blockKitProblems, homeViewProblems } from './block-kit-rules.js';

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
  /** Answer as usual (after `hold`), instead of with `body`. */
  usual?: boolean;
}

export interface StandInUser {
  id: string;
  name: string;
  displayName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

/** A file shared by files.completeUploadExternal, once its bytes were uploaded and checked. */
export interface SharedFile {
  id: string;
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
  /** The PNG's size, from its header (checked to be a whole, valid PNG). */
  width: number;
  height: number;
  /** Where it was shared: channel_id (with thread_ts), or channels (ids, or user ids for direct messages). */
  channelId: string | null;
  channels: string | null;
  threadTs: string | null;
  initialComment: string | null;
}

/** A file slot handed out by files.getUploadURLExternal, and the bytes that came for it. */
interface UploadSlot {
  filename: string;
  length: number;
  altText: string;
  bytes: Buffer | null;
}

const WAIT_LIMIT_MS = 10_000;

export class WebApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly users = new Map<string, StandInUser>();
  /** Files shared, in order: each checked to be the declared number of bytes of a valid PNG. */
  readonly files: SharedFile[] = [];
  /** Home views published, per user, in order. */
  readonly views: { userId: string; view: Record<string, unknown> }[] = [];
  private readonly slots = new Map<string, UploadSlot>();
  private nextFile = 1;
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

  /** Resolves once `count` files were shared (bounded). */
  waitForFiles(count = 1): Promise<SharedFile[]> {
    return this.waitFor(() => (this.files.length >= count ? this.files : null), `${count} shared file(s)`);
  }

  /** Resolves once `count` Home views were published (bounded). */
  waitForViews(count = 1): Promise<{ userId: string; view: Record<string, unknown> }[]> {
    return this.waitFor(() => (this.views.length >= count ? this.views : null), `${count} published view(s)`);
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
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const upload = /^\/upload\/(F\w+)$/.exec(url.pathname);
    if (req.method === 'POST' && upload) {
      // The URL files.getUploadURLExternal gave: the raw bytes of one file.
      const slot = this.slots.get(upload[1]!);
      const bytes = await buffer(req);
      if (!slot) return send(res, 404, 'no such upload', 'text/plain');
      slot.bytes = bytes;
      this.events.emit('record');
      return send(res, 200, `OK - ${bytes.length}`, 'text/plain');
    }
    const raw = await text(req);
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
    call.reply = scripted && !scripted.usual ? (scripted.body ?? { ok: true }) : this.answer(method, params);
    this.events.emit('record');
    if (scripted?.hold) await scripted.hold;
    for (const [name, value] of Object.entries(scripted?.headers ?? {})) res.setHeader(name, value);
    return send(res, scripted?.status ?? 200, JSON.stringify(call.reply), 'application/json');
  }

  /**
   * Shares uploaded files, as Slack does once every file's bytes arrived: here each must
   * also be exactly its declared length and a whole, valid PNG, or the call fails.
   */
  private complete(params: Record<string, unknown>): Record<string, unknown> {
    const listed = (typeof params['files'] === 'string' ? JSON.parse(params['files']) : params['files']) as { id: string; title?: string }[];
    const shared: SharedFile[] = [];
    for (const file of listed ?? []) {
      const slot = this.slots.get(file.id);
      if (!slot?.bytes) return { ok: false, error: 'file_not_found' };
      if (slot.bytes.length !== slot.length) return { ok: false, error: 'file_upload_size_mismatch' };
      let size: { width: number; height: number };
      try {
        size = checkPng(slot.bytes);
      } catch (error) {
        return { ok: false, error: 'invalid_png', detail: (error as Error).message };
      }
      shared.push({
        id: file.id,
        filename: slot.filename,
        title: file.title ?? '',
        altText: slot.altText,
        png: slot.bytes,
        ...size,
        channelId: typeof params['channel_id'] === 'string' ? params['channel_id'] : null,
        channels: typeof params['channels'] === 'string' ? params['channels'] : null,
        threadTs: typeof params['thread_ts'] === 'string' ? params['thread_ts'] : null,
        initialComment: typeof params['initial_comment'] === 'string' ? params['initial_comment'] : null,
      });
    }
    if (shared.length === 0) return { ok: false, error: 'invalid_arguments' };
    this.files.push(...shared);
    // Sharing finishes asynchronously at Slack: the answer names the files, not yet the message.
    return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title })) };
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const extra = this.handlers.get(method);
    if (extra) return extra(params);
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: this.team.name, team_id: this.team.id, user: 'meshbot', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const problems = params['blocks'] === undefined ? [] : blockKitProblems(params['blocks'], 'message');
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } };
        return { ok: true, channel: params['channel'], ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}`, message: { text: params['text'] } };
      }
      case 'chat.update':
        return { ok: true, channel: params['channel'], ts: params['ts'], text: params['text'] };
      case 'files.getUploadURLExternal': {
        const id = `F${String(this.nextFile++).padStart(8, '0')}`;
        this.slots.set(id, { filename: String(params['filename'] ?? ''), length: Number(params['length']), altText: String(params['alt_text'] ?? ''), bytes: null });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return this.complete(params);
      case 'views.publish': {
        const problems = homeViewProblems(params['view']);
        if (problems.length > 0) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
        const view = (typeof params['view'] === 'string' ? JSON.parse(params['view']) : params['view']) as Record<string, unknown>;
        this.views.push({ userId: String(params['user_id']), view });
        return { ok: true, view: { id: `V${this.views.length}`, ...view } };
      }
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
