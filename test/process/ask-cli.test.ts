import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { jsonLines, runCli } from '../helpers/run-cli.js';
import { TINY_QUIZ_Q1_ONLY, tinyBanksDir } from '../helpers/small-banks.js';

interface AskLine {
  query: string;
  answered: boolean;
  hits: { id: string; number: number; question: string; score: number }[];
}

describe('cli ask --json', () => {
  it('prints one object with the contract fields for a query argument', () => {
    const run = runCli(['ask', '--json', 'circuit breaking']);
    expect(run.status).toBe(0);
    const [line] = jsonLines<AskLine>(run.stdout);
    expect(Object.keys(line!)).toEqual(['query', 'answered', 'hits']);
    expect(line!.query).toBe('circuit breaking');
    expect(line!.answered).toBe(true);
    expect(line!.hits[0]).toEqual({ id: 'mesh-q7', number: 7, question: expect.stringMatching(/retries and timeouts/), score: expect.any(Number) });
  });

  it('reads one query per line from stdin and prints one object per line, in order', () => {
    const run = runCli(['ask', '--json'], { input: 'mtls\n\nkafka\nretry budget\n' });
    expect(run.status).toBe(0);
    const lines = jsonLines<AskLine>(run.stdout);
    expect(lines.map((l) => l.query)).toEqual(['mtls', 'kafka', 'retry budget']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, true]);
    expect(lines[0]!.hits[0]!.id).toBe('mesh-q5');
  });

  it('fails start-up naming the variable when configuration is wrong', () => {
    const run = runCli(['ask', '--json', 'mtls'], { env: { BANKS_DIR: '/nonexistent/banks' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/BANKS_DIR/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cli banks check', () => {
  it('lists the seed entries', () => {
    const run = runCli(['banks', 'check', 'data/banks/service-mesh-interview.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/14 entries, 48 quiz items/);
    expect(run.stdout).toContain('  topic "Service Mesh", level "Interview"; next step: Serverless / FaaS — Junior; the topic\'s levels: interview');
    expect(run.stdout).toMatch(/mesh-q4 {2}Sidecar vs ambient\/eBPF \[intermediate\] \(1 table\)/);
  });

  it('lints quiz items: a duplicate choice is an error with file, line and item, and exits 1', () => {
    const dir = tinyBanksDir(TINY_QUIZ_Q1_ONLY.replace('"The writing of release notes"', '"the load of answering pages."'));
    const run = runCli(['banks', 'check', join(dir, 'tiny.txt')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^tiny\.quiz\.yaml:2: tiny-q1-i1: error duplicate-choices: /m);
    expect(run.stdout).toMatch(/^tiny\.quiz\.yaml: 1 error, /m);
  });

  it('lints every bank in BANKS_DIR without a path; warnings alone exit 0', () => {
    const dir = tinyBanksDir(TINY_QUIZ_Q1_ONLY.replace('"The writing of release notes"', '"The pages nobody can ever answer"'));
    const run = runCli(['banks', 'check'], { env: { BANKS_DIR: dir } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/tiny-q1-i1: warning absolute-only-in-wrong: only wrong choices say "nobody"/);
  });

  it('reports a malformed bank with file and line', () => {
    const run = runCli(['banks', 'check', 'test/fixtures/banks-broken/out-of-order.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^out-of-order\.txt:5: questions out of order: expected Q2, found Q3/m);
  });
});
