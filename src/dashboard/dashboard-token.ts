import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v3';
import type { Platform } from '../chat-port.js';
import { BotError } from '../errors.js';

/** How long a `/mesh dashboard` link works (docs/design.md: valid 24 hours). */
export const DASHBOARD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Which workspace a dashboard link opens, and until when. */
export interface DashboardScope {
  platform: Platform;
  /** Slack team id or Discord guild id. */
  workspaceId: string;
  /** The link stops working at this instant (epoch milliseconds). */
  expiresMs: number;
}

/** Why a link was refused: no token (401), or a token that is not ours or no longer valid (403). */
export type DashboardTokenFailure = 'dashboard.missing' | 'dashboard.tampered' | 'dashboard.expired';

export type DashboardTokenResult = { ok: true; scope: DashboardScope } | { ok: false; code: DashboardTokenFailure; status: 401 | 403 };

/** The HTTP status for each refusal: a missing token asks for credentials, the others are forbidden. */
export const DASHBOARD_TOKEN_STATUS: Readonly<Record<DashboardTokenFailure, 401 | 403>> = {
  'dashboard.missing': 401,
  'dashboard.tampered': 403,
  'dashboard.expired': 403,
};

const VERSION = 'v1';

const Payload = z.object({
  p: z.enum(['slack', 'discord', 'console']),
  w: z.string().min(1),
  e: z.number().int().nonnegative(),
}).strict();

/**
 * A token for a dashboard link: `v1.<payload>.<signature>`, where the payload is the
 * scope as base64url JSON and the signature is HMAC-SHA256 over `v1.<payload>` with
 * `DASHBOARD_SECRET`. It carries no user id: whoever holds the link sees that workspace,
 * which is why it is only ever sent privately, to an admin, and expires.
 */
export function signDashboardToken(scope: DashboardScope, secret: string): string {
  requireSecret(secret);
  const payload = Buffer.from(JSON.stringify({ p: scope.platform, w: scope.workspaceId, e: scope.expiresMs })).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${sign(signed, secret)}`;
}

/**
 * Checks a token from a request against the secret at `nowMs` (time is always an argument).
 * The signature is compared in constant time before anything in the payload is read.
 */
export function verifyDashboardToken(token: string | null | undefined, secret: string, nowMs: number): DashboardTokenResult {
  requireSecret(secret);
  if (token === null || token === undefined || token === '') return refuse('dashboard.missing');
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('dashboard.tampered');
  const [version, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${version}.${payload}`, secret));
  const given = Buffer.from(signature);
  // Comparing the base64url text, not decoded bytes: Node's decoder ignores stray
  // characters and unused trailing bits, so two spellings could decode alike.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('dashboard.tampered');
  if (version !== VERSION) return refuse('dashboard.tampered');
  const claims = Payload.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!claims.success) return refuse('dashboard.tampered');
  if (nowMs >= claims.data.e) return refuse('dashboard.expired');
  return { ok: true, scope: { platform: claims.data.p, workspaceId: claims.data.w, expiresMs: claims.data.e } };
}

function sign(text: string, secret: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function refuse(code: DashboardTokenFailure): DashboardTokenResult {
  return { ok: false, code, status: DASHBOARD_TOKEN_STATUS[code] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An empty secret would make every link forgeable: a configuration error, not a refusal. */
function requireSecret(secret: string): void {
  if (secret.length === 0) throw new BotError('config.invalid', 'DASHBOARD_SECRET is empty: dashboard links cannot be signed or checked');
}
