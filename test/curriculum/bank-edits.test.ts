import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsOf, loadLibrary, scanBanks, seededRandom } from '../../src/index.js';
import { testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { curriculumDir } from '../helpers/curriculum-banks.js';
import { practise } from '../helpers/practice.js';
import { admin, answerRound, latestUpdate, person, roundPosts, runUntil, say, storedRound, tableRows } from '../helpers/quiz.js';

/** A bot on a banks folder of its own, loaded the way the running bot loads it (so it can reload). */
async function botOn(dir: string, seed = 31): Promise<TestBot> {
  const { library } = await loadLibrary(scanBanks(dir));
  return testBot({ library, random: seededRandom(seed) });
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** ops-senior without its Q3 (and Q3's title and quiz item). */
function removeQ3(dir: string): void {
  edit(dir, 'ops-senior.txt', (t) => t.replace('- Load shedding\n', '').replace(/Q3: What is load shedding\?¶\n[^\n]*\n/, ''));
  edit(dir, 'ops-senior.quiz.yaml', (t) => t.slice(0, t.indexOf('  - question: 3')));
}

describe('editing banks while the bot runs', () => {
  it('GIVEN scores and progress WHEN an answer is edited THEN lookups serve the new answer and nothing people earned changes', async () => {
    const dir = curriculumDir(['ops-senior']);
    const t = await botOn(dir);
    await say(t, 'post', admin('lead'));
    await answerRound(t, roundPosts(t.chat).at(-1)!.message, true, person('alice'));
    await practise(t, 'alice', 2, { bank: 'ops-senior' });
    // What people read (the chart that follows a board is drawn anew each time, so it is left out).
    const read = async (text: string) => {
      const { followUp: _chart, ...reply } = await say(t, text, person('alice'));
      return reply;
    };
    const before = { board: await read('leaderboard'), progress: await read('progress me') };

    edit(dir, 'ops-senior.txt', (text) => text.replace('keep enough headroom to lose a zone', 'keep enough headroom to lose a whole region'));
    const report = await t.bot.reloadBanks(scanBanks(dir));

    expect(report).toMatchObject({ swapped: true, changed: ['ops-senior.txt'], problems: [] });
    expect(textOf(await say(t, 'ask ops-senior q2', person('bob')))).toContain('lose a whole region');
    expect(await read('leaderboard')).toEqual(before.board);
    expect(await read('progress me')).toEqual(before.progress);
  });

  it('GIVEN a broken edit THEN the previous version keeps serving, admins see the file, line and reason, and others only that there is a problem', async () => {
    const dir = curriculumDir(['ops-senior']);
    const t = await botOn(dir);
    edit(dir, 'ops-senior.txt', (text) => text.replace('Q2: How do you plan capacity for a service?¶', 'Q2: How do you plan capacity for a service?'));
    const report = await t.bot.reloadBanks(scanBanks(dir));
    expect(report.swapped).toBe(false);
    expect(report.newProblems).toEqual([expect.objectContaining({ file: 'ops-senior.txt', line: 8 })]);
    expect((await say(t, 'ask ops-senior q2', person('bob'))).text).toMatch(/^ops-senior Q2 · Capacity planning/);
    expect(textOf(await say(t, 'banks', admin('lead')))).toContain('ops-senior.txt:8: expected the heading "Q2: ..." to end in "¶" (the previous version of ops-senior.txt stays live)');
    const member = textOf(await say(t, 'banks', person('bob')));
    expect(member).toContain('1 problem(s) in the bank files: admins see them here.');
    expect(member).not.toContain('ops-senior.txt:8');
  });

  it('GIVEN a question removed from a bank THEN it is never asked again, its history is kept and counted, and it comes back if restored', async () => {
    const dir = curriculumDir(['ops-senior'], false);
    const t = await botOn(dir, 32);
    const practised = await practise(t, 'alice', 3);
    expect(new Set(practised)).toEqual(new Set(['ops-senior-q1', 'ops-senior-q2', 'ops-senior-q3']));
    const original = { txt: readFileSync(join(dir, 'ops-senior.txt'), 'utf8'), quiz: readFileSync(join(dir, 'ops-senior.quiz.yaml'), 'utf8') };

    removeQ3(dir);
    expect((await t.bot.reloadBanks(scanBanks(dir))).problems).toEqual([]);
    for (let i = 0; i < 6; i++) {
      t.clock.advance(9 * 3_600_000);
      await say(t, 'post', admin('lead'));
      expect((await storedRound(t, roundPosts(t.chat).at(-1)!.roundId)).entryId).not.toBe('ops-senior-q3');
    }
    expect(await practise(t, 'bob', 4)).not.toContain('ops-senior-q3');
    const progress = await say(t, 'progress me', person('alice'));
    expect(progress.text).toBe('alice: 2/2 covered, 0 to retry');
    expect(tableRows(progress).map((r) => r[0])).toEqual(['Q1', 'Q2']);
    expect(textOf(progress)).toContain('(and 1 removed question, history kept)');

    writeFileSync(join(dir, 'ops-senior.txt'), original.txt);
    writeFileSync(join(dir, 'ops-senior.quiz.yaml'), original.quiz);
    await t.bot.reloadBanks(scanBanks(dir));
    expect((await say(t, 'progress me', person('alice'))).text).toBe('alice: 3/3 covered, 0 to retry');
  });

  it("GIVEN a question removed from the middle and listed in the metadata's removed THEN the questions after it keep their numbers, ids and history", async () => {
    const dir = curriculumDir(['ops-senior'], false);
    const t = await botOn(dir, 34);
    expect(new Set(await practise(t, 'alice', 3))).toEqual(new Set(['ops-senior-q1', 'ops-senior-q2', 'ops-senior-q3']));

    edit(dir, 'ops-senior.txt', (text) => text.replace('- Capacity planning\n', '').replace(/Q2: How do you plan capacity for a service\?¶\n[^\n]*\n/, ''));
    edit(dir, 'ops-senior.quiz.yaml', (text) => text.replace(/  - question: 2\n(    .*\n)+?(?=  - question: 3)/, ''));
    edit(dir, 'ops-senior.meta.yaml', (text) => `${text}removed: [2]\n`);
    expect((await t.bot.reloadBanks(scanBanks(dir))).problems).toEqual([]);

    expect(t.bot.catalogue.banks[0]!.entries.map((e) => e.id)).toEqual(['ops-senior-q1', 'ops-senior-q3']);
    expect(t.bot.catalogue.entry('ops-senior-q3')?.title).toBe('Load shedding');
    const progress = await say(t, 'progress me', person('alice'));
    expect(progress.text).toBe('alice: 2/2 covered, 0 to retry');
    expect(tableRows(progress)).toEqual([
      ['Q1', 'Error budgets', 'answered correctly'],
      ['Q3', 'Load shedding', 'answered correctly'],
    ]);
    expect(await practise(t, 'bob', 4)).not.toContain('ops-senior-q2');
  });

  it('GIVEN a question removed while its round is open THEN the round still closes and reveals the right choice', async () => {
    const dir = curriculumDir(['ops-senior'], false);
    const t = await botOn(dir, 33);
    let round;
    for (;;) {
      t.clock.advance(9 * 3_600_000);
      await say(t, 'post', admin('lead'));
      round = roundPosts(t.chat).at(-1)!;
      if ((await storedRound(t, round.roundId)).entryId === 'ops-senior-q3') break;
    }
    await answerRound(t, round.message, true, person('alice'));
    removeQ3(dir);
    await t.bot.reloadBanks(scanBanks(dir));
    await runUntil(t, t.clock.now().getTime() + 9 * 3_600_000);
    const reveal = latestUpdate(t.chat, round.messageId)!;
    expect(reveal.text).toBe('Quiz round closed. Answer: Rejects some requests early so accepted ones succeed. 1 answered, 1 right; first right: alice.');
    expect(textOf(reveal)).toContain('This question has since been removed from its bank.');
    expect(buttonsOf(reveal)).toEqual([]);
  });

  it('GIVEN a bank file removed THEN its bank goes, and a channel that used only it is told rounds wait for it', async () => {
    const dir = curriculumDir(['ops-senior']);
    const t = await botOn(dir);
    await say(t, 'banks use ops-senior', admin('lead', 'ops'));
    for (const f of ['ops-senior.txt', 'ops-senior.quiz.yaml', 'ops-senior.meta.yaml']) rmSync(join(dir, f));
    expect((await t.bot.reloadBanks(scanBanks(dir))).removed).toEqual(['ops-senior.txt']);
    expect(t.bot.catalogue.banks.map((b) => b.slug)).toEqual(['mesh']);
    expect((await say(t, 'post', admin('lead', 'ops'))).failure).toBe('quiz.empty_bank');
  });
});
