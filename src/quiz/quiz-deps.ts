import type { Catalogue } from '../bank/catalogue.js';
import type { ChatPort } from '../chat-port.js';
import type { Logger } from '../logger.js';
import type { StoreView } from '../store/ports/index.js';
import type { Random } from './random.js';

/** What opening, posting, closing and revealing rounds use. */
export interface RoundDeps {
  catalogue: Catalogue;
  store: StoreView<'rounds' | 'answers' | 'schedules' | 'insights'>;
  chat: ChatPort;
  logger: Logger;
  /** Picks entries and shuffles choices; seeded in tests. */
  random: Random;
}
