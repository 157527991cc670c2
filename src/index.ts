/**
 * The core's public entry: adapters, the CLI, benches and tests import from here only.
 */
export { BotError, asBotError, type BotErrorCode } from './errors.js';
export { ManualClock, type Clock } from './clock.js';
export type { AnswerBlock, Bank, Entry, QuizItem, Tier } from './bank/types.js';
export { parseBank, type BankIssue, type ParseResult } from './bank/parse-bank.js';
export { buildBank, slugFromFile, type BankSource } from './bank/build-bank.js';
export { loadBanks, readBankSource, formatIssues } from './bank/read-banks.js';
export { createLookup, DEFAULT_LOOKUP_OPTIONS, type Hit, type Lookup, type LookupOptions, type LookupResult } from './search/lookup.js';
export { Catalogue } from './bank/catalogue.js';
export { lintQuiz, type QuizLintReport } from './bank/lint/lint-quiz.js';
export { formatQuizLint } from './bank/lint/format-lint.js';
export { ALLOWABLE_RULES, type AllowableRule, type LintAllowance, type LintFinding, type LintRule } from './bank/lint/lint-rules.js';
export { LINT_THRESHOLDS } from './bank/lint/item-checks.js';
export { createBot, type Bot, type BotOptions } from './create-bot.js';
export type { Actor, ChannelRef, ChatPort, IncomingAction, IncomingCommand, Platform } from './chat-port.js';
export { silentLogger, type Logger } from './logger.js';
export { buttonsOf, type ActionReply, type Block, type Button, type Message, type OutgoingMessage } from './messages/model.js';
export { parseCommand, USAGE, type Command, type ParseResult as CommandParseResult } from './commands/parse-command.js';
export { openSqliteStore, createSqliteStore } from './store/sqlite/store.js';
export { openStore } from './store/open-store.js';
export { copySqliteToPostgres } from './store/copy-to-postgres.js';
export { openDatabase } from './store/sqlite/open-database.js';
export { migrate, readMigrations, schemaVersion, MIGRATIONS_DIR, type Migration } from './store/sqlite/migrate.js';
export type * from './store/ports/index.js';
export { parseConfig, loadConfig, CONFIG_EXAMPLES, type Config, type ConfigProblem, type DatabaseConfig, type DiscordConfig, type SlackConfig } from './config/config.js';
export type { TickReport } from './schedule/run-tick.js';
export { seededRandom, type Random } from './quiz/random.js';
export { parseSchedule, type ScheduleSpec } from './schedule/parse-schedule.js';
export { nextFire } from './schedule/next-fire.js';
export { POINTS, pointsFor, periodKey, scoreKeys } from './quiz/scoring.js';
export { noTelemetry, type Telemetry } from './telemetry.js';
export { gapReport, gapsReply, GAP_WINDOW_MS, type GapReport } from './commands/gaps.js';
export { exportCsv, type ExportKind } from './reports/exports.js';
export { toCsv } from './reports/csv.js';
export { quoteUserText } from './messages/safe-text.js';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './commands/rate-limit.js';
