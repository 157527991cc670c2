/**
 * Requests as Slack sends them: form-encoded bodies signed with the signing secret
 * (`v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>`). No vitest imports: the bench uses it too.
 */
import { createHmac } from 'node:crypto';
import { request, type Agent } from 'node:http';

export const SIGNING_SECRET = 'test-signing-secret-8f742231b10e';

export interface SignedOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Overrides the computed signature (a bad one). */
  signature?: string;
  /** X-Slack-Retry-Num: Slack's retry of an earlier delivery. */
  retryNum?: number;
  agent?: Agent;
  /** The body's type (default form-encoded, as commands and clicks come; events come as JSON). */
  contentType?: string;
}

export interface SlackReply {
  status: number;
  text: string;
}

/** The `X-Slack-Signature` of a body. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/**
 * POSTs `body` to `url` signed like Slack; content type exactly
 * `application/x-www-form-urlencoded` (Bolt answers 400 with a charset).
 */
export function postSigned(url: string, body: string, options: SignedOptions = {}): Promise<SlackReply> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(options.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, ...(options.agent ? { agent: options.agent } : {}), timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 5 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The form body of a slash command, with Slack's fields (overridable). */
export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0TEST',
    team_domain: 'test',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/mesh',
    text: '',
    api_app_id: 'A0MESHBOT',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0TEST/1/abc',
    trigger_id: `${Date.now()}.${Math.random().toString().slice(2, 10)}`,
    ...fields,
  }).toString();
}

/** The form body of an interaction: `payload=<json>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
