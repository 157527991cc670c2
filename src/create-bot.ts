import { Catalogue } from './bank/catalogue.js';
import type { Bank } from './bank/types.js';
import type { ChatPort, IncomingAction, IncomingCommand } from './chat-port.js';
import type { Clock } from './clock.js';
import { handleAction } from './commands/handle-action.js';
import { handleCommand } from './commands/handle-command.js';
import type { CoreDeps } from './commands/deps.js';
import { silentLogger, type Logger } from './logger.js';
import type { ActionReply, OutgoingMessage } from './messages/model.js';
import { createLookup, type Lookup } from './search/lookup.js';
import type { Store } from './store/sqlite-store.js';

export interface BotOptions {
  banks: readonly Bank[];
  store: Store;
  clock: Clock;
  chat: ChatPort;
  logger?: Logger;
  commandName?: string;
  /** A prebuilt lookup over the same banks (the CLI shares one); built here otherwise. */
  lookup?: Lookup;
}

/** The core as adapters see it: commands and clicks in, neutral replies out. */
export interface Bot {
  /** Runs a slash command; never throws. */
  handleCommand(input: IncomingCommand): Promise<OutgoingMessage[]>;
  /** Runs a button click; never throws. */
  handleAction(input: IncomingAction): Promise<ActionReply>;
  readonly lookup: Lookup;
  readonly catalogue: Catalogue;
  readonly commandName: string;
}

export function createBot(options: BotOptions): Bot {
  const catalogue = new Catalogue(options.banks);
  const deps: CoreDeps = {
    catalogue,
    lookup: options.lookup ?? createLookup(options.banks),
    store: options.store,
    clock: options.clock,
    chat: options.chat,
    logger: options.logger ?? silentLogger,
    commandName: options.commandName ?? 'mesh',
  };
  return {
    handleCommand: (input) => handleCommand(deps, input),
    handleAction: (input) => handleAction(deps, input),
    lookup: deps.lookup,
    catalogue,
    commandName: deps.commandName,
  };
}
