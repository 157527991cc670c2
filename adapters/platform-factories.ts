import { BotError, type Config } from '../src/index.js';
import type { AdapterFactory } from './start-bot.js';

/** The adapters the configuration turns on (Slack and Discord may run together). */
export function platformFactories(config: Config): AdapterFactory[] {
  const factories: AdapterFactory[] = [];
  if (config.slack || config.discord) {
    throw new BotError('config.invalid', 'Slack and Discord adapters are not wired into this build yet: unset their variables to use the console');
  }
  return factories;
}
