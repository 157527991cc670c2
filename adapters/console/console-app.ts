import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { ManualClock, type Bot, type Clock, type Config } from '../../src/index.js';
import { openCore } from '../open-core.js';
import { systemClock } from '../system-clock.js';
import { createConsoleChat } from './console-chat.js';
import { ConsoleSession } from './console-session.js';
import { runScript, type ScriptError } from './run-script.js';
import { chartsDirFor, imageSaver } from './save-images.js';
import { Transcript, type ConsoleMessage, type Printer } from './transcript.js';

/** Prints messages as one JSON object per line (the scripted console's contract). */
export const jsonPrinter =
  (write: (line: string) => void): Printer =>
  (m: ConsoleMessage) =>
    write(JSON.stringify({ id: m.id, channel: m.channel, visibleTo: m.visibleTo, text: m.text, buttons: m.buttons.map((b) => b.label) }));

/** Prints messages as readable text with numbered buttons. */
export const textPrinter =
  (write: (line: string) => void): Printer =>
  (m: ConsoleMessage) => {
    const who = m.visibleTo ? `only visible to ${m.visibleTo}` : `#${m.channel}`;
    const buttons = m.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('  ');
    write(`\n[${m.id}] meshbot (${who}):\n${m.text}${buttons ? `\n${buttons}` : ''}\n`);
  };

async function build(config: Config, clock: Clock, printer: Printer) {
  const transcript = new Transcript(printer, imageSaver(chartsDirFor(config.databasePath)));
  const { bot, store } = await openCore(config, { clock, chat: createConsoleChat(transcript) });
  transcript.useIds(async () => `m${await store.sequences.next('console-message')}`);
  await transcript.useStore(store.consoleTranscript);
  const session = new ConsoleSession(bot, transcript, config.adminUserIds);
  return { bot, store, session };
}

/**
 * Moves a script's clock to `toMs`, stopping at each time work falls due (a round to
 * open or close) and running the tick there, in order, as the real per-minute tick would.
 */
export async function advanceClock(bot: Bot, clock: ManualClock, toMs: number): Promise<void> {
  for (let guard = 0; guard < 100_000; guard++) {
    const due = await bot.nextJobAt();
    if (due === null || due > toMs) break;
    if (due > clock.now().getTime()) clock.set(new Date(due));
    const before = await bot.nextJobAt();
    await bot.tick();
    // Work that stays due (a platform that keeps failing) waits for the next minute.
    if ((await bot.nextJobAt()) === before && before !== null && before <= clock.now().getTime()) {
      const nextMinute = clock.now().getTime() + 60_000;
      if (nextMinute > toMs) break;
      clock.set(new Date(nextMinute));
    }
  }
  clock.set(new Date(toMs));
  await bot.tick();
}

/** Runs a script on the configured database; resolves with the lines that failed. */
export async function runConsoleScript(config: Config, script: string, printer: Printer): Promise<ScriptError[]> {
  const clock = new ManualClock(new Date());
  const { bot, store, session } = await build(config, clock, printer);
  try {
    return await runScript(script, session, clock, {
      advanceTo: (toMs) => advanceClock(bot, clock, toMs),
    });
  } finally {
    await store.close();
  }
}

/** The interactive console: a prompt where you are one user in one channel. */
export async function runInteractiveConsole(config: Config, input: NodeJS.ReadableStream, write: (line: string) => void): Promise<void> {
  const { bot, store, session } = await build(config, systemClock, textPrinter(write));
  let user = localUserName();
  session.makeAdmin(user);
  const banks = bot.catalogue.banks;
  write(`meshbot console: ${banks.length} bank(s) from ${config.banksDir} (${banks.map((b) => `${b.slug}: ${b.entries.length} questions`).join(', ')}), database ${store.location}`);
  write(`You are ${user} (admin) in #${session.channel}. Try: /${bot.commandName} ask circuit breaking | /${bot.commandName} help | click N | :user NAME | :channel NAME | :quit`);
  const rl = createInterface({ input, terminal: false });
  const prompt = (): void => write(`${user}@#${session.channel}> `);
  prompt();
  // The daily quiz runs here too: tick now (catching up) and then twice a minute, on the real clock.
  const tick = (): void => {
    bot.tick().catch((error: unknown) => write(`! scheduled work failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  tick();
  const ticker = setInterval(tick, 30_000);
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === ':quit' || line === ':q') break;
      if (line !== '') {
        const directive = /^:(user|channel|admin)\s+([\w.-]{1,80})$/.exec(line);
        if (directive) {
          if (directive[1] === 'user') user = directive[2]!;
          else if (directive[1] === 'channel') session.channel = directive[2]!;
          else session.makeAdmin(directive[2]!);
        } else {
          const text = /^\d+$/.test(line) ? `click ${line}` : line.startsWith('/') || /^click\s/i.test(line) ? line : `/${bot.commandName} ${line}`;
          const outcome = await session.say(user, text);
          if (!outcome.ok) write(`! ${outcome.error}`);
        }
      }
      prompt();
    }
  } finally {
    clearInterval(ticker);
    rl.close();
    await bot.idle();
    await store.close();
  }
}

function localUserName(): string {
  try {
    const name = userInfo().username;
    return /^[\w.-]{1,80}$/.test(name) ? name : 'you';
  } catch {
    return 'you';
  }
}
