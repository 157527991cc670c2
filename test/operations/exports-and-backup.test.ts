import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalogue, exportCsv, openSqliteStore, toCsv } from '../../src/index.js';
import { command, seed, tempDir, testBot } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

describe('CSV', () => {
  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', async () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['=HYPERLINK("evil")', '@SUM(1)'], [3, true]])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n"\'=HYPERLINK(""evil"")",\'@SUM(1)\r\n3,true\r\n',
    );
  });
});

describe('exports for onboarding leads', () => {
  it('give each person progress per entry with a status', async () => {
    const { bot, store } = testBot();
    const [q] = await bot.handleCommand(command('quiz', { userId: 'newhire', userName: 'Nia' }));
    const first = q!.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []))[0]!;
    await bot.handleAction({ platform: 'console', workspaceId: 'w1', channelId: 'general', userId: 'newhire', userName: 'Nia', isAdmin: false, actionId: first.actionId, value: first.value });
    const csv = await exportCsv('progress', store.reports, new Catalogue(seed()));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('platform,workspace,user_id,name,entry_id,question,status,attempts,last_attempt_utc');
    expect(lines[1]).toMatch(/^console,w1,newhire,Nia,mesh-q\d+,.+,(correct|missed),1,2026-12-01T08:00:00.000Z$/);
  });
});

describe('cli backup and export', () => {
  it('copies the live database to a new file that opens with the same data', async () => {
    const dir = tempDir();
    const db = join(dir, 'live.db');
    const { bot, store } = testBot({ path: db });
    await bot.handleCommand(command('ask kafka'));
    await bot.idle();
    const run = runCli(['backup', join(dir, 'copy.db')], { env: { DATABASE_PATH: db } });
    await store.close();
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'copy.db'))).toBe(true);
    const copy = openSqliteStore(join(dir, 'copy.db'));
    expect((await copy.lookups.count()).total).toBe(1);
    await copy.close();
  });

  it('refuses to overwrite an existing backup file', async () => {
    const dir = tempDir();
    const db = join(dir, 'live.db');
    await openSqliteStore(db).close();
    const run = runCli(['backup', db], { env: { DATABASE_PATH: db } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/already exists/);
  });

  it('prints scores as CSV with a header', async () => {
    const dir = tempDir();
    const run = runCli(['export', 'scores', '--format', 'csv'], { env: { DATABASE_PATH: join(dir, 'x.db') } });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('platform,workspace,channel,user_id,name,points,correct,answered\r\n');
  });
});
