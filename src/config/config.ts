import { z } from 'zod/v3';
import { BotError } from '../errors.js';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** Every variable, with an example shown when its value is wrong. */
export const CONFIG_EXAMPLES: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_APP_TOKEN: 'xapp-1-A0123-4567-abcdef',
  SLACK_API_URL: 'https://slack.com/api/',
  DISCORD_TOKEN: 'MTA5...your-bot-token',
  DISCORD_APPLICATION_ID: '1098765432109876543',
  DISCORD_API_URL: 'https://discord.com/api',
  DISCORD_PUBLIC_KEY: '3b2f9e6c1a7d4058b6e2c9f1d0a4b7e83c5f2a9d6e1b0c4f7a8d2e5b9c3f6a01',
  DATABASE_PATH: 'var/meshbot.db',
  DATABASE_URL: 'postgres://meshbot:secret@db.internal:5432/meshbot',
  DATABASE_POOL_SIZE: '10',
  DATABASE_CONNECT_TIMEOUT_MS: '5000',
  DATABASE_STATEMENT_TIMEOUT_MS: '10000',
  BANKS_DIR: 'data/banks',
  BANKS_WATCH: 'on',
  BANKS_RESCAN_SECONDS: '30',
  NEXT_STEP_COVERAGE_PERCENT: '80',
  PORT: '3000',
  BOT_COMMAND: 'mesh',
  ADMIN_USER_IDS: 'U012ABCDEF,123456789012345678',
  LOG_LEVEL: 'info',
  DASHBOARD_SECRET: 'a-long-random-string-from-openssl-rand-hex-32',
  PUBLIC_URL: 'https://meshbot.example.com',
};

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = optionalText.pipe(z.string().url('expected a URL').optional());

/** A whole number within bounds, from an environment string with a default. */
function count(fallback: string, min: number, max: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return optionalText.default(fallback).pipe(z.string().regex(/^\d{1,9}$/, message)).transform(Number).pipe(z.number().min(min, message).max(max, message));
}

const schema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xox', 'expected a Slack bot token starting with "xoxb-"').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'expected a Slack app-level token starting with "xapp-"').optional()),
  SLACK_API_URL: optionalUrl,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'expected a numeric Discord application id').optional()),
  DISCORD_API_URL: optionalUrl,
  DISCORD_PUBLIC_KEY: optionalText.pipe(z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected the 64 hex characters of Public Key (Developer Portal > General Information)').optional()),
  DATABASE_PATH: optionalText.default('var/meshbot.db'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a PostgreSQL URL starting with "postgres://"')
      .pipe(z.string().url('expected a PostgreSQL URL like postgres://user:password@host:5432/database'))
      .optional(),
  ),
  DATABASE_POOL_SIZE: count('10', 1, 1000),
  DATABASE_CONNECT_TIMEOUT_MS: count('5000', 100, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: count('10000', 100, 3_600_000),
  BANKS_DIR: optionalText.default('data/banks'),
  BANKS_WATCH: optionalText.default('on').pipe(z.enum(['on', 'off'], { message: 'expected on or off' })),
  BANKS_RESCAN_SECONDS: count('30', 0, 86_400),
  NEXT_STEP_COVERAGE_PERCENT: count('80', 1, 100),
  PORT: optionalText
    .default('3000')
    .pipe(z.string().regex(/^\d{1,5}$/, 'expected a port number from 0 to 65535'))
    .transform(Number)
    .pipe(z.number().max(65535, 'expected a port number from 0 to 65535')),
  BOT_COMMAND: optionalText.default('mesh').pipe(z.string().regex(/^[a-z0-9_-]{1,32}$/, 'expected 1-32 lowercase letters, digits, "-" or "_"')),
  ADMIN_USER_IDS: optionalText.default('').transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ),
  LOG_LEVEL: optionalText.default('info').pipe(z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` })),
  // Anyone with a link signed by it sees a workspace's dashboard: long enough not to be guessed.
  DASHBOARD_SECRET: optionalText.pipe(z.string().min(32, 'expected at least 32 characters (e.g. the output of openssl rand -hex 32)').optional()),
  PUBLIC_URL: optionalText.pipe(
    z
      .string()
      .url('expected the https URL people reach the bot at, like https://meshbot.example.com')
      .regex(/^https?:\/\/[^/?#]+\/?$/, 'expected only the scheme and host (and port), like https://meshbot.example.com')
      .optional(),
  ),
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Set for Socket Mode; HTTP mode otherwise. */
  appToken?: string;
  apiUrl?: string;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl?: string;
  /** Set for HTTP interactions (the application's Ed25519 public key, hex); the gateway otherwise. */
  publicKey?: string;
}

/** Where everything that lasts is kept: a SQLite file (the default) or PostgreSQL (replicas). */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'postgres';
      url: string;
      /** Connections per process. */
      poolSize: number;
      /** How long opening a connection may take before it fails. */
      connectTimeoutMs: number;
      /** How long one statement may run before the server cancels it. */
      statementTimeoutMs: number;
      /** DATABASE_PATH, when it was set too: not used, and start-up says so. */
      ignoredPath: string | null;
    };

export interface Config {
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  database: DatabaseConfig;
  /** DATABASE_PATH as given (unused when DATABASE_URL is set). */
  databasePath: string;
  banksDir: string;
  /**
   * How the running bot follows edits to BANKS_DIR (docs/design.md, "Curriculum"): file
   * events (`watch`) and a rescan every `rescanMs` (0: none) for what events miss. The
   * console and the CLI load the banks once.
   */
  banksReload: { watch: boolean; rescanMs: number };
  /** Share of a bank (0-1) a person answers right once before progress suggests its next step. */
  nextStepCoverage: number;
  port: number;
  commandName: string;
  adminUserIds: string[];
  logLevel: (typeof LOG_LEVELS)[number];
  /** DASHBOARD_SECRET and PUBLIC_URL: signed `/mesh dashboard` links to `/dashboard`; null when not set. */
  dashboard: { secret: string; publicUrl: string } | null;
}

export interface ConfigProblem {
  variable: string;
  problem: string;
  example: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Parses the environment once. Pure: the caller passes the variables in. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = schema.safeParse(env);
  const problem = (variable: string, text: string): ConfigProblem => ({ variable, problem: text, example: CONFIG_EXAMPLES[variable] ?? '' });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => problem(String(i.path[0] ?? '?'), i.message)) };
  }
  const v = parsed.data;
  const problems: ConfigProblem[] = [];
  const slackSet = [v.SLACK_BOT_TOKEN, v.SLACK_SIGNING_SECRET, v.SLACK_APP_TOKEN].some((x) => x !== undefined);
  if (slackSet && !v.SLACK_BOT_TOKEN) problems.push(problem('SLACK_BOT_TOKEN', 'is required when any other SLACK_ variable is set'));
  if (slackSet && !v.SLACK_SIGNING_SECRET) problems.push(problem('SLACK_SIGNING_SECRET', 'is required when any other SLACK_ variable is set'));
  if (v.DISCORD_TOKEN && !v.DISCORD_APPLICATION_ID) problems.push(problem('DISCORD_APPLICATION_ID', 'is required when DISCORD_TOKEN is set'));
  if (!v.DISCORD_TOKEN && v.DISCORD_APPLICATION_ID) problems.push(problem('DISCORD_TOKEN', 'is required when DISCORD_APPLICATION_ID is set'));
  // HTTP interactions still make REST calls (round posts, follow-ups): the token and application id stay required.
  if (!v.DISCORD_TOKEN && !v.DISCORD_APPLICATION_ID && v.DISCORD_PUBLIC_KEY) {
    problems.push(problem('DISCORD_TOKEN', 'is required when DISCORD_PUBLIC_KEY is set'), problem('DISCORD_APPLICATION_ID', 'is required when DISCORD_PUBLIC_KEY is set'));
  }
  // A link needs both: the secret signs it, the URL is where it points.
  if (v.DASHBOARD_SECRET && !v.PUBLIC_URL) problems.push(problem('PUBLIC_URL', 'is required when DASHBOARD_SECRET is set (the host dashboard links point at)'));
  if (v.PUBLIC_URL && !v.DASHBOARD_SECRET) problems.push(problem('DASHBOARD_SECRET', 'is required when PUBLIC_URL is set (it signs dashboard links)'));
  if (problems.length > 0) return { ok: false, problems };

  const slack: SlackConfig | null =
    v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET
      ? {
          botToken: v.SLACK_BOT_TOKEN,
          signingSecret: v.SLACK_SIGNING_SECRET,
          ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
          ...(v.SLACK_API_URL ? { apiUrl: v.SLACK_API_URL } : {}),
        }
      : null;
  const discord: DiscordConfig | null =
    v.DISCORD_TOKEN && v.DISCORD_APPLICATION_ID
      ? {
          token: v.DISCORD_TOKEN,
          applicationId: v.DISCORD_APPLICATION_ID,
          ...(v.DISCORD_API_URL ? { apiUrl: v.DISCORD_API_URL } : {}),
          ...(v.DISCORD_PUBLIC_KEY ? { publicKey: v.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
        }
      : null;
  return {
    ok: true,
    config: {
      slack,
      discord,
      database: v.DATABASE_URL
        ? {
            kind: 'postgres',
            url: v.DATABASE_URL,
            poolSize: v.DATABASE_POOL_SIZE,
            connectTimeoutMs: v.DATABASE_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
            ignoredPath: env.DATABASE_PATH?.trim() ? (v.DATABASE_PATH ?? null) : null,
          }
        : { kind: 'sqlite', path: v.DATABASE_PATH ?? 'var/meshbot.db' },
      databasePath: v.DATABASE_PATH ?? 'var/meshbot.db',
      banksDir: v.BANKS_DIR ?? 'data/banks',
      banksReload: { watch: v.BANKS_WATCH === 'on', rescanMs: v.BANKS_RESCAN_SECONDS * 1000 },
      nextStepCoverage: v.NEXT_STEP_COVERAGE_PERCENT / 100,
      port: v.PORT,
      commandName: v.BOT_COMMAND ?? 'mesh',
      adminUserIds: v.ADMIN_USER_IDS,
      logLevel: v.LOG_LEVEL,
      dashboard: v.DASHBOARD_SECRET && v.PUBLIC_URL ? { secret: v.DASHBOARD_SECRET, publicUrl: v.PUBLIC_URL.replace(/\/+$/, '') } : null,
    },
  };
}

/** Parses the environment or throws a BotError whose message names each variable to fix. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = parseConfig(env);
  if (result.ok) return result.config;
  const lines = result.problems.map((p) => `  ${p.variable}: ${p.problem}${p.example ? ` (for example ${p.variable}=${p.example})` : ''}`);
  throw new BotError('config.invalid', `invalid configuration:\n${lines.join('\n')}`);
}
