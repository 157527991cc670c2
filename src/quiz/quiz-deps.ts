import type { ChatPort } from '../chat-port.js';
import type { LibraryView } from '../library/library.js';
import type { Logger } from '../logger.js';
import type { StoreView } from '../store/ports/index.js';
import type { Random } from './random.js';

/** What opening, posting, closing and revealing rounds use. */
export interface RoundDeps {
  /** The live banks: rounds draw from the channel's, reveals read the version live at the reveal. */
  library: LibraryView;
  store: StoreView<'rounds' | 'answers' | 'schedules' | 'channelBanks' | 'insights'>;
  chat: ChatPort;
  logger: Logger;
  /** Picks entries and shuffles choices; seeded in tests. */
  random: Random;
}
