/**
 * The composition root (`npm start`). With no platform tokens in the environment it opens
 * the console chat; otherwise it runs the configured platform adapters, the per-minute
 * scheduler tick and the HTTP server (health, readiness, metrics) until SIGTERM/SIGINT.
 */
import { BotError, type Config } from '../src/index.js';
import { runInteractiveConsole } from './console/console-app.js';
import { configFromEnvironment } from './load-config.js';
import { createLogger } from './observability/create-logger.js';
import { platformFactories } from './platform-factories.js';
import { startBot } from './start-bot.js';
import { systemClock } from './system-clock.js';

/** How long a graceful stop may take before the process exits anyway. */
const STOP_DEADLINE_MS = 25_000;

function secretsOf(config: Config): string[] {
  return [config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.discord?.token, config.dashboard?.secret].filter((s): s is string => Boolean(s));
}

async function main(): Promise<void> {
  const config = configFromEnvironment();
  if (!config.slack && !config.discord) {
    await runInteractiveConsole(config, process.stdin, (line) => process.stdout.write(`${line}\n`));
    return;
  }
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY === true, secrets: secretsOf(config) });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const running = await startBot(config, { logger, clock: systemClock, factories: await platformFactories(config) });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      logger.error({ signal }, 'graceful stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    running.stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof BotError) process.stderr.write(`meshbot: ${error.message}\n`);
  else process.stderr.write(`meshbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
