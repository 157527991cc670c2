import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/index.js';

describe('parseCommand', () => {
  it('reads ask with its words', () => {
    expect(parseCommand('ask circuit  breaking')).toEqual({ ok: true, command: { name: 'ask', query: 'circuit breaking' } });
  });

  it('treats an empty text and "help" as help', () => {
    expect(parseCommand('   ')).toEqual({ ok: true, command: { name: 'help' } });
    expect(parseCommand('HELP')).toEqual({ ok: true, command: { name: 'help' } });
  });

  it('gives usage for ask without words', () => {
    expect(parseCommand('ask')).toMatchObject({ ok: false, code: 'command.usage', command: 'ask' });
  });

  it('reads leaderboard periods and scope, rejecting anything else', () => {
    expect(parseCommand('leaderboard week')).toEqual({ ok: true, command: { name: 'leaderboard', period: 'week', scope: 'channel' } });
    expect(parseCommand('leaderboard month workspace')).toEqual({ ok: true, command: { name: 'leaderboard', period: 'month', scope: 'workspace' } });
    expect(parseCommand('leaderboard')).toEqual({ ok: true, command: { name: 'leaderboard', period: 'all', scope: 'channel' } });
    expect(parseCommand('leaderboard yesterday')).toMatchObject({ ok: false, code: 'command.usage' });
  });

  it('reads a progress target as a Slack mention, a Discord mention or a handle', () => {
    expect(parseCommand('progress <@U123|bob>')).toEqual({ ok: true, command: { name: 'progress', userId: 'U123' } });
    expect(parseCommand('progress <@!42>')).toEqual({ ok: true, command: { name: 'progress', userId: '42' } });
    expect(parseCommand('progress @carol')).toEqual({ ok: true, command: { name: 'progress', userId: 'carol' } });
    expect(parseCommand('progress')).toEqual({ ok: true, command: { name: 'progress', userId: null } });
    expect(parseCommand('progress a b')).toMatchObject({ ok: false, code: 'command.usage' });
  });

  it('names an unknown command word', () => {
    expect(parseCommand('dance now')).toEqual({ ok: false, code: 'command.unknown', word: 'dance' });
  });

  it('rejects arguments to commands that take none', () => {
    expect(parseCommand('review hard')).toMatchObject({ ok: false, code: 'command.usage', command: 'review' });
    expect(parseCommand('topics all')).toMatchObject({ ok: false, code: 'command.usage', command: 'topics' });
  });

  it('GIVEN quiz with one bank slug THEN practice is scoped to it; anything else gets usage', () => {
    expect(parseCommand('quiz')).toEqual({ ok: true, command: { name: 'quiz', bank: null } });
    expect(parseCommand('quiz Serverless-Junior')).toEqual({ ok: true, command: { name: 'quiz', bank: 'serverless-junior' } });
    expect(parseCommand('quiz two banks')).toMatchObject({ ok: false, code: 'command.usage', command: 'quiz' });
    expect(parseCommand('quiz not_a_slug!')).toMatchObject({ ok: false, code: 'command.usage', command: 'quiz' });
  });

  it('GIVEN banks THEN it shows; "banks use" takes slugs split by commas or spaces, or all', () => {
    expect(parseCommand('banks')).toEqual({ ok: true, command: { name: 'banks', use: null } });
    expect(parseCommand('banks use mesh,ops-junior')).toEqual({ ok: true, command: { name: 'banks', use: ['mesh', 'ops-junior'] } });
    expect(parseCommand('banks use mesh, OPS-junior')).toEqual({ ok: true, command: { name: 'banks', use: ['mesh', 'ops-junior'] } });
    expect(parseCommand('banks use mesh ops-junior')).toEqual({ ok: true, command: { name: 'banks', use: ['mesh', 'ops-junior'] } });
    expect(parseCommand('banks use all')).toEqual({ ok: true, command: { name: 'banks', use: 'all' } });
    expect(parseCommand('banks use')).toMatchObject({ ok: false, code: 'command.usage', command: 'banks' });
    expect(parseCommand('banks mesh')).toMatchObject({ ok: false, code: 'command.usage', command: 'banks' });
    expect(parseCommand('banks use mesh;drop')).toMatchObject({ ok: false, code: 'command.usage', command: 'banks' });
  });

  it('passes schedule arguments through for the schedule parser', () => {
    expect(parseCommand('schedule 10:00 Europe/Berlin weekdays')).toEqual({ ok: true, command: { name: 'schedule', args: '10:00 Europe/Berlin weekdays' } });
  });

  it('ignores control characters', () => {
    expect(parseCommand('ask\u0000 retry\u0007storm')).toEqual({ ok: true, command: { name: 'ask', query: 'retry storm' } });
  });
});
