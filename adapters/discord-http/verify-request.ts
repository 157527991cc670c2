/**
 * Checks that a request to the interactions endpoint comes from Discord: an Ed25519
 * signature over `X-Signature-Timestamp + raw body`, made with the application's key,
 * and a timestamp close to now. Discord refuses an endpoint that accepts a bad
 * signature (it tests that when the URL is saved), and anyone can reach a public URL.
 * Outcomes are coded values: every failure is an expected one, answered with 401.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { BotError } from '../../src/index.js';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** How far a request's timestamp may be from now before it counts as a replay (either way). */
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

/** The two headers Discord signs a request with. */
export interface SignedHeaders {
  /** X-Signature-Ed25519: 64 bytes, hex. */
  signature: string | undefined;
  /** X-Signature-Timestamp: Unix seconds, as a decimal string. */
  timestamp: string | undefined;
}

/** Why a request was refused. */
export type RefusalReason = 'missing_signature' | 'malformed_signature' | 'bad_signature' | 'stale_timestamp';

export type VerifyOutcome = { ok: true } | { ok: false; reason: RefusalReason };

/** The application's public key (DISCORD_PUBLIC_KEY, 64 hex characters) as a KeyObject. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new BotError('config.invalid', 'DISCORD_PUBLIC_KEY must be the 64 hex characters of Public Key (Developer Portal > General Information)');
  }
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  } catch (error) {
    throw new BotError('config.invalid', 'DISCORD_PUBLIC_KEY is not an Ed25519 public key: copy Public Key again from the Developer Portal (General Information)', { cause: error });
  }
}

/**
 * Verifies one request. The signature is checked before the timestamp, so `stale_timestamp`
 * means a request Discord really signed, but long ago or far ahead: a replay, or this
 * server's clock is off.
 */
export function verifyRequest(headers: SignedHeaders, body: Buffer, key: KeyObject, nowMs: number, maxSkewMs = DEFAULT_MAX_SKEW_MS): VerifyOutcome {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, reason: 'missing_signature' };
  // Buffer.from(hex) silently drops what is not hex: check the shape first.
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed_signature' };
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, message, key, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > maxSkewMs) return { ok: false, reason: 'stale_timestamp' };
  return { ok: true };
}
