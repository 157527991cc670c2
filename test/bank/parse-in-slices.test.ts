import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBank, parseBank, readBankSource, scanBanks, scanBanksAsync } from '../../src/index.js';
import { buildBankInSlices } from '../../src/bank/build-bank.js';
import { curriculumDir } from '../helpers/curriculum-banks.js';

describe('reading banks without holding up replies', () => {
  it('GIVEN banks parsed in slices THEN the result is the same as parsed at once, and a large one paused on the way', async () => {
    const seed = readBankSource('data/banks/service-mesh-interview.txt');
    expect(await buildBankInSlices(seed, async () => undefined)).toEqual(buildBank(seed));
    const n = 3_000;
    const large = {
      file: 'large.txt',
      text: ['Large — Bank¶', 'Intro.', ...Array.from({ length: n }, (_, i) => [`Q${i + 1}: Question ${i + 1}?¶`, `Answer ${i + 1}.`]).flat()].join('\n'),
    };
    let pauses = 0;
    const sliced = await buildBankInSlices(large, async () => {
      pauses++;
    });
    expect(sliced).toEqual(buildBank(large));
    expect(sliced.ok && sliced.bank.entries).toHaveLength(n);
    expect(pauses).toBe(Math.floor((2 * n) / 2_000));
  });

  it('GIVEN a malformed bank parsed in slices THEN it reports the same issues with the same lines', async () => {
    const text = ['Tiny¶', 'Intro.', 'Q1: One?¶', 'One.', 'Q3: Three?¶', 'Three.'].join('\n');
    const sliced = await buildBankInSlices({ file: 'x.txt', text }, async () => undefined);
    expect(sliced).toEqual({ ok: false, issues: [{ file: 'x.txt', line: 5, message: 'questions out of order: expected Q2, found Q3' }] });
    expect(parseBank(text, 'x.txt')).toEqual(sliced);
  });

  it('GIVEN a banks folder THEN the scan off the event loop reads the same sources as the synchronous one', async () => {
    const dir = curriculumDir();
    expect(readdirSync(dir).length).toBeGreaterThan(4);
    expect(await scanBanksAsync(dir)).toEqual(scanBanks(dir));
    expect(await scanBanksAsync(`${dir}/missing`)).toEqual({ sources: [], unreadable: [expect.objectContaining({ message: expect.stringMatching(/cannot read the banks folder/) })] });
  });
});
