import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { scanBanksAsync, type BankScan, type Logger, type ReloadReport } from '../../src/index.js';

/** What the watcher needs of the core: a way to hand it what a scan found. */
export interface ReloadTarget {
  reloadBanks(scan: BankScan): Promise<ReloadReport>;
}

export interface WatchOptions {
  dir: string;
  bot: ReloadTarget;
  logger: Logger;
  /** Follow file events (inotify and the like). */
  watch: boolean;
  /** Also rescan this often (ms; 0: never), for edits file events miss. */
  rescanMs: number;
  /** Quiet time after the last event before reloading: an editor's save is several events. */
  debounceMs?: number;
  /** Longest wait after the first event, however many keep coming: a file rewritten in a loop still reloads. */
  maxDelayMs?: number;
  /** Told after each reload (metrics). */
  onReload?: (report: ReloadReport | null, error?: unknown) => void;
}

export interface BankWatcher {
  /** Resolves once no reload is running or waiting (tests and shutdown). */
  settled(): Promise<void>;
  /** Stops watching; a reload in flight finishes. */
  stop(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_DELAY_MS = 2_000;

/**
 * Follows BANKS_DIR in the composition root (docs/design.md, "Curriculum"): file events
 * and a periodic rescan (which compares names, sizes and modification times only, so it
 * costs a directory listing) trigger a debounced reload. Reloads never overlap: events
 * during one leave at most one more reload queued, so a burst of saves costs two reloads
 * at most. The core validates and swaps; this only decides when to scan.
 */
export function watchBanks(options: WatchOptions): BankWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const { dir, logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let firstEventAt: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let signature = folderSignature(dir);
  let watcher: FSWatcher | null = null;

  const reload = async (): Promise<void> => {
    // Taken before the scan: an edit landing during the scan changes it, and the next rescan catches it.
    signature = folderSignature(dir);
    const started = performance.now();
    try {
      const report = await options.bot.reloadBanks(await scanBanksAsync(dir));
      for (const p of report.newProblems) {
        logger.error({ file: p.file, line: p.line, reason: p.message, keptFile: p.keptFile }, p.keptFile ? 'bank file failed validation; its previous version stays live' : 'bank file failed validation; it is not loaded');
      }
      if (report.swapped) {
        logger.info({ version: report.version, added: report.added, changed: report.changed, removed: report.removed, ms: Math.round(performance.now() - started) }, 'banks reloaded');
      }
      options.onReload?.(report);
    } catch (error) {
      logger.error({ err: error }, 'reloading the banks failed; the loaded banks stay live');
      options.onReload?.(null, error);
    }
  };

  const run = (): void => {
    timer = null;
    firstEventAt = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = reload().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        run();
      }
    });
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = performance.now();
    firstEventAt ??= now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstEventAt + maxDelayMs - now));
    timer = setTimeout(run, wait);
    timer.unref();
  };

  const startWatching = (): void => {
    if (!options.watch || watcher || stopped) return;
    try {
      watcher = watch(dir, { persistent: false }, () => schedule());
      watcher.on('error', (error) => {
        // The folder went away or was replaced: rescans carry on and watch it again once it is back.
        logger.warn({ err: error, dir }, 'watching the banks folder failed; rescanning instead');
        watcher?.close();
        watcher = null;
      });
    } catch (error) {
      logger.warn({ err: error, dir }, 'cannot watch the banks folder; rescanning instead');
    }
  };
  startWatching();

  const rescan = options.rescanMs > 0
    ? setInterval(() => {
        startWatching();
        if (folderSignature(dir) !== signature) schedule();
      }, options.rescanMs)
    : null;
  rescan?.unref();

  const settled = async (): Promise<void> => {
    for (let i = 0; i < 100 && (running || timer); i++) {
      if (running) await running;
      else await new Promise((resolve) => setTimeout(resolve, debounceMs));
    }
  };

  return {
    settled,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (rescan) clearInterval(rescan);
      watcher?.close();
      await running;
    },
  };
}

/**
 * Names, sizes and modification times of the bank files (and their companions), as one
 * string: a cheap way to notice an edit without reading any file.
 */
export function folderSignature(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt') || f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const s = statSync(join(dir, f));
        return `${f}:${s.size}:${s.mtimeMs}`;
      })
      .join('|');
  } catch {
    return '(unreadable)';
  }
}
