import { schedule, type ScheduledTask } from 'node-cron';
import { LEARNED_REFRESH_MS, libraryFingerprint, type Bot, type Clock, type Config, type Store } from '../src/index.js';
import { watchBanks, type BankWatcher } from './banks/watch-banks.js';
import { dashboardRoute } from './http/dashboard-route.js';
import { healthRoutes } from './http/health-routes.js';
import type { HttpRoute } from './http/routes.js';
import { serveRoutes, type RunningServer } from './http/serve-routes.js';
import type { AppLogger } from './observability/create-logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { openCore } from './open-core.js';
import type { BotHandle, PlatformAdapter, PlatformCallObserver } from './platform-adapter.js';
import { routeChat } from './route-chat.js';

/** What an adapter factory gets: its slice of the world. */
export interface AdapterContext {
  config: Config;
  bot: BotHandle;
  logger: AppLogger;
  observer: PlatformCallObserver;
  /** The core's clock (the HTTP interactions endpoint checks request timestamps against it). */
  clock: Clock;
  /**
   * Every route served on PORT, for an adapter that serves HTTP itself (Slack in HTTP
   * mode): health and metrics, then the routes other adapters contribute. It is complete
   * only once every factory has run, so read it in start(), not in the factory.
   */
  routes: readonly HttpRoute[];
}

/** What a factory builds: the adapter, and the HTTP routes it needs served on PORT. */
export interface BuiltAdapter {
  /** The adapter, not yet started. */
  adapter: PlatformAdapter;
  /** Whether the adapter serves `routes` on PORT itself (then no server of ours is started). */
  servesRoutes: boolean;
  /** Routes this adapter contributes (Discord's interactions endpoint), served wherever the others are. */
  routes?: readonly HttpRoute[];
}

/** Builds one platform adapter. */
export type AdapterFactory = (context: AdapterContext) => BuiltAdapter;

export interface RunningBot {
  bot: Bot;
  store: Store;
  /** Follows BANKS_DIR (null with BANKS_WATCH=off and BANKS_RESCAN_SECONDS=0). */
  banks: BankWatcher | null;
  metrics: Metrics;
  adapters: PlatformAdapter[];
  /** The port health and metrics answer on. */
  httpPort: number | null;
  /** Graceful stop: no new work, in-flight work and a running tick finish (bounded), then close. */
  stop(reason: string): Promise<void>;
}

/** How long shutdown waits for a running tick before closing anyway. */
const TICK_DRAIN_MS = 10_000;

/**
 * How often a replica asks for (or confirms) the scheduler's lead. A dead leader's lock
 * goes with its connection, so a standby takes over within one interval of that
 * (the aim is under 15 s; docs/design.md, "Replicas").
 */
export const LEADER_CHECK_MS = 5_000;

/**
 * The running bot for Slack and/or Discord: store and core, the platform adapters, the
 * per-minute tick (node-cron) and the HTTP server for /healthz, /readyz and /metrics.
 */
export async function startBot(config: Config, options: { logger: AppLogger; clock: Clock; factories: AdapterFactory[]; metrics?: Metrics }): Promise<RunningBot> {
  const { logger, clock } = options;
  const metrics = options.metrics ?? createMetrics();
  let stopping = false;
  let bot: Bot | undefined;
  let store: Store | undefined;
  const adapters: PlatformAdapter[] = [];
  const routes: HttpRoute[] = healthRoutes({ store: () => store, adapters, metrics, stopping: () => stopping });
  const handle: BotHandle = () => {
    if (!bot) throw new Error('the bot is not ready yet');
    return bot;
  };
  routes.push(dashboardRoute(handle));
  let routesServed = false;
  for (const factory of options.factories) {
    const built = factory({ config, bot: handle, logger, observer: metrics, clock, routes });
    adapters.push(built.adapter);
    routes.push(...(built.routes ?? []));
    routesServed ||= built.servesRoutes;
  }
  const core = await openCore(config, { clock, chat: routeChat(adapters), logger, telemetry: metrics }, { followEdits: true });
  bot = core.bot;
  store = core.store;
  if (config.database.kind === 'postgres' && config.database.ignoredPath) {
    logger.info({ databasePath: config.database.ignoredPath }, 'DATABASE_URL is set: the SQLite file at DATABASE_PATH is not used');
  }
  logger.info({ database: core.store.location, replica: core.store.leader.replicaId, banks: core.bot.catalogue.banks.map((b) => `${b.slug}:${b.entries.length}`), platforms: adapters.map((a) => a.platform) }, 'meshbot starting');

  const banksNow = (): { version: number; fingerprint: string; problems: number } => {
    const live = core.bot.library();
    return { version: live.version, fingerprint: libraryFingerprint(live), problems: live.problems.length };
  };
  metrics.markBanks(banksNow(), 'loaded');
  // Edits to BANKS_DIR reach the core as new values; every replica follows the same files.
  const banks =
    config.banksReload.watch || config.banksReload.rescanMs > 0
      ? watchBanks({
          dir: config.banksDir,
          bot: core.bot,
          logger,
          watch: config.banksReload.watch,
          rescanMs: config.banksReload.rescanMs,
          onReload: (report) => metrics.markBanks(banksNow(), report === null ? 'failed' : report.swapped ? 'swapped' : 'unchanged'),
        })
      : null;

  let server: RunningServer | null = null;
  let task: ScheduledTask | null = null;
  let leaderTimer: NodeJS.Timeout | null = null;
  let learnedTimer: NodeJS.Timeout | null = null;
  const tick = async (): Promise<void> => {
    // Only the leader ticks; the others stand by (claims are unique anyway, so a moment with two is safe).
    if (stopping || !bot || !core.store.leader.isLeading()) return;
    try {
      const report = await bot.tick();
      metrics.markTickAt(clock.now().getTime());
      if (report.opened || report.closed || report.missed || report.failed || report.retried) logger.info({ ...report }, 'tick');
    } catch (error) {
      logger.error({ err: error }, 'tick failed');
    }
  };
  try {
    for (const adapter of adapters) await adapter.start();
    if (!routesServed) server = await serveRoutes(routes, config.port);
    task = schedule('* * * * *', tick, { noOverlap: true, name: 'meshbot-tick' });
    let checking = false;
    const checkLead = async (): Promise<void> => {
      // One check at a time: a slow database must not pile up connections.
      if (stopping || checking) return;
      checking = true;
      try {
        const was = core.store.leader.isLeading();
        const leads = await core.store.leader.tryLead();
        metrics.markLeader(core.store.leader.replicaId, leads);
        // A new leader catches up at once: rounds due while nobody led are posted late or marked missed.
        if (leads && !was) void tick();
      } finally {
        checking = false;
      }
    };
    await checkLead();
    leaderTimer = setInterval(() => void checkLead(), LEADER_CHECK_MS);
    leaderTimer.unref();
    // Every replica reloads learned lookup evidence on its own, so picks made through any
    // of them reach lookups on all within LEARNED_REFRESH_MS (docs/design.md, "Lookup").
    learnedTimer = setInterval(() => {
      if (!stopping) core.bot.refreshLearned().catch((error: unknown) => logger.warn({ err: error }, 'reloading learned lookup evidence failed'));
    }, LEARNED_REFRESH_MS);
    learnedTimer.unref();
  } catch (error) {
    await banks?.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    if (leaderTimer) clearInterval(leaderTimer);
    if (learnedTimer) clearInterval(learnedTimer);
    await server?.close(1000);
    await core.store.close();
    throw error;
  }
  logger.info({ port: server?.port ?? config.port }, 'meshbot ready');

  return {
    bot: core.bot,
    store: core.store,
    banks,
    metrics,
    adapters,
    httpPort: server?.port ?? (routesServed ? config.port : null),
    stop: async (reason: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ reason }, 'meshbot stopping');
      await task?.stop();
      await banks?.stop();
      if (leaderTimer) clearInterval(leaderTimer);
      if (learnedTimer) clearInterval(learnedTimer);
      // A tick mid-flight has claimed rounds and is posting them: let it finish (bounded).
      await Promise.race([core.bot.idle(), new Promise((resolve) => setTimeout(resolve, TICK_DRAIN_MS).unref())]);
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await server?.close();
      // Closing gives the scheduler's lead up, so a standby replica takes over at once.
      await core.store.close();
      logger.info({}, 'meshbot stopped');
      logger.flush();
    },
  };
}
