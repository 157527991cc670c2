import type { AfterReply } from '../after-reply.js';
import type { Catalogue } from '../bank/catalogue.js';
import type { ChatPort } from '../chat-port.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Random } from '../quiz/random.js';
import type { Telemetry } from '../telemetry.js';
import type { RateLimiter } from './rate-limit.js';
import type { DashboardLinkConfig } from './dashboard-link.js';
import type { Lookup } from '../search/lookup.js';
import type { Store } from '../store/ports/index.js';

/**
 * Everything the command and click routers hand out; built once by `createBot`. Each use
 * case declares the narrower slice it takes (e.g. `SubmitDeps`), and this fits them all.
 */
export interface CoreDeps {
  catalogue: Catalogue;
  lookup: Lookup;
  store: Store;
  clock: Clock;
  chat: ChatPort;
  logger: Logger;
  /** Shuffles and picks; seeded in tests. */
  random: Random;
  telemetry: Telemetry;
  /** Per-person budgets for lookups and quiz clicks. */
  limits: { lookups: RateLimiter; answers: RateLimiter };
  /** Bookkeeping that runs after a reply (lookup log, metrics). */
  afterReply: AfterReply;
  /** The slash command's name (default `mesh`), for usage lines. */
  commandName: string;
  /** Signing and host of dashboard links; null when DASHBOARD_SECRET is not set. */
  dashboard: DashboardLinkConfig | null;
}
