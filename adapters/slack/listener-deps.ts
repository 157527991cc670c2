import type { Logger } from '../../src/index.js';
import type { BotHandle, PlatformCallObserver } from '../platform-adapter.js';
import type { SlackPeople } from './admin-check.js';
import type { Inflight } from './inflight.js';
import type { SlackCalls } from './slack-calls.js';
import type { UploadDeps } from './slack-upload.js';

/** What the listeners need from the adapter. */
export interface ListenerDeps {
  /** The core, once built. */
  bot: BotHandle;
  /** Names and admin rights (users.info, cached). */
  people: SlackPeople;
  logger: Logger;
  /** Told of every response_url post (metrics). */
  observer: PlatformCallObserver;
  /** Work still running after the ack, for stop() to wait on. */
  inflight: Inflight;
  /** A slash command not answered by then is acked empty and answered through response_url (Slack allows 3 s). */
  ackDeadlineMs: number;
  /** A monotonic clock (ms) for timing response_url posts. */
  now: () => number;
  /** The Web API, for what has no response_url (the Home tab, its clicks). */
  calls: SlackCalls;
  /** Uploads of the pictures that follow a reply. */
  upload: UploadDeps;
}
