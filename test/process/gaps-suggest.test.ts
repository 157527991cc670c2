import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLookup, loadBanks } from '../../src/index.js';
import { tempDir, testBot } from '../helpers/fixtures.js';
import { voteDownAndOpen } from '../helpers/learning.js';
import { runCli } from '../helpers/run-cli.js';

const PARAPHRASE = 'how do pods authenticate to each other';

/** A database where three people showed Q5 for the paraphrase (now, as the CLI's clock sees it). */
async function databaseWithPicks(): Promise<string> {
  const path = join(tempDir(), 'bot.db');
  const t = testBot({ path, start: new Date().toISOString() });
  for (const name of ['ana', 'ben', 'chen']) await voteDownAndOpen(t.bot, name, PARAPHRASE, 'mesh-q5');
  await t.bot.idle();
  await t.store.close();
  return path;
}

/** The printed lines under `aliases:`, pasted under `aliases:` in a copy of the shipped banks. */
function pasteIntoCopy(printed: string): string {
  const dir = tempDir();
  for (const file of readdirSync('data/banks')) copyFileSync(join('data/banks', file), join(dir, file));
  const lines = printed.split('\n');
  const pasted = lines.slice(lines.indexOf('aliases:') + 1).join('\n');
  const meta = join(dir, 'service-mesh-interview.meta.yaml');
  writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^aliases:\n/m, `aliases:\n${pasted}\n`));
  return dir;
}

describe('cli gaps with learned phrasings', () => {
  it('GIVEN three people who showed an entry for a paraphrase THEN gaps --suggest prints YAML aliases that, pasted into the bank\'s metadata, make the bank alone answer it', async () => {
    const path = await databaseWithPicks();
    const run = runCli(['gaps', '--suggest'], { env: { DATABASE_PATH: path } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Paste the lines under `aliases:` in service-mesh-interview\.meta\.yaml/);
    expect(parse(run.stdout)).toEqual({ aliases: { 'pods authenticate to each other': ['mTLS and workload identity (SPIFFE)'] } });
    expect(run.stdout).toMatch(/# Q5: shown by 3 people\n {2}pods authenticate/);

    const before = createLookup(loadBanks('data/banks')).search(PARAPHRASE);
    expect(before.hits[0]!.entry.id).not.toBe('mesh-q5');
    // loadBanks validates the metadata against its schema: a bad paste would throw here.
    const after = createLookup(loadBanks(pasteIntoCopy(run.stdout))).search(`So, ${PARAPHRASE}?`);
    expect(after.answered).toBe(true);
    expect(after.hits[0]!.entry.id).toBe('mesh-q5');
  });

  it('GIVEN the same database THEN gaps lists the learned phrasing, and --json carries it', async () => {
    const path = await databaseWithPicks();
    const text = runCli(['gaps'], { env: { DATABASE_PATH: path } });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/ {3}3 {2}how do pods authenticate to each other -> mTLS and workload identity \(SPIFFE\)/);
    const json = runCli(['gaps', '--json'], { env: { DATABASE_PATH: path } });
    expect(JSON.parse(json.stdout)).toMatchObject({ learned: [{ entryId: 'mesh-q5', text: PARAPHRASE, people: 3 }] });
  });

  it('GIVEN no learned phrasings THEN gaps --suggest says so as a YAML comment', async () => {
    const run = runCli(['gaps', '--suggest'], { env: { DATABASE_PATH: join(tempDir(), 'empty.db') } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# No learned phrasings to suggest/);
    expect(parse(run.stdout)).toBeNull();
  });
});
