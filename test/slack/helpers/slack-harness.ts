/**
 * The real Slack adapter (Bolt and all) around a real core, wired to a Web API stand-in,
 * everything on 127.0.0.1. No vitest imports: the bench builds the same thing.
 */
import { createBot, loadBanks, ManualClock, openSqliteStore, seededRandom, type Bank, type Bot, type DashboardLinkConfig, type Store } from '../../../src/index.js';
import { dashboardRoute } from '../../../adapters/http/dashboard-route.js';
import { RecordingLogger, RecordingObserver } from '../../helpers/recorders.js';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/slack-adapter.js';
import { SIGNING_SECRET } from './signed-request.js';
import { WebApiStandIn } from './web-api-standin.js';

export { RecordingLogger, RecordingObserver };

let banks: Bank[] | null = null;

/** The shipped banks, parsed once per process. */
export function seedBanks(): Bank[] {
  banks ??= loadBanks('data/banks');
  return banks;
}

export interface Harness {
  standin: WebApiStandIn;
  adapter: SlackAdapter;
  bot: Bot;
  store: Store;
  clock: ManualClock;
  logger: RecordingLogger;
  observer: RecordingObserver;
  /** Where Slack would POST commands and interactions. */
  eventsUrl: string;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<SlackAdapterOptions, 'config' | 'bot' | 'logger' | 'observer'>> {
  appToken?: string;
  /** Runs before the adapter starts (scripts for auth.test, Socket Mode handlers). */
  prepare?: (standin: WebApiStandIn) => void;
  /** Per-person budgets of the core (default: the core's). */
  rateLimits?: { lookupsPerMinute?: number; answersPerMinute?: number };
  /** Dashboard links and the /dashboard route on Bolt's port, as the bot wires them. */
  dashboard?: DashboardLinkConfig;
}

/** Starts a stand-in, a core on an in-memory database, and the Slack adapter (HTTP mode unless an app token is given). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { appToken, prepare, rateLimits, dashboard, ...adapterOptions } = options;
  const standin = await new WebApiStandIn().start();
  prepare?.(standin);
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const store = openSqliteStore(':memory:', clock.now().getTime());
  const logger = new RecordingLogger();
  const observer = new RecordingObserver();
  let bot: Bot | null = null;
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: standin.apiUrl, ...(appToken ? { appToken } : {}) },
    bot: () => {
      if (!bot) throw new Error('the bot is not built yet');
      return bot;
    },
    logger,
    observer,
    adminUserIds: [],
    port: 0,
    host: '127.0.0.1',
    retry: { attempts: 1 },
    drainTimeoutMs: 2_000,
    connectTimeoutMs: 5_000,
    ...(dashboard ? { routes: [dashboardRoute(() => bot!)] } : {}),
    ...adapterOptions,
  });
  bot = createBot({ banks: seedBanks(), store, clock, chat: adapter.chat, random: seededRandom(7), logger, ...(rateLimits ? { rateLimits } : {}), ...(dashboard ? { dashboard } : {}) });
  const close = async (): Promise<void> => {
    await adapter.stop();
    await standin.close();
    await store.close();
  };
  try {
    await adapter.start();
  } catch (error) {
    await close();
    throw error;
  }
  const port = adapter.listeningPort();
  return { standin, adapter, bot, store, clock, logger, observer, eventsUrl: `http://127.0.0.1:${port ?? 0}/slack/events`, close };
}
