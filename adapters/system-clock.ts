import type { Clock } from '../src/index.js';

/** The real clock, for the running bot (interactive console, Slack, Discord). */
export const systemClock: Clock = { now: () => new Date() };
