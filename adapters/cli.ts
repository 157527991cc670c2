/**
 * The command-line entry: `npm run --silent cli -- <subcommand>`.
 *   ask [--json] [query...]          look up a query (no query: one per line from stdin)
 *   console [--script FILE|-] [--json]  the console chat, interactive or scripted
 *   banks check [path]               validate a bank file (or every bank), list its entries, lint its quiz items
 *   backup FILE                      online copy of the live database
 *   export scores|progress [--format csv] [--out FILE]   CSV for onboarding leads
 *   gaps [--json] [--suggest]        lookups the bank could not answer, answers voted unhelpful, learned phrasings (--suggest: as YAML aliases)
 *   migrate                          bring the database's schema up to date, then exit
 *   migrate-to-postgres              copy the SQLite database (DATABASE_PATH) into PostgreSQL (DATABASE_URL)
 *   discord register [--guild ID]    register the slash commands with Discord
 *   dashboard [--port N] [--workspace platform:id]   serve the onboarding dashboard locally and print a link
 */
import { readFileSync } from 'node:fs';
import { BotError, buildBank, formatIssues, formatQuizLint, lintQuiz, loadBanks, readBankSource, type Bank } from '../src/index.js';
import { askCommand } from './cli/ask-command.js';
import { dashboardCommand } from './cli/dashboard-command.js';
import { parseCommandArgs, processIo } from './cli/cli-io.js';
import { backupCommand, exportCommand, gapsCommand, migrateCommand, migrateToPostgresCommand } from './cli/store-commands.js';
import { jsonPrinter, runConsoleScript, runInteractiveConsole, textPrinter } from './console/console-app.js';
import { configFromEnvironment } from './load-config.js';

const USAGE = `usage: npm run --silent cli -- <command>
  ask [--json] [query...]             look up a query; with no query, one per line from stdin
  console [--script FILE|-] [--json]  the console chat (FILE - reads the script from stdin)
  banks check [path]                  validate a bank file (default: every bank in BANKS_DIR) and lint its quiz items
  backup FILE                         online copy of the live database (safe while the bot runs)
  export scores|progress [--format csv] [--out FILE]   CSV for onboarding leads (default: stdout)
  gaps [--json] [--suggest]           most frequent lookups with no answer, unhelpful answers, and phrasings
                                      people taught the lookup (--suggest: YAML aliases for the bank's .meta.yaml)
  migrate                             bring the database (DATABASE_URL or DATABASE_PATH) up to date, then exit
  migrate-to-postgres                 copy the SQLite database at DATABASE_PATH into the empty PostgreSQL at DATABASE_URL
  discord register [--guild ID]       register /mesh (and /mesh-admin) with Discord; discord commands prints them
  dashboard [--port N] [--host H] [--workspace platform:id]   serve /dashboard on 127.0.0.1 and print a signed link (the console's; default PORT)`;

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask':
      return askCommand(rest, processIo);
    case 'console':
      return consoleCommand(rest);
    case 'banks':
      return banks(rest);
    case 'backup':
      return backupCommand(rest, processIo);
    case 'export':
      return exportCommand(rest, processIo);
    case 'gaps':
      return gapsCommand(rest, processIo);
    case 'migrate-to-postgres':
      return migrateToPostgresCommand(rest, processIo);
    case 'migrate':
      return migrateCommand(rest, processIo);
    case 'dashboard':
      return dashboardCommand(rest, processIo);
    case 'discord':
      // discord.js is loaded only for this command: it is large, and the rest of the CLI never needs it.
      return (await import('./discord/index.js')).discordCli(rest, configFromEnvironment());
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

async function consoleCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' }, script: { type: 'string' } }, false, processIo);
  if (!parsed) return 2;
  const json = parsed.values.json === true;
  const file = parsed.values.script;
  const config = configFromEnvironment();
  if (file === undefined) {
    await runInteractiveConsole(config, process.stdin, out);
    return 0;
  }
  if (file === '') {
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

function printBank(bank: Bank): void {
  out(`${bank.file}: "${bank.title}" (slug ${bank.slug}), ${bank.entries.length} entries, ${bank.quizItems.length} quiz items`);
  // Where the bank sits on its path, as the bot reads it (docs/design.md, "Curriculum").
  const levels = bank.topicLevels.length > 0 ? `; the topic's levels: ${bank.topicLevels.join(', ')}` : '';
  out(`  topic "${bank.topic}", level ${bank.level ? `"${bank.level}"` : 'none'}; next step: ${bank.nextStep ?? 'none'}${levels}`);
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
