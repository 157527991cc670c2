import { Catalogue } from './bank/catalogue.js';
import type { Bank } from './bank/types.js';
import type { ChatPort, IncomingAction, IncomingCommand } from './chat-port.js';
import type { Clock } from './clock.js';
import { handleAction } from './commands/handle-action.js';
import { handleCommand } from './commands/handle-command.js';
import type { CoreDeps } from './commands/deps.js';
import { afterReplyQueue } from './after-reply.js';
import { silentLogger, type Logger } from './logger.js';
import type { ActionReply, OutgoingMessage } from './messages/model.js';
import type { Random } from './quiz/random.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './commands/rate-limit.js';
import { noTelemetry, type Telemetry } from './telemetry.js';
import { runTick, type TickReport } from './schedule/run-tick.js';
import { DELIVERY_MEMORY_MS } from './commands/run-once.js';
import { createLookup, type Lookup } from './search/lookup.js';
import type { Store } from './store/ports/index.js';
import type { DashboardLinkConfig } from './commands/dashboard-link.js';
import type { Message } from './messages/model.js';
import { personalPage, type PagePerson } from './quiz/personal-page.js';
import { serveDashboard, type DashboardRequest, type DashboardResponse } from './dashboard/serve-dashboard.js';
import { runDigests } from './schedule/run-digests.js';

export interface BotOptions {
  banks: readonly Bank[];
  store: Store;
  clock: Clock;
  chat: ChatPort;
  logger?: Logger;
  commandName?: string;
  /** Shuffles and picks (default Math.random); tests pass a seeded one. */
  random?: Random;
  /** Where metrics go (default: nowhere). */
  telemetry?: Telemetry;
  /** Per-person budgets (default 30 lookups and 60 quiz clicks a minute; 0 = unlimited). */
  rateLimits?: Partial<RateLimits>;
  /** A prebuilt lookup over the same banks (the CLI shares one); built here otherwise. */
  lookup?: Lookup;
  /** DASHBOARD_SECRET and PUBLIC_URL: `/mesh dashboard` links and the `/dashboard` pages; absent, both say it is not set up. */
  dashboard?: DashboardLinkConfig;
}

/** The core as adapters see it: commands and clicks in, neutral replies out. */
export interface Bot {
  /** Runs a slash command; never throws. */
  handleCommand(input: IncomingCommand): Promise<OutgoingMessage[]>;
  /** Runs a button click; never throws. */
  handleAction(input: IncomingAction): Promise<ActionReply>;
  /** Runs due scheduled work at the clock's current time: reveals, retries, new rounds. */
  tick(): Promise<TickReport>;
  /** Resolves when no tick and no after-reply bookkeeping is running (shutdown and tests wait on it); never starts a tick. */
  idle(): Promise<void>;
  /** When the next scheduled work falls due (ms), or null; the console's clock jumps there. */
  nextJobAt(): Promise<number | null>;
  /** A person's own page (points, streaks, coverage, reviews due, this week's board): Slack's App Home. Never throws for a stranger: zeros. */
  home(person: PagePerson): Promise<Message>;
  /** Answers a `/dashboard` request (its path and token) at the clock's time; 404 for every path when the dashboard is not set up. */
  dashboard(request: DashboardRequest): Promise<DashboardResponse>;
  readonly lookup: Lookup;
  readonly catalogue: Catalogue;
  readonly commandName: string;
}

export function createBot(options: BotOptions): Bot {
  const catalogue = new Catalogue(options.banks);
  const logger = options.logger ?? silentLogger;
  const deps: CoreDeps = {
    catalogue,
    lookup: options.lookup ?? createLookup(options.banks),
    store: options.store,
    clock: options.clock,
    chat: options.chat,
    logger,
    afterReply: afterReplyQueue(logger),
    commandName: options.commandName ?? 'mesh',
    dashboard: options.dashboard ?? null,
    random: options.random ?? Math.random,
    telemetry: options.telemetry ?? noTelemetry,
    limits: {
      lookups: new RateLimiter(options.rateLimits?.lookupsPerMinute ?? DEFAULT_RATE_LIMITS.lookupsPerMinute),
      answers: new RateLimiter(options.rateLimits?.answersPerMinute ?? DEFAULT_RATE_LIMITS.answersPerMinute),
    },
  };
  // Ticks never overlap: a slow platform call must not let two ticks claim and post together.
  let ticking: Promise<TickReport> | null = null;
  const tick = (): Promise<TickReport> => {
    if (!ticking) {
      // performance.now() measures the tick for metrics only; no decision depends on it.
      const started = performance.now();
      const nowMs = deps.clock.now().getTime();
      ticking = runTick(deps, nowMs)
        .then(async (report) => ({ ...report, digests: await runDigests(deps, nowMs) }))
        .then(async (report) => {
          // Housekeeping rides on the tick, which one replica runs: forget old deliveries.
          await deps.store.deliveries.prune(nowMs - DELIVERY_MEMORY_MS);
          deps.telemetry.tick(report, (performance.now() - started) / 1000);
          return report;
        })
        .finally(() => {
          ticking = null;
        });
    }
    return ticking;
  };
  return {
    handleCommand: (input) => handleCommand(deps, input),
    handleAction: (input) => handleAction(deps, input),
    tick,
    idle: async () => {
      await ticking?.catch(() => undefined);
      await deps.afterReply.drain();
    },
    nextJobAt: async () => {
      const candidates = await Promise.all([deps.store.schedules.earliestFire(), deps.store.rounds.earliestClose(), deps.store.rounds.nextRetryAt(), deps.store.digests.earliest()]);
      const times = candidates.filter((t): t is number => t !== null);
      return times.length > 0 ? Math.min(...times) : null;
    },
    home: (person) => personalPage(deps, person, deps.clock.now().getTime()),
    dashboard: async (request) => {
      if (!deps.dashboard) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'the dashboard is not set up (DASHBOARD_SECRET)\n' };
      return serveDashboard(deps, { secret: deps.dashboard.secret, commandName: deps.commandName }, request, deps.clock.now().getTime());
    },
    lookup: deps.lookup,
    catalogue,
    commandName: deps.commandName,
  };
}
