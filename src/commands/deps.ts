import type { AfterReply } from '../after-reply.js';
import type { ChatPort } from '../chat-port.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Random } from '../quiz/random.js';
import type { Telemetry } from '../telemetry.js';
import type { LearnedRefresh } from './learned-refresh.js';
import type { RateLimiter } from './rate-limit.js';
import type { LibraryView } from '../library/library.js';
import type { DashboardLinkConfig } from './dashboard-link.js';
import type { Store } from '../store/ports/index.js';

/**
 * Everything the command and click routers hand out; built once by `createBot`. Each use
 * case declares the narrower slice it takes (e.g. `SubmitDeps`), and this fits them all.
 */
export interface CoreDeps {
  /** The live banks, their catalogue and lookup: read at each use, swapped whole on reload. */
  library: LibraryView;
  /** Share of a bank (0-1) a person must have answered right at least once before progress suggests its next step. */
  nextStepCoverage: number;
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
  /** Reloads the lookup's learned evidence from the store, at most once per interval. */
  learned: LearnedRefresh;
  /** The slash command's name (default `mesh`), for usage lines. */
  commandName: string;
  /** Signing and host of dashboard links; null when DASHBOARD_SECRET is not set. */
  dashboard: DashboardLinkConfig | null;
}
