import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchBanks, type BankWatcher } from '../../adapters/banks/watch-banks.js';
import { loadLibrary, scanBanks, type ReloadReport } from '../../src/index.js';
import { curriculumDir } from '../helpers/curriculum-banks.js';
import { testBot, type TestBot } from '../helpers/fixtures.js';
import { RecordingLogger } from '../helpers/recorders.js';

const watchers: BankWatcher[] = [];
afterEach(async () => {
  for (const w of watchers.splice(0)) await w.stop();
});

async function until(what: string, limitMs: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

async function setUp(options: { watch: boolean; rescanMs: number }): Promise<{ t: TestBot; dir: string; reports: ReloadReport[]; logger: RecordingLogger }> {
  const dir = curriculumDir(['ops-senior'], false);
  const t = testBot({ library: (await loadLibrary(scanBanks(dir))).library });
  const reports: ReloadReport[] = [];
  const logger = new RecordingLogger();
  watchers.push(watchBanks({ dir, bot: t.bot, logger, ...options, debounceMs: 100, maxDelayMs: 500, onReload: (r) => r && reports.push(r) }));
  return { t, dir, reports, logger };
}

const answerOf = (t: TestBot, id: string): string => t.bot.catalogue.entry(id)?.answerText ?? '';

function edit(dir: string, change: (text: string) => string): void {
  const path = join(dir, 'ops-senior.txt');
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('following the banks folder', () => {
  it('GIVEN file events WHEN an answer is edited THEN the new answer is live within a second', async () => {
    const { t, dir } = await setUp({ watch: true, rescanMs: 0 });
    edit(dir, (text) => text.replace('lose a zone', 'lose a region'));
    const ms = await until('the edit to go live', 5_000, () => answerOf(t, 'ops-senior-q2').includes('lose a region'));
    expect(ms).toBeLessThan(1_000);
  });

  it('GIVEN a burst of saves THEN they are reloaded a few times at most, and the last one wins', async () => {
    const { t, dir, reports } = await setUp({ watch: true, rescanMs: 0 });
    for (let i = 1; i <= 30; i++) {
      edit(dir, (text) => text.replace(/lose a (zone|\w+ \d+)/, `lose a zone ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until('the last save to go live', 5_000, () => answerOf(t, 'ops-senior-q2').includes('lose a zone 30'));
    await watchers[0]!.settled();
    expect(reports.filter((r) => r.swapped).length).toBeLessThanOrEqual(3);
  });

  it('GIVEN no file events WHEN the folder changes THEN the rescan picks the edit up', async () => {
    const { t, dir } = await setUp({ watch: false, rescanMs: 200 });
    edit(dir, (text) => text.replace('lose a zone', 'lose a region'));
    await until('the rescan to load the edit', 5_000, () => answerOf(t, 'ops-senior-q2').includes('lose a region'));
  });

  it('GIVEN a broken save THEN the error is logged once with file, line and reason, and the previous version stays', async () => {
    const { t, dir, reports, logger } = await setUp({ watch: true, rescanMs: 100 });
    edit(dir, (text) => text.replace('Q2: How do you plan capacity for a service?¶', 'Q2: How do you plan capacity for a service?'));
    await until('the broken save to be checked', 5_000, () => reports.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([
      { level: 'error', message: 'bank file failed validation; its previous version stays live', fields: { file: 'ops-senior.txt', line: 8, reason: 'expected the heading "Q2: ..." to end in "¶"', keptFile: 'ops-senior.txt' } },
    ]);
    expect(answerOf(t, 'ops-senior-q2')).toContain('lose a zone');
  });
});
