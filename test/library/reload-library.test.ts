import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLookup, emptyLibrary, reloadLibrary, type BankScan, type BankSource, type Library } from '../../src/index.js';

const build = async (banks: Parameters<typeof createLookup>[0]) => createLookup(banks);

function source(stem: string): BankSource {
  const dir = 'test/fixtures/curriculum';
  const read = (name: string): { file: string; text: string } | undefined => {
    try {
      return { file: name, text: readFileSync(`${dir}/${name}`, 'utf8') };
    } catch {
      return undefined;
    }
  };
  const s: BankSource = { file: `${stem}.txt`, text: readFileSync(`${dir}/${stem}.txt`, 'utf8') };
  const meta = read(`${stem}.meta.yaml`);
  const quiz = read(`${stem}.quiz.yaml`);
  if (meta) s.meta = meta;
  if (quiz) s.quiz = quiz;
  return s;
}

function scan(...sources: BankSource[]): BankScan {
  return { sources, unreadable: [] };
}

async function start(...sources: BankSource[]): Promise<Library> {
  return (await reloadLibrary(emptyLibrary(), scan(...sources), build)).library;
}

const answerOf = (library: Library, id: string): string | undefined => library.catalogue.entry(id)?.answerText;

describe('reloading the banks', () => {
  it('GIVEN a first scan THEN every valid bank goes live as version 1', async () => {
    const library = await start(source('ops-junior'), source('ops-senior'));
    expect(library.version).toBe(1);
    expect(library.catalogue.banks.map((b) => b.slug)).toEqual(['ops-junior', 'ops-senior']);
    expect(library.lookup.search('error budget').hits[0]?.entry.id).toBe('ops-senior-q1');
  });

  it('GIVEN an unchanged folder THEN nothing is rebuilt: the live catalogue and lookup stay', async () => {
    const first = await start(source('ops-junior'), source('ops-senior'));
    const { library, report } = await reloadLibrary(first, scan(source('ops-junior'), source('ops-senior')), build);
    expect(report.swapped).toBe(false);
    expect(library.catalogue).toBe(first.catalogue);
    expect(library.lookup).toBe(first.lookup);
  });

  it('GIVEN a changed answer THEN a new version serves it while the old version, still held by a reader, serves the old one', async () => {
    const first = await start(source('ops-junior'), source('ops-senior'));
    const edited = source('ops-junior');
    edited.text = edited.text.replace('at 3 a.m.', 'at 4 a.m.');
    const { library, report } = await reloadLibrary(first, scan(edited, source('ops-senior')), build);
    expect(report).toMatchObject({ swapped: true, version: 2, changed: ['ops-junior.txt'], added: [], removed: [], problems: [] });
    expect(answerOf(library, 'ops-junior-q2')).toContain('at 4 a.m.');
    expect(answerOf(first, 'ops-junior-q2')).toContain('at 3 a.m.');
    // The other bank was not rebuilt: the same bank object carries over.
    expect(library.catalogue.bank('ops-senior')).toBe(first.catalogue.bank('ops-senior'));
  });

  it('GIVEN a broken edit THEN the previous version stays live and the problem names the file, line and reason', async () => {
    const first = await start(source('ops-junior'));
    const broken = source('ops-junior');
    broken.text = broken.text.replace('Q2: Why keep runbooks?¶', 'Q2: Why keep runbooks?');
    const { library, report } = await reloadLibrary(first, scan(broken), build);
    expect(report.swapped).toBe(false);
    expect(library.catalogue).toBe(first.catalogue);
    expect(library.problems).toEqual([{ file: 'ops-junior.txt', line: 10, message: expect.stringMatching(/to end in "¶"/), keptFile: 'ops-junior.txt' }]);
    expect(report.newProblems).toHaveLength(1);
    // The same broken file again is no news: nothing new to log.
    const again = await reloadLibrary(library, scan(broken), build);
    expect(again.report.newProblems).toEqual([]);
    expect(again.library.problems).toHaveLength(1);
  });

  it('GIVEN a broken quiz file THEN the whole bank keeps its previous version, and fixing it clears the problem', async () => {
    const first = await start(source('ops-senior'));
    const broken = source('ops-senior');
    broken.quiz!.text = broken.quiz!.text.replace('question: 3', 'question: 9');
    const failed = await reloadLibrary(first, scan(broken), build);
    expect(failed.library.problems).toEqual([expect.objectContaining({ file: 'ops-senior.quiz.yaml', message: expect.stringMatching(/the bank has no Q9/), keptFile: 'ops-senior.txt' })]);
    expect(failed.library.catalogue.item('ops-senior-q3-i1')).toBeDefined();
    const fixed = await reloadLibrary(failed.library, scan(source('ops-senior')), build);
    expect(fixed.library.problems).toEqual([]);
  });

  it('GIVEN a new bank that fails validation THEN it is reported and not live, and the others are untouched', async () => {
    const first = await start(source('ops-junior'));
    const bad: BankSource = { file: 'new.txt', text: 'No pilcrow here\nQ1: x¶\ny' };
    const { library } = await reloadLibrary(first, scan(source('ops-junior'), bad), build);
    expect(library.catalogue.banks.map((b) => b.slug)).toEqual(['ops-junior']);
    expect(library.problems).toEqual([{ file: 'new.txt', line: 1, message: expect.stringMatching(/expected a title line/), keptFile: null }]);
  });

  it('GIVEN an added and a removed bank file THEN the new bank is live and the removed one is gone', async () => {
    const first = await start(source('ops-junior'), source('ops-senior'));
    const { library, report } = await reloadLibrary(first, scan(source('ops-junior'), source('serverless-junior')), build);
    expect(report).toMatchObject({ swapped: true, added: ['serverless-junior.txt'], removed: ['ops-senior.txt'] });
    expect(library.catalogue.banks.map((b) => b.slug)).toEqual(['ops-junior', 'serverless-junior']);
    expect(library.catalogue.entry('ops-senior-q1')).toBeUndefined();
  });

  it('GIVEN a new file with a slug another bank has THEN it is refused with a reason and the first keeps the slug', async () => {
    const first = await start(source('ops-junior'));
    const twin = { ...source('ops-junior'), file: 'twin.txt' };
    const { library } = await reloadLibrary(first, scan(source('ops-junior'), twin), build);
    expect(library.catalogue.banks.map((b) => b.file)).toEqual(['ops-junior.txt']);
    expect(library.problems).toEqual([expect.objectContaining({ file: 'twin.txt', message: expect.stringMatching(/slug "ops-junior" is already used by ops-junior.txt/) })]);
  });

  it('GIVEN a scan that finds no bank at all THEN the loaded banks stay live and the problem says so', async () => {
    const first = await start(source('ops-junior'));
    const { library } = await reloadLibrary(first, { sources: [], unreadable: [{ file: '/gone', line: 0, message: 'cannot read the banks folder' }] }, build);
    expect(library.catalogue).toBe(first.catalogue);
    expect(library.problems.map((p) => p.message)).toEqual(['cannot read the banks folder', expect.stringMatching(/banks already loaded stay live/)]);
  });
});
