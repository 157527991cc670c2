/**
 * The command-line entry: `npm run --silent cli -- <subcommand>`.
 *   ask [--json] [query...]          look up a query (no query: one per line from stdin)
 *   console [--script FILE|-] [--json]  the console chat, interactive or scripted
 *   banks check [path]               validate a bank file (or every bank), list its entries, lint its quiz items
 *   backup FILE                      online copy of the live database
 *   export scores|progress [--format csv] [--out FILE]   CSV for onboarding leads
 *   gaps [--json]                    lookups the bank could not answer, and answers voted unhelpful
 *   discord register [--guild ID]    register the slash commands with Discord
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { existsSync, writeFileSync } from 'node:fs';
import {
  BotError,
  buildBank,
  Catalogue,
  createLookup,
  exportCsv,
  formatIssues,
  formatQuizLint,
  gapReport,
  lintQuiz,
  loadBanks,
  openStore,
  readBankSource,
  type Bank,
  type Config,
  type Lookup,
  type Store,
} from '../src/index.js';
import { jsonPrinter, runConsoleScript, runInteractiveConsole, textPrinter } from './console/console-app.js';
import { discordCli } from './discord/index.js';
import { configFromEnvironment } from './load-config.js';

const USAGE = `usage: npm run --silent cli -- <command>
  ask [--json] [query...]             look up a query; with no query, one per line from stdin
  console [--script FILE|-] [--json]  the console chat (FILE - reads the script from stdin)
  banks check [path]                  validate a bank file (default: every bank in BANKS_DIR) and lint its quiz items
  backup FILE                         online copy of the live database (safe while the bot runs)
  export scores|progress [--format csv] [--out FILE]   CSV for onboarding leads (default: stdout)
  gaps [--json]                       most frequent lookups with no answer, and unhelpful answers
  discord register [--guild ID]       register /mesh (and /mesh-admin) with Discord; discord commands prints them`;

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask':
      return ask(rest);
    case 'console':
      return consoleCommand(rest);
    case 'banks':
      return banks(rest);
    case 'backup':
      return backup(rest);
    case 'export':
      return exportCommand(rest);
    case 'gaps':
      return gaps(rest);
    case 'discord':
      return discordCli(rest, configFromEnvironment());
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

function askJson(lookup: Lookup, query: string): string {
  const result = lookup.search(query);
  return JSON.stringify({
    query,
    answered: result.answered,
    hits: result.hits.map((h) => ({ id: h.entry.id, number: h.entry.number, question: h.entry.question, score: Math.round(h.score * 1000) / 1000 })),
  });
}

function askText(lookup: Lookup, query: string): string {
  const result = lookup.search(query);
  const top = result.hits[0];
  if (!result.answered || !top) {
    const closest = result.hits.slice(0, 3).map((h) => `Q${h.entry.number} ${h.entry.title}`);
    return `No good match for "${query}".${closest.length ? ` Closest: ${closest.join('; ')}` : ''}`;
  }
  return `Q${top.entry.number}: ${top.entry.question}\n${top.entry.answerText}`;
}

async function ask(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const words = args.filter((a) => a !== '--json');
  const config = configFromEnvironment();
  const lookup = createLookup(loadBanks(config.banksDir));
  const answer = (q: string): string => (json ? askJson(lookup, q) : askText(lookup, q));
  if (words.length > 0) {
    out(answer(words.join(' ')));
    return 0;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  for await (const line of rl) {
    if (line.trim() === '') continue;
    lines.push(answer(line.trim()));
    if (lines.length >= 256) out(lines.splice(0).join('\n'));
  }
  if (lines.length > 0) out(lines.join('\n'));
  return 0;
}

async function consoleCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const scriptIndex = args.indexOf('--script');
  const config = configFromEnvironment();
  if (scriptIndex < 0) {
    await runInteractiveConsole(config, process.stdin, out);
    return 0;
  }
  const file = args[scriptIndex + 1];
  if (!file) {
    process.stderr.write('console --script needs a file (or - for stdin)\n');
    return 2;
  }
  const script = readFileSync(file === '-' ? 0 : file, 'utf8');
  const errors = await runConsoleScript(config, script, json ? jsonPrinter(out) : textPrinter(out));
  for (const e of errors) process.stderr.write(`script line ${e.line}: ${e.error}: ${e.text}\n`);
  return errors.length > 0 ? 1 : 0;
}

/**
 * `banks check [path]`: parse a bank (or every bank), list its entries, and lint its quiz
 * items. Exits 1 on a malformed bank or a lint error; giveaway warnings do not fail it.
 */
function banks(args: string[]): number {
  const [sub, path] = args;
  if (sub !== 'check') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let checked: Bank[];
  if (path) {
    const result = buildBank(readBankSource(path));
    if (!result.ok) {
      process.stderr.write(`${formatIssues(result.issues)}\n`);
      return 1;
    }
    checked = [result.bank];
  } else {
    checked = loadBanks(configFromEnvironment().banksDir);
  }
  let errors = 0;
  for (const bank of checked) {
    printBank(bank);
    const report = lintQuiz(bank);
    for (const line of formatQuizLint(report)) out(line);
    errors += report.errors;
  }
  return errors > 0 ? 1 : 0;
}

function withStore<T>(config: Config, fn: (store: Store) => T): T {
  const store = openStore(config.databasePath, Date.now());
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

async function backup(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write('backup needs a destination file: npm run --silent cli -- backup var/backup.db\n');
    return 2;
  }
  if (existsSync(file)) {
    process.stderr.write(`backup: ${file} already exists; choose a new file name\n`);
    return 1;
  }
  const config = configFromEnvironment();
  const store = openStore(config.databasePath, Date.now());
  try {
    await store.backup(file);
  } finally {
    store.close();
  }
  out(`backed up ${config.databasePath} to ${file}`);
  return 0;
}

function exportCommand(args: string[]): number {
  const [kind] = args;
  const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'csv';
  const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  if ((kind !== 'scores' && kind !== 'progress') || format !== 'csv' || (args.includes('--out') && !outFile)) {
    process.stderr.write('usage: export scores|progress [--format csv] [--out FILE]\n');
    return 2;
  }
  const config = configFromEnvironment();
  const catalogue = new Catalogue(loadBanks(config.banksDir));
  const csv = withStore(config, (store) => exportCsv(kind, store.reports, catalogue));
  if (outFile) writeFileSync(outFile, csv);
  else process.stdout.write(csv);
  return 0;
}

function gaps(args: string[]): number {
  const config = configFromEnvironment();
  const catalogue = new Catalogue(loadBanks(config.banksDir));
  const report = withStore(config, (store) => gapReport(store.lookups, Date.now()));
  if (args.includes('--json')) {
    out(JSON.stringify(report));
    return 0;
  }
  const title = (id: string | null): string => (id ? (catalogue.entry(id)?.title ?? id) : '-');
  out(`Lookups with no good answer since ${new Date(report.sinceMs).toISOString()}:`);
  if (report.unanswered.length === 0) out('  none');
  for (const g of report.unanswered) out(`  ${String(g.count).padStart(4)}  ${g.query}   (closest: ${title(g.closestEntryId)})`);
  out('Answers voted not helpful:');
  if (report.unhelpful.length === 0) out('  none');
  for (const u of report.unhelpful) out(`  ${String(u.votes).padStart(4)}  ${u.query} -> ${title(u.entryId)}`);
  return 0;
}

function printBank(bank: Bank): void {
  out(`${bank.file}: "${bank.title}" (slug ${bank.slug}), ${bank.entries.length} entries, ${bank.quizItems.length} quiz items`);
  for (const e of bank.entries) {
    const tables = e.answer.filter((b) => b.kind === 'table').length;
    out(`  ${e.id}  ${e.title}${e.tier ? ` [${e.tier}]` : ''}${tables ? ` (${tables} table${tables > 1 ? 's' : ''})` : ''}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BotError) process.stderr.write(`meshbot: ${error.message}\n`);
    else process.stderr.write(`meshbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
