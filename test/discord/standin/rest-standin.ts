/**
 * The REST half of the Discord stand-in: records every call under /api/v10 and answers
 * the routes meshbot and discord.js use, with messages it keeps so edits and clicks
 * can refer to them. Faults (a 429, a 5xx) can be queued for the next matching calls.
 */
import { buffer } from 'node:stream/consumers';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkPng } from '../../helpers/png.js';
import { snowflake } from './snowflake.js';

/** A file uploaded with a message (multipart `files[n]`), checked to be a valid PNG. */
export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
  /** From the PNG's header. */
  width: number;
  height: number;
}

/** One call the stand-in received. */
export interface RecordedRequest {
  method: string;
  /** The path as sent, e.g. `/api/v10/channels/1/messages` (discord.js sends `@original` as `%40original`). */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: any;
  /** Files sent with the request (multipart), each a checked PNG. */
  files: UploadedFile[];
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
}

type Waiter = { predicate: (r: RecordedRequest) => boolean; after: number; resolve: (r: RecordedRequest) => void };

/** What the REST stand-in serves: the bot's token and application, and the gateway URL to hand out. */
export interface RestStandinOptions {
  /** Bot tokens accepted in `Authorization: Bot <token>`. */
  tokens: readonly string[];
  applicationId: string;
  botUserId: string;
  gatewayUrl: () => string;
}

export class RestStandin {
  readonly requests: RecordedRequest[] = [];
  /** Messages by id, as posted and edited (channel messages and interaction webhooks alike). */
  readonly messages = new Map<string, any>();
  /** What GET /applications/@me reports as the Interactions Endpoint URL (null: none set, the gateway gets interactions). */
  interactionsEndpointUrl: string | null = 'https://meshbot.example/discord/interactions';
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly options: RestStandinOptions) {}

  /** Answers the next `times` calls matching method and path with `status` (429 carries retry_after 0.01 s). */
  fail(method: string, path: RegExp, status: number, times = 1): void {
    this.faults.push({ method, path, status, times });
  }

  /** The number of calls so far: pass it as `after` to wait for later calls only. */
  mark(): number {
    return this.requests.length;
  }

  /** Resolves with the first call (from index `after`) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, options: { after?: number; timeoutMs?: number } = {}): Promise<RecordedRequest> {
    const after = options.after ?? 0;
    const found = this.requests.slice(after).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, after, resolve: (r) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`stand-in: no matching REST call within ${options.timeoutMs ?? 5000} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, options.timeoutMs ?? 5000);
      this.waiters.add(waiter);
    });
  }

  /** Calls matching `predicate` so far. */
  filter(predicate: (r: RecordedRequest) => boolean): RecordedRequest[] {
    return this.requests.filter(predicate);
  }

  /** The HTTP handler for everything under /api. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await buffer(req);
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown;
    let files: UploadedFile[] = [];
    if (contentType.startsWith('multipart/form-data')) {
      // How messages with attachments come: payload_json, then files[0], files[1], ...
      let parsed: { body: unknown; files: UploadedFile[] };
      try {
        parsed = await parseMultipart(bytes, contentType);
      } catch (error) {
        return json(res, 400, { message: `Invalid Form Body: ${(error as Error).message}`, code: 50035 });
      }
      body = parsed.body;
      files = parsed.files;
    } else {
      const raw = bytes.toString('utf8');
      body = raw === '' ? null : parseJson(raw);
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      body,
      files,
    };
    this.requests.push(record);
    const fault = this.faults.find((f) => f.times > 0 && f.method === record.method && f.path.test(record.path));
    if (fault) {
      fault.times--;
      this.notify(record);
      if (fault.status === 429) {
        return json(res, 429, { message: 'You are being rate limited.', retry_after: 0.01, global: false }, { 'retry-after': '0.01', 'x-ratelimit-scope': 'user' });
      }
      return json(res, fault.status, { message: 'stand-in fault', code: 0 });
    }
    this.route(record, res);
    this.notify(record);
  }

  private notify(record: RecordedRequest): void {
    const index = this.requests.indexOf(record);
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.after && waiter.predicate(record)) {
        this.waiters.delete(waiter);
        waiter.resolve(record);
      }
    }
  }

  private route(r: RecordedRequest, res: ServerResponse): void {
    const p = r.path.replace(/^\/api\/v10/, '');
    const botAuth = this.options.tokens.some((t) => r.authorization === `Bot ${t}`);
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && p === '/gateway/bot') {
      if (!botAuth) return json(res, 401, { message: '401: Unauthorized', code: 0 });
      return json(res, 200, { url: this.options.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
      // discord.js treats any content-type on this 204 as a body to parse and fails.
      res.writeHead(204);
      res.end();
      return;
    }
    if (!botAuth && !p.startsWith('/webhooks/')) return json(res, 401, { message: '401: Unauthorized', code: 0 });
    if (r.method === 'GET' && p === '/applications/@me') {
      return json(res, 200, { id: this.options.applicationId, name: 'meshbot', description: '', bot_public: true, bot_require_code_grant: false, verify_key: '', flags: 0, interactions_endpoint_url: this.interactionsEndpointUrl });
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/.exec(p)) && r.method === 'PUT') {
      if (m[1] !== this.options.applicationId) return json(res, 404, { message: 'Unknown Application', code: 10002 });
      return json(res, 200, (r.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: m![1], version: snowflake() })));
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(p)) && r.method === 'POST') return json(res, 200, this.save(m[1]!, r.body, null, r.files));
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(p)) && r.method === 'PATCH') return json(res, 200, this.save(m[1]!, r.body, m[2]!));
    if ((m = /^\/webhooks\/\d+\/[^/]+$/.exec(p)) && r.method === 'POST') return json(res, 200, this.save('0', r.body, null, r.files));
    if ((m = /^\/webhooks\/\d+\/[^/]+\/messages\/([^/]+)$/.exec(p))) {
      if (r.method === 'DELETE') {
        res.writeHead(204);
        res.end();
        return;
      }
      return json(res, 200, this.save('0', r.body ?? {}, decodeURIComponent(m[1]!) === '@original' ? null : m[1]!));
    }
    if ((m = /^\/channels\/(\d+)$/.exec(p)) && r.method === 'GET') return json(res, 200, { id: m[1], type: 0, name: 'standin', guild_id: null, position: 0, permission_overwrites: [] });
    json(res, 404, { message: `stand-in: no route for ${r.method} ${p}`, code: 0 });
  }

  /** Stores a posted or edited message and returns it as Discord would. */
  private save(channelId: string, body: any, messageId: string | null, files: UploadedFile[] = []): any {
    const previous = messageId ? this.messages.get(messageId) : undefined;
    const message = {
      ...(previous ?? {}),
      ...messageShape(messageId ?? snowflake(), previous?.channel_id ?? channelId, this.options.botUserId),
      ...(previous ? { embeds: previous.embeds, components: previous.components } : {}),
      ...pick(body ?? {}, ['content', 'embeds', 'components', 'flags', 'message_reference']),
      ...(previous ? { edited_timestamp: new Date().toISOString() } : {}),
      ...(files.length > 0
        ? { attachments: files.map((f, i) => ({ id: snowflake(), filename: f.name, description: body?.attachments?.[i]?.description, content_type: f.contentType, size: f.data.length, width: f.width, height: f.height, url: `https://cdn.standin/${f.name}` })) }
        : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }
}

/** A message object with the fields discord.js reads. */
export function messageShape(id: string, channelId: string, authorId: string): any {
  return {
    id,
    channel_id: channelId,
    author: { id: authorId, username: 'meshbot', discriminator: '0', global_name: null, avatar: null, bot: true },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/**
 * A multipart body as Discord reads one: `payload_json` is the message, `files[n]` its
 * attachments. Each file must be a whole, valid PNG (the stand-in's check that what the
 * bot uploads is a real picture), and each `attachments[]` entry must match a file.
 */
async function parseMultipart(bytes: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const body = typeof payload === 'string' ? JSON.parse(payload) : {};
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (!/^files\[\d+\]$/.test(field) || typeof value === 'string') continue;
    const data = Buffer.from(await value.arrayBuffer());
    files.push({ field, name: value.name, contentType: value.type, data, ...checkPng(data) });
  }
  // An attachment entry points at its file by id; a filename, when given, must agree (discord.js sends none).
  for (const [i, a] of ((body as { attachments?: { id: number | string; filename?: string }[] }).attachments ?? []).entries()) {
    const file = files.find((f) => f.field === `files[${a.id}]`);
    if (!file || (a.filename !== undefined && file.name !== a.filename)) throw new Error(`attachments[${i}] names files[${a.id}] ${a.filename ?? ''}, which was not sent`);
  }
  return { body, files };
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
