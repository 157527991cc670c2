import { describe, expect, it } from 'vitest';
import { buildBank, findStep, learningPaths, loadBanks, readTrailer, splitTitle, stepLabel } from '../../src/index.js';
import { curriculumBanks } from '../helpers/curriculum-banks.js';

const SMALL = ['Ops — Junior¶', 'Intro.', '- One', 'Q1: One?¶', 'Answer one.', 'Next step: Ops — Senior', 'In this topic', '- junior', '- senior'].join('\n');

describe('a bank as a step of a learning path', () => {
  it('GIVEN the seed bank THEN its topic and level come from the title, its next step and levels from the trailer', () => {
    const [seed] = loadBanks('data/banks');
    expect(seed).toMatchObject({ topic: 'Service Mesh', level: 'Interview', nextStep: 'Serverless / FaaS — Junior', topicLevels: ['interview'] });
  });

  it('GIVEN titles with and without a level THEN only a dash with spaces around it separates the level', () => {
    expect(splitTitle('Serverless / FaaS — Junior')).toEqual({ topic: 'Serverless / FaaS', level: 'Junior' });
    expect(splitTitle('Site reliability - Senior')).toEqual({ topic: 'Site reliability', level: 'Senior' });
    expect(splitTitle('Follow-up questions')).toEqual({ topic: 'Follow-up questions', level: null });
    expect(splitTitle('Kafka — Streams — Staff')).toEqual({ topic: 'Kafka — Streams', level: 'Staff' });
  });

  it('GIVEN a trailer THEN the levels are the bullets right after "In this topic", and a trailer may have neither part', () => {
    expect(readTrailer(['Next step: Ops — Senior', 'In this topic', '- junior', '- senior', 'Thanks for reading'])).toEqual({ nextStep: 'Ops — Senior', topicLevels: ['junior', 'senior'] });
    expect(readTrailer([])).toEqual({ nextStep: null, topicLevels: [] });
  });

  it('GIVEN metadata with topic, level, next and levels THEN each overrides the bank file, and next: null ends the path', () => {
    const meta = 'slug: ops\ntopic: Operations\nlevel: Beginner\nnext: null\nlevels: [beginner, expert]\n';
    const result = buildBank({ file: 'ops.txt', text: SMALL, meta: { file: 'ops.meta.yaml', text: meta } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.bank).toMatchObject({ topic: 'Operations', level: 'Beginner', nextStep: null, topicLevels: ['beginner', 'expert'] });
    const other = buildBank({ file: 'ops.txt', text: SMALL, meta: { file: 'ops.meta.yaml', text: 'slug: ops\nnext: ops-senior\n' } });
    expect(other.ok && other.bank.nextStep).toBe('ops-senior');
  });

  it('GIVEN a next step written with other dashes, case or spacing, a slug, or topic and level THEN it finds the loaded bank', () => {
    const banks = curriculumBanks();
    expect(findStep('Serverless / FaaS — Junior', banks)?.slug).toBe('serverless-junior');
    expect(findStep('serverless / faas - junior', banks)?.slug).toBe('serverless-junior');
    expect(findStep('ops-senior', banks)?.slug).toBe('ops-senior');
    expect(findStep('Ops Foundations – Senior', banks)?.slug).toBe('ops-senior');
    expect(findStep('Incident Command — Lead', banks)).toBeNull();
  });

  it('GIVEN banks that name each other as next steps THEN each path runs from its first bank to a step not loaded yet', () => {
    const paths = learningPaths(curriculumBanks()).map((p) => p.map(stepLabel));
    expect(paths).toEqual([
      ['Ops Foundations — Junior (ops-junior)', 'Ops Foundations — Senior (ops-senior)', 'Incident Command — Lead (not loaded yet)'],
      ['Service Mesh — Interview (mesh)', 'Serverless / FaaS — Junior (serverless-junior)', 'Serverless / FaaS — Senior (not loaded yet)'],
    ]);
  });

  it('GIVEN two banks that name each other THEN the loop is walked once, not forever', () => {
    const a = buildBank({ file: 'a.txt', text: SMALL.replace('Ops — Junior', 'Loop — A').replace('Ops — Senior', 'Loop — B') });
    const b = buildBank({ file: 'b.txt', text: SMALL.replace('Ops — Junior', 'Loop — B').replace('Ops — Senior', 'Loop — A') });
    if (!a.ok || !b.ok) throw new Error('fixture');
    expect(learningPaths([a.bank, b.bank]).map((p) => p.map(stepLabel))).toEqual([['Loop — A (a)', 'Loop — B (b)']]);
  });
});
