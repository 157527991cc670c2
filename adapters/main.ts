/**
 * The composition root (`npm start`): config, store, core, then what runs. With no
 * platform tokens set it opens the console chat; Slack and Discord arrive with their
 * own adapters.
 */
import { BotError } from '../src/index.js';
import { runInteractiveConsole } from './console/console-app.js';
import { configFromEnvironment } from './load-config.js';

async function main(): Promise<void> {
  const config = configFromEnvironment();
  if (!config.slack && !config.discord) {
    await runInteractiveConsole(config, process.stdin, (line) => process.stdout.write(`${line}\n`));
    return;
  }
  throw new BotError('config.invalid', 'Slack and Discord adapters are not available in this build yet: unset their variables to use the console');
}

main().catch((error: unknown) => {
  if (error instanceof BotError) process.stderr.write(`meshbot: ${error.message}\n`);
  else process.stderr.write(`meshbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
