import type { Bot, ChatPort, Platform } from '../src/index.js';

/**
 * The shape every platform adapter has, so main.ts reads as a list of what runs:
 * create it from its config and a handle on the core, then start and stop it.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Outbound calls the core makes on this platform (rounds, reveals). */
  readonly chat: ChatPort;
  /** Connects (or starts listening); rejects with a clear BotError if it cannot. */
  start(): Promise<void>;
  /** Stops taking new work, lets in-flight requests finish, and disconnects. */
  stop(): Promise<void>;
  /** Whether the platform connection is up right now (readiness). */
  isConnected(): boolean;
}

/**
 * The core, handed to adapters late: adapters are created before the bot (the bot
 * needs their ChatPorts), so they reach it through this getter once it exists.
 */
export type BotHandle = () => Bot;

/**
 * Where adapters report each outbound platform call, for metrics and logs:
 * method (e.g. `chat.postMessage`), outcome (`ok`, `error`, or an HTTP status), duration.
 */
export interface PlatformCallObserver {
  /** One finished call to the platform's API. */
  call(platform: Platform, method: string, outcome: string, ms: number): void;
  /** One retry of a call (rate limit or failure), with why. */
  retry(platform: Platform, method: string, reason: string): void;
}

/** An observer that records nothing (tests, benches). */
export const noObserver: PlatformCallObserver = { call: () => {}, retry: () => {} };
