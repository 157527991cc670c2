import { BotError, createBot, loadBanks, loadLibrary, openStore, scanBanks, type Bot, type ChatPort, type Clock, type Config, type Library, type Logger, type Store, type Telemetry } from '../src/index.js';

export interface OpenedCore {
  bot: Bot;
  store: Store;
}

/**
 * Loads the banks, opens and migrates the database, and builds the core. The console and
 * the CLI load the banks once and stop on any malformed file (`followEdits` off); the
 * running bot, which follows edits, starts with every valid bank and reports the others
 * (a replica restarted during a half-finished edit must still come up). See
 * docs/design.md, "Curriculum".
 */
export async function openCore(
  config: Config,
  ports: { clock: Clock; chat: ChatPort; logger?: Logger; telemetry?: Telemetry },
  options: { followEdits?: boolean } = {},
): Promise<OpenedCore> {
  const banks = options.followEdits ? { library: await firstLibrary(config.banksDir, ports.logger) } : { banks: loadBanks(config.banksDir) };
  const store = await openStore(config.database, { nowMs: ports.clock.now().getTime(), ...(ports.logger ? { logger: ports.logger } : {}) });
  const bot = createBot({
    ...banks,
    store,
    clock: ports.clock,
    chat: ports.chat,
    commandName: config.commandName,
    nextStepCoverage: config.nextStepCoverage,
    ...(config.dashboard ? { dashboard: config.dashboard } : {}),
    ...(ports.logger ? { logger: ports.logger } : {}),
    ...(ports.telemetry ? { telemetry: ports.telemetry } : {}),
  });
  // Lookups learn from people's picks: load them before the first lookup, not after it.
  await bot.refreshLearned();
  return { bot, store };
}

/** The banks that load; the others are logged and shown to admins. None at all stops start-up. */
async function firstLibrary(dir: string, logger: Logger | undefined): Promise<Library> {
  const { library } = await loadLibrary(scanBanks(dir));
  const lines = library.problems.map((p) => `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.message}`);
  if (library.catalogue.banks.length === 0) {
    throw new BotError('bank.invalid', `no bank could be loaded from BANKS_DIR "${dir}"${lines.length > 0 ? `:\n${lines.join('\n')}` : ''}`);
  }
  for (const p of library.problems) logger?.error({ file: p.file, line: p.line, reason: p.message }, 'bank file failed validation; it is not loaded');
  return library;
}
