import { createBot, loadBanks, openStore, type Bot, type ChatPort, type Clock, type Config, type Logger, type Store, type Telemetry } from '../src/index.js';

export interface OpenedCore {
  bot: Bot;
  store: Store;
}

/** Loads the banks, opens and migrates the database, and builds the core. */
export async function openCore(config: Config, ports: { clock: Clock; chat: ChatPort; logger?: Logger; telemetry?: Telemetry }): Promise<OpenedCore> {
  const banks = loadBanks(config.banksDir);
  const store = await openStore(config.database, { nowMs: ports.clock.now().getTime(), ...(ports.logger ? { logger: ports.logger } : {}) });
  const bot = createBot({
    banks,
    store,
    clock: ports.clock,
    chat: ports.chat,
    commandName: config.commandName,
    ...(config.dashboard ? { dashboard: config.dashboard } : {}),
    ...(ports.logger ? { logger: ports.logger } : {}),
    ...(ports.telemetry ? { telemetry: ports.telemetry } : {}),
  });
  return { bot, store };
}
