import { config as loadDotenv } from 'dotenv';
import { loadConfig, type Config } from '../src/index.js';

/**
 * The one place that reads the process environment: `.env` (if present) under the real
 * environment, parsed and checked once at start-up.
 */
export function configFromEnvironment(): Config {
  loadDotenv({ quiet: true });
  return loadConfig(process.env);
}
