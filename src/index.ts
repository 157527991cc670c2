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
