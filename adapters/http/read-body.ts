import type { IncomingMessage } from 'node:http';

/** A request body read in full, or why not. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * Reads a request's raw body, up to `maxBytes`. A larger body is refused as soon as its
 * Content-Length (or the bytes so far) say so, without buffering the rest: callbacks are
 * small, and an endpoint open to the internet must not buffer whatever it is sent.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return { ok: false, reason: 'too_large' };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > maxBytes) return { ok: false, reason: 'too_large' };
      chunks.push(bytes);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  return { ok: true, body: Buffer.concat(chunks, size) };
}
