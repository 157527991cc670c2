import type { Catalogue } from './bank/catalogue.js';
import type { BankScan } from './bank/read-banks.js';
import type { Bank } from './bank/types.js';
import type { ChatPort, IncomingAction, IncomingCommand } from './chat-port.js';
import type { Clock } from './clock.js';
import { handleAction } from './commands/handle-action.js';
import { handleCommand } from './commands/handle-command.js';
import type { CoreDeps } from './commands/deps.js';
import { afterReplyQueue } from './after-reply.js';
import { LibraryHolder, libraryOf, type Library } from './library/library.js';
import { reloadLibrary, type ReloadReport } from './library/reload-library.js';
import { silentLogger, type Logger } from './logger.js';
import type { ActionReply, OutgoingMessage } from './messages/model.js';
import type { Random } from './quiz/random.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './commands/rate-limit.js';
import { noTelemetry, type Telemetry } from './telemetry.js';
import { runTick, type TickReport } from './schedule/run-tick.js';
import { DELIVERY_MEMORY_MS } from './commands/run-once.js';
import { LearnedRefresh } from './commands/learned-refresh.js';
import { createLookup, createLookupInSlices, type LearnedSummary, type Lookup } from './search/lookup.js';
import type { Store } from './store/ports/index.js';
import type { DashboardLinkConfig } from './commands/dashboard-link.js';
import type { Message } from './messages/model.js';
import { personalPage, type PagePerson } from './quiz/personal-page.js';
import { serveDashboard, type DashboardRequest, type DashboardResponse } from './dashboard/serve-dashboard.js';
import { runDigests } from './schedule/run-digests.js';

/** Default share of a bank a person must have got right once before the next step is suggested. */
export const DEFAULT_NEXT_STEP_COVERAGE = 0.8;

export interface BotOptions {
  /** The banks as values (tests, the console, the CLI); or give `library`. */
  banks?: readonly Bank[];
  /** A first version built from a scan of the banks folder (the running bot, which reloads). */
  library?: Library;
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
  /** Share of a bank (0-1) answered right once before progress suggests its next step (default 0.8). */
  nextStepCoverage?: number;
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
  /** Resolves when no tick, no after-reply bookkeeping and no evidence load is running (shutdown and tests wait on it); never starts a tick. */
  idle(): Promise<void>;
  /** When the next scheduled work falls due (ms), or null; the console's clock jumps there. */
  nextJobAt(): Promise<number | null>;
  /** A person's own page (points, streaks, coverage, reviews due, this week's board): Slack's App Home. Never throws for a stranger: zeros. */
  home(person: PagePerson): Promise<Message>;
  /** Answers a `/dashboard` request (its path and token) at the clock's time; 404 for every path when the dashboard is not set up. */
  dashboard(request: DashboardRequest): Promise<DashboardResponse>;
  /**
   * Reloads the lookup's learned evidence (people's picks) from the store now. Lookups
   * also reload it after their reply once it is older than `LEARNED_REFRESH_MS`; the
   * composition root calls this at start and on that interval, so an idle replica never
   * answers from evidence older than that.
   */
  refreshLearned(): Promise<LearnedSummary>;
  /**
   * Makes what a scan of the banks folder found the live banks (docs/design.md,
   * "Curriculum"): changed banks are validated, a failing file keeps its previous version,
   * and a changed version's lookup is built in slices while the live one keeps answering,
   * then swapped in whole. Reloads run one at a time, in call order.
   */
  reloadBanks(scan: BankScan): Promise<ReloadReport>;
  /** The live version of the banks. */
  library(): Library;
  /** The live lookup (a reload replaces it). */
  readonly lookup: Lookup;
  /** The live catalogue (a reload replaces it). */
  readonly catalogue: Catalogue;
  readonly commandName: string;
}

/** Hands the event loop back between slices of an index build, so replies go on meanwhile. */
const yieldToReplies = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createBot(options: BotOptions): Bot {
  const initial = options.library ?? (options.banks ? libraryOf(options.banks, options.lookup ?? createLookup(options.banks)) : null);
  if (!initial) throw new Error('createBot: give the banks or a library');
  const holder = new LibraryHolder(initial);
  const logger = options.logger ?? silentLogger;
  const coverage = options.nextStepCoverage ?? DEFAULT_NEXT_STEP_COVERAGE;
  if (!(coverage > 0 && coverage <= 1)) throw new Error(`createBot: nextStepCoverage must be above 0 and at most 1, not ${coverage}`);
  const deps: CoreDeps = {
    library: holder,
    nextStepCoverage: coverage,
    store: options.store,
    clock: options.clock,
    chat: options.chat,
    logger,
    afterReply: afterReplyQueue(logger),
    learned: new LearnedRefresh({ lookup: () => holder.current().lookup, lookupEvidence: options.store.lookupEvidence }),
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
  // Each reload starts from the version the one before it left live.
  let reloading: Promise<unknown> = Promise.resolve();
  const reloadBanks = (scan: BankScan): Promise<ReloadReport> => {
    const run = reloading.then(async () => {
      const { library, report } = await reloadLibrary(holder.current(), scan, (banks) => createLookupInSlices(banks, yieldToReplies), yieldToReplies);
      // The new lookup takes the evidence the live one has before it goes live: a reload
      // never answers for a while without what people have taught it.
      if (library.lookup !== holder.current().lookup) deps.learned.applyTo(library.lookup, deps.clock.now().getTime());
      holder.replace(library);
      return report;
    });
    reloading = run.catch(() => undefined);
    return run;
  };
  return {
    handleCommand: (input) => handleCommand(deps, input),
    handleAction: (input) => handleAction(deps, input),
    tick,
    idle: async () => {
      await ticking?.catch(() => undefined);
      await deps.afterReply.drain();
      await deps.learned.idle();
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
    refreshLearned: () => deps.learned.refresh(deps.clock.now().getTime()),
    reloadBanks,
    library: () => holder.current(),
    get lookup() {
      return holder.current().lookup;
    },
    get catalogue() {
      return holder.current().catalogue;
    },
    commandName: deps.commandName,
  };
}
