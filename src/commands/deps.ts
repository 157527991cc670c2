import type { Catalogue } from '../bank/catalogue.js';
import type { ChatPort } from '../chat-port.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Random } from '../quiz/random.js';
import type { Telemetry } from '../telemetry.js';
import type { RateLimiter } from './rate-limit.js';
import type { Lookup } from '../search/lookup.js';
import type { Store } from '../store/sqlite-store.js';

/** What every use case may need; built once by `createBot`. */
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
  /** The slash command's name (default `mesh`), for usage lines. */
  commandName: string;
}
