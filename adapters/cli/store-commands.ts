import { existsSync, writeFileSync } from 'node:fs';
import { aliasSuggestions, aliasSuggestionsYaml, Catalogue, copySqliteToPostgres, createLookup, exportCsv, gapReport, loadBanks, loadLearned, openStore, type Config, type Store } from '../../src/index.js';
import { configFromEnvironment } from '../load-config.js';
import { parseCommandArgs, type CliIo } from './cli-io.js';

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.database, { nowMs: Date.now() });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `backup FILE`: an online copy of the live SQLite database; PostgreSQL has pg_dump. */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {}, true, io);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.err('backup needs one destination file: npm run --silent cli -- backup var/backup.db');
    return 2;
  }
  if (existsSync(file)) {
    io.err(`backup: ${file} already exists; choose a new file name`);
    return 1;
  }
  const config = configFromEnvironment();
  if (config.database.kind === 'postgres') {
    io.err('backup: the store is PostgreSQL (DATABASE_URL); back it up with its own tools, e.g. pg_dump --format=custom --file=meshbot.dump "$DATABASE_URL" (see docs/operations.md)');
    return 2;
  }
  const location = await withStore(config, async (store) => {
    await store.backup?.(file);
    return store.location;
  });
  io.out(`backed up ${location} to ${file}`);
  return 0;
}

/** `export scores|progress [--format csv] [--out FILE]`. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'csv' }, out: { type: 'string' } }, true, io);
  const kind = parsed?.positionals[0];
  if (!parsed || (kind !== 'scores' && kind !== 'progress') || parsed.positionals.length > 1 || parsed.values.format !== 'csv') {
    io.err('usage: export scores|progress [--format csv] [--out FILE]');
    return 2;
  }
  const config = configFromEnvironment();
  const catalogue = new Catalogue(loadBanks(config.banksDir));
  const csv = await withStore(config, (store) => exportCsv(kind, store.reports, catalogue));
  if (parsed.values.out) writeFileSync(parsed.values.out, csv);
  else process.stdout.write(csv);
  return 0;
}

/**
 * `gaps [--json] [--suggest]`: lookups with no good answer, answers voted unhelpful, and
 * phrasings people taught the lookup; `--suggest` prints those as YAML aliases to paste
 * into each bank's metadata file.
 */
export async function gapsCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' }, suggest: { type: 'boolean' } }, false, io);
  if (!parsed) return 2;
  const config = configFromEnvironment();
  const banks = loadBanks(config.banksDir);
  const catalogue = new Catalogue(banks);
  const lookup = createLookup(banks);
  const nowMs = Date.now();
  const report = await withStore(config, async (store) => {
    await loadLearned({ lookup: () => lookup, lookupEvidence: store.lookupEvidence }, nowMs);
    return gapReport({ lookups: store.lookups, lookup }, nowMs);
  });
  if (parsed.values.suggest) {
    io.out(aliasSuggestionsYaml(aliasSuggestions(lookup.learnedPhrasings(), catalogue), catalogue).trimEnd());
    return 0;
  }
  if (parsed.values.json) {
    io.out(JSON.stringify(report));
    return 0;
  }
  const title = (id: string | null): string => (id ? (catalogue.entry(id)?.title ?? id) : '-');
  io.out(`Lookups with no good answer since ${new Date(report.sinceMs).toISOString()}:`);
  if (report.unanswered.length === 0) io.out('  none');
  for (const g of report.unanswered) io.out(`  ${String(g.count).padStart(4)}  ${g.query}   (closest: ${title(g.closestEntryId)})`);
  io.out('Answers voted not helpful:');
  if (report.unhelpful.length === 0) io.out('  none');
  for (const u of report.unhelpful) io.out(`  ${String(u.votes).padStart(4)}  ${u.query} -> ${title(u.entryId)}`);
  io.out('Phrasings people used for an entry the bank words differently (aliases to add: gaps --suggest):');
  if (report.learned.length === 0) io.out('  none');
  for (const p of report.learned) io.out(`  ${String(p.people).padStart(4)}  ${p.text} -> ${title(p.entryId)}`);
  return 0;
}

/** `migrate`: opening the store applies pending migrations (under a lock, with PostgreSQL). */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  if (!parseCommandArgs(args, {}, false, io)) return 2;
  const location = await withStore(configFromEnvironment(), async (store) => store.location);
  io.out(`the database at ${location} is up to date`);
  return 0;
}

/** `migrate-to-postgres`: copies the SQLite file at DATABASE_PATH into the empty PostgreSQL at DATABASE_URL. */
export async function migrateToPostgresCommand(args: string[], io: CliIo): Promise<number> {
  if (!parseCommandArgs(args, {}, false, io)) return 2;
  const config = configFromEnvironment();
  if (config.database.kind !== 'postgres') {
    io.err('migrate-to-postgres: set DATABASE_URL to the (empty) PostgreSQL database to copy into, and DATABASE_PATH to the SQLite file to copy from');
    return 2;
  }
  if (!existsSync(config.databasePath)) {
    io.err(`migrate-to-postgres: no SQLite database at ${config.databasePath} (set DATABASE_PATH)`);
    return 2;
  }
  const counts = await copySqliteToPostgres(config.databasePath, config.database, { nowMs: Date.now() });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  io.out(`copied ${total} rows from ${config.databasePath} to PostgreSQL:`);
  for (const [table, n] of Object.entries(counts)) io.out(`  ${table.padEnd(18)} ${n}`);
  io.out('Point every replica at DATABASE_URL and start them; keep the SQLite file as a backup.');
  return 0;
}
