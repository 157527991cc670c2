import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBank, loadBanks, parseBank } from '../../src/index.js';

const SEED = readFileSync('data/banks/service-mesh-interview.txt', 'utf8');
const SHARED_SEED = '../shared/seed/service-mesh-interview.txt';

function parsed(text: string) {
  const result = parseBank(text, 'bank.txt');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.bank;
}

function issuesOf(text: string) {
  const result = parseBank(text, 'bank.txt');
  if (result.ok) throw new Error('expected the bank to be rejected');
  return result.issues;
}

const SMALL = ['Tiny bank¶', 'An intro.', '- First', '- Second', 'Q1: One?¶', 'Answer one.', 'Q2: Two?¶', 'Answer two.', 'Next step: more', 'In this topic', '- x'].join('\n');

describe('parsing the seed bank', () => {
  it('ships the seed unchanged', () => {
    let shared: string | null = null;
    try {
      shared = readFileSync(SHARED_SEED, 'utf8');
    } catch {
      // The shared folder exists only beside the development checkout; the copy is what ships.
    }
    if (shared !== null) expect(SEED).toBe(shared);
  });

  it('finds the title, intro and 14 entries in order with their short titles', () => {
    const bank = parsed(SEED);
    expect(bank.title).toBe('Service Mesh — Interview');
    expect(bank.intro).toMatch(/^A tiered Q&A bank/);
    expect(bank.entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(bank.entries[6]!.title).toBe('Retries, timeouts, circuit breaking — and retry storms');
    expect(bank.entries[6]!.question).toBe('The mesh gives me automatic retries and timeouts — what goes wrong?');
  });

  it('keeps both tables as structured rows with the text around them', () => {
    const bank = parsed(SEED);
    const q4 = bank.entries[3]!;
    const table = q4.answer.find((b) => b.kind === 'table');
    expect(table).toEqual(expect.objectContaining({ header: ['Dimension', 'Sidecar (per-pod)', 'Ambient / eBPF'] }));
    expect(table?.kind === 'table' && table.rows).toHaveLength(7);
    expect(q4.answer.at(-1)).toEqual({ kind: 'text', text: expect.stringMatching(/^For a senior answer/) });
    const q11 = bank.entries[10]!.answer.find((b) => b.kind === 'table');
    expect(q11?.kind === 'table' && q11.rows[0]).toEqual(['Traffic direction', 'North-south (ingress)', 'East-west (internal)']);
  });

  it('keeps the trailer out of the last answer', () => {
    const bank = parsed(SEED);
    expect(bank.trailer).toEqual(['Next step: Serverless / FaaS — Junior', 'In this topic', '- interview']);
    const last = bank.entries[13]!.answer.map((b) => (b.kind === 'text' ? b.text : '')).join(' ');
    expect(last).not.toMatch(/Next step|In this topic/);
  });

  it('reads CRLF line endings exactly like LF', () => {
    expect(parsed(SEED.replace(/\n/g, '\r\n'))).toEqual(parsed(SEED));
  });
});

describe('rejecting malformed banks with a line number', () => {
  it('an empty file', () => {
    expect(issuesOf('')).toEqual([{ file: 'bank.txt', line: 1, message: expect.stringMatching(/empty/) }]);
  });

  it('a file with no ¶ at all', () => {
    const issues = issuesOf(SMALL.replace(/¶/g, ''));
    expect(issues[0]).toEqual({ file: 'bank.txt', line: 1, message: expect.stringMatching(/title line ending in "¶"/) });
  });

  it('a question with no answer', () => {
    const text = SMALL.replace('Answer one.\n', '');
    expect(issuesOf(text)).toContainEqual({ file: 'bank.txt', line: 5, message: expect.stringMatching(/Q1 has no answer/) });
  });

  it('a duplicate question number', () => {
    const text = SMALL.replace('Q2: Two?¶', 'Q1: Two?¶');
    expect(issuesOf(text)).toContainEqual({ file: 'bank.txt', line: 7, message: expect.stringMatching(/duplicate Q1 \(first at line 5\)/) });
  });

  it('question numbers out of order', () => {
    const text = SMALL.replace('Q2: Two?¶', 'Q3: Two?¶');
    expect(issuesOf(text)).toContainEqual({ file: 'bank.txt', line: 7, message: 'questions out of order: expected Q2, found Q3' });
  });

  it('GIVEN question numbers listed as removed THEN they are skipped, not expected, and one still in the bank is an error', () => {
    const gap = SMALL.replace('Q2: Two?¶', 'Q3: Two?¶');
    expect(parseBank(gap, 'bank.txt', new Set([2]))).toMatchObject({ ok: true, bank: { entries: [{ number: 1 }, { number: 3 }] } });
    const result = parseBank(SMALL, 'bank.txt', new Set([2]));
    expect(!result.ok && result.issues).toContainEqual({ file: 'bank.txt', line: 7, message: 'Q2 is listed as removed in the metadata: take it out of "removed" or out of the bank' });
  });

  it('a heading without its ¶', () => {
    const text = SMALL.replace('Q2: Two?¶', 'Q2: Two?');
    expect(issuesOf(text)).toContainEqual({ file: 'bank.txt', line: 7, message: expect.stringMatching(/end in "¶"/) });
  });

  it('a title list that does not match the questions', () => {
    const text = SMALL.replace('- Second\n', '');
    expect(issuesOf(text)[0]!.message).toMatch(/1 items but the bank has 2 questions/);
  });

  it('a table row with the wrong number of cells', () => {
    const text = SMALL.replace('Answer two.', 'Answer two.\n| a | b |\n|---|---|\n| 1 | 2 | 3 |');
    expect(issuesOf(text)).toContainEqual({ file: 'bank.txt', line: 11, message: 'expected 2 table cells, found 3' });
  });
});

describe('bank metadata and loading', () => {
  it('gives the seed the slug mesh, stable ids, tiers and aliases', () => {
    const [bank] = loadBanks('data/banks');
    expect(bank!.slug).toBe('mesh');
    expect(bank!.entries[6]!.id).toBe('mesh-q7');
    expect(bank!.entries[13]!.tier).toBe('staff');
    expect(bank!.aliases['mtls']).toContain('mutual tls');
  });

  it('loads a bank without metadata, slugged from its file name', () => {
    const result = buildBank({ file: 'Kafka Basics.txt', text: SMALL });
    expect(result.ok && result.bank.slug).toBe('kafka-basics');
    expect(result.ok && result.bank.entries[1]!.id).toBe('kafka-basics-q2');
  });

  it('reports a metadata field error with its file and line', () => {
    const meta = { file: 'tiny.meta.yaml', text: 'slug: tiny\nquestions:\n  1:\n    tier: wizard\n' };
    const result = buildBank({ file: 'tiny.txt', text: SMALL, meta });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({ file: 'tiny.meta.yaml', line: 4, message: expect.stringMatching(/^questions\.1\.tier: /) });
  });

  it('reports metadata for a question the bank does not have', () => {
    const meta = { file: 'tiny.meta.yaml', text: 'slug: tiny\nquestions:\n  9:\n    tier: staff\n' };
    const result = buildBank({ file: 'tiny.txt', text: SMALL, meta });
    expect(!result.ok && result.issues[0]!.message).toMatch(/no Q9/);
  });
});
