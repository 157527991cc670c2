/**
 * Pictures to Slack with the current upload flow (files.getUploadURLExternal, the bytes
 * to the URL it gives, files.completeUploadExternal), the flow WebClient's filesUploadV2
 * wraps. Written out here so each Web API call goes through SlackCalls (one retry policy,
 * every call counted) and so that several pictures and the message text are shared in
 * one completing call: nothing is visible until it succeeds, so a failure leaves nothing
 * behind for the core's retry to repeat. Needs the `files:write` scope. See
 * docs/design.md, "Pictures".
 */
import type { MessageImage } from '../../src/index.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import type { SlackCalls } from './slack-calls.js';

/** Where the pictures are shared. */
export type UploadTarget =
  /** In a channel (a thread of it with `threadTs`). */
  | { channelId: string; threadTs?: string }
  /** Privately: in the person's direct messages with the app (Slack has no private upload to a channel). */
  | { userId: string };

/** What a completed upload left behind. */
export interface UploadResult {
  /** Slack's ids of the files, in order. */
  fileIds: string[];
  /** The message's ts when Slack already says it (sharing finishes asynchronously, so often it does not). */
  ts: string | null;
}

/** What an upload needs besides the pictures. */
export interface UploadDeps {
  calls: SlackCalls;
  observer: PlatformCallObserver;
  /** One byte upload gives up after this long. */
  timeoutMs: number;
  /** A monotonic clock (ms) for timing the byte uploads. */
  now: () => number;
}

/** Slack's limit on a file's alt text. */
const ALT_TEXT_MAX = 1000;

/**
 * Uploads `images` and shares them in one message at `target`, with `comment` (mrkdwn)
 * as its text. Rejects with the failing step's error.
 */
export async function uploadImages(deps: UploadDeps, images: readonly MessageImage[], target: UploadTarget, comment: string): Promise<UploadResult> {
  const files: { id: string; title: string }[] = [];
  for (const image of images) {
    const slot = await deps.calls.call('files.getUploadURLExternal', { filename: image.name, length: image.png.length, alt_text: image.alt.slice(0, ALT_TEXT_MAX) });
    const url = slot['upload_url'];
    const id = slot['file_id'];
    if (typeof url !== 'string' || typeof id !== 'string') throw new Error('files.getUploadURLExternal answered without upload_url or file_id');
    await sendBytes(deps, url, image);
    files.push({ id, title: image.alt.slice(0, 250) });
  }
  const where = 'userId' in target ? { channels: target.userId } : { channel_id: target.channelId, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  const done = await deps.calls.call('files.completeUploadExternal', { files: JSON.stringify(files), ...where, ...(comment ? { initial_comment: comment } : {}) });
  return { fileIds: files.map((f) => f.id), ts: shareTs(done) };
}

/** POSTs the raw bytes to the upload URL (no token: the URL itself is the authorisation). */
async function sendBytes(deps: UploadDeps, url: string, image: MessageImage): Promise<void> {
  const started = deps.now();
  let outcome = 'error';
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(image.png.buffer, image.png.byteOffset, image.png.byteLength),
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    outcome = response.ok ? 'ok' : String(response.status);
    // Drained so the connection can be reused; what it says beyond the status does not matter.
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`uploading ${image.name} failed with HTTP ${response.status}`);
  } finally {
    deps.observer.call('slack', 'files.upload', outcome, deps.now() - started);
  }
}

/** The shared message's ts, if the answer already carries the share (files[0].shares.public|private[channel][0].ts). */
function shareTs(answer: Record<string, unknown>): string | null {
  const file = (answer['files'] as { shares?: Record<string, Record<string, { ts?: unknown }[]>> }[] | undefined)?.[0];
  for (const kind of ['public', 'private']) {
    for (const shares of Object.values(file?.shares?.[kind] ?? {})) {
      const ts = shares[0]?.ts;
      if (typeof ts === 'string') return ts;
    }
  }
  return null;
}
