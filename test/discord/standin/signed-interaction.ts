/**
 * Requests as Discord sends them to an Interactions Endpoint: the interaction's JSON,
 * signed with the application's Ed25519 key (`X-Signature-Ed25519`: hex signature of
 * `X-Signature-Timestamp` + body). The key pair is made here with node:crypto; the bot
 * gets only the public half, as DISCORD_PUBLIC_KEY. No vitest imports: benches use it.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request, type Agent } from 'node:http';

/** An application's key pair: the private half signs, the hex public half configures the bot. */
export interface SigningKeys {
  privateKey: KeyObject;
  /** The raw 32-byte public key, hex, as the Developer Portal shows it. */
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair. */
export function signingKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // The SPKI DER of an Ed25519 key is a 12-byte prefix and the 32 raw bytes.
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  return { privateKey, publicKeyHex };
}

/** The two signature headers for `body` at `timestamp` (Unix seconds). */
export function signatureHeaders(privateKey: KeyObject, body: string, timestamp: number): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': String(timestamp) };
}

/** Discord's answer as received: status and parsed JSON (null for a non-JSON body). */
export interface EndpointReply {
  status: number;
  text: string;
  json: any;
}

/** POSTs `body` as JSON with `headers`; resolves with the reply (bounded wait). */
export function postInteraction(url: string, body: string, headers: Record<string, string>, options: { agent?: Agent; timeoutMs?: number } = {}): Promise<EndpointReply> {
  const all = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...headers };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: all, ...(options.agent ? { agent: options.agent } : {}), timeout: options.timeoutMs ?? 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: a refusal's plain text
        }
        resolve({ status: res.statusCode ?? 0, text, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${options.timeoutMs ?? 5_000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
