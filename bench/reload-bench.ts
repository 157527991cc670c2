/**
 * Reload benchmark (docs/design.md, "Curriculum"): how long a bank edit takes to go live,
 * and what lookups see meanwhile. A bot runs over a banks folder; one answer of one bank
 * file is edited and the bot is handed a scan, as the watcher does; a client keeps asking
 * every 5 ms throughout. Figures: the reload's total time (read, parse, validate, index,
 * swap), lookups the previous version answered meanwhile, how late they were (a timer
 * that cannot fire while the event loop is held counts as late), and the event loop's
 * longest stall. Two folders: ten banks of fourteen entries (one of them edited), and one
 * 10,000-entry bank. Each runs in a fresh child process, as the lookup bench does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBot, loadBanks, loadLibrary, ManualClock, openSqliteStore, scanBanks, scanBanksAsync, type ChatPort } from '../src/index.js';
import { percentile, round, type Figure } from './figure.js';
import { bankFileText, generateBank, seedVocabulary, sentence } from './generated-banks.js';
import { tempDirectory } from './temp-directory.js';
import { seededRandom } from '../src/index.js';

type Folder = '10x14' | '10k';
const FOLDERS: readonly Folder[] = ['10x14', '10k'];
const ASK_EVERY_MS = 5;

interface Measurement {
  reloadMs: number;
  answeredDuring: number;
  oldVersionAnswers: number;
  lateMs: number[];
  loopStallMaxMs: number;
  version: number;
  rssPeakMb: number;
}

export async function benchReload(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const folder of FOLDERS) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`reload bench (${folder}) failed:\n${child.stderr}`);
    const m = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
    const prefix = `lookup.reload_${folder}`;
    figures.push(
      { name: `${prefix}.total`, value: round(m.reloadMs, 1), unit: 'ms' },
      { name: `${prefix}.lookups_answered_meanwhile`, value: m.answeredDuring, unit: 'lookups' },
      { name: `${prefix}.lookups_by_previous_version`, value: m.oldVersionAnswers, unit: 'lookups' },
      { name: `${prefix}.lookup_lateness_p50`, value: round(percentile(m.lateMs, 50), 2), unit: 'ms' },
      { name: `${prefix}.lookup_lateness_p99`, value: round(percentile(m.lateMs, 99), 2), unit: 'ms' },
      { name: `${prefix}.lookup_lateness_max`, value: round(Math.max(0, ...m.lateMs), 2), unit: 'ms' },
      { name: `${prefix}.event_loop_stall_max`, value: round(m.loopStallMaxMs, 1), unit: 'ms' },
      { name: `${prefix}.rss_peak`, value: round(m.rssPeakMb, 1), unit: 'MB' },
    );
  }
  return figures;
}

const silentChat: ChatPort = {
  post: async () => ({ messageId: 'm' }),
  update: async () => undefined,
  reply: async () => ({ messageId: 'r' }),
};

// ---- inside the child: one folder, one edit, a client asking throughout ----

async function measure(folder: Folder): Promise<Measurement> {
  const seed = loadBanks('data/banks');
  const dir = tempDirectory('meshbot-reload-');
  try {
    const banks = folder === '10k' ? [generateBank(seed, 10_000, 'large')] : Array.from({ length: 10 }, (_, i) => generateBank(seed, 14, `small${i + 1}`, 100 + i));
    for (const bank of banks) writeFileSync(join(dir.path, bank.file), bankFileText(bank));
    const edited = join(dir.path, banks[0]!.file);
    const { library } = await loadLibrary(scanBanks(dir.path));
    const store = openSqliteStore(':memory:');
    const bot = createBot({ library, store, clock: new ManualClock(new Date()), chat: silentChat });
    const words = seedVocabulary(seed);
    const next = seededRandom(9);
    const queries = Array.from({ length: 200 }, () => sentence(words, next, 1, 3));

    // Warm up first (the process's first lookups load word lists and compile): the figures are about the reload.
    for (const q of queries) bot.lookup.search(q);
    const text = readFileSync(edited, 'utf8');
    writeFileSync(edited, text.replace(/^(Q1: .*¶\n)(.*)$/m, '$1$2 Edited.'));
    const loop = monitorEventLoopDelay({ resolution: 1 });
    let rssPeak = process.memoryUsage().rss;
    const lateMs: number[] = [];
    let oldVersionAnswers = 0;
    let reloading = true;
    const client = (async () => {
      for (let i = 0; reloading; i++) {
        const planned = performance.now() + ASK_EVERY_MS;
        await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
        // A lookup due while the reload ran counts, even if the reload held the loop until it was over.
        if (bot.library().version === 1) oldVersionAnswers++;
        bot.lookup.search(queries[i % queries.length]!);
        lateMs.push(Math.max(0, performance.now() - planned));
        if (i % 50 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
    })();
    loop.enable();
    const started = performance.now();
    // As the watcher does: the files are read off the event loop, then handed to the core.
    const report = await bot.reloadBanks(await scanBanksAsync(dir.path));
    const reloadMs = performance.now() - started;
    reloading = false;
    loop.disable();
    await client;
    if (!report.swapped || !bot.catalogue.entry(`${banks[0]!.slug}-q1`)?.answerText.endsWith('Edited.')) throw new Error('the edit did not go live');
    await store.close();
    return { reloadMs, answeredDuring: lateMs.length, oldVersionAnswers, lateMs, loopStallMaxMs: loop.max / 1e6, version: report.version, rssPeakMb: rssPeak / 2 ** 20 };
  } finally {
    dir.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] as Folder;
  console.log(JSON.stringify(await measure(folder)));
}
