import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/index.js';
import { click, command, testBot, textOf } from '../helpers/fixtures.js';
import { RecordingLogger } from '../helpers/recorders.js';

describe('/mesh ask', () => {
  it('answers circuit breaking privately with Q7, a preview and next steps', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('ask circuit breaking'));
    expect(reply!.visibility).toBe('ephemeral');
    expect(textOf(reply!)).toMatch(/^Q7 · Retries, timeouts, circuit breaking/);
    const labels = buttonsOf(reply!).map((b) => b.label);
    expect(labels).toContain('Show full answer');
    expect(labels).toContain('Share in channel');
    expect(labels.filter((l) => /^Q\d+:/.test(l)).length).toBeGreaterThanOrEqual(1);
  });

  it('says plainly when nothing in the bank answers', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('ask kafka partition rebalancing'));
    expect(reply!.failure).toBe('ask.no_match');
    expect(textOf(reply!)).toMatch(/No good match for "kafka partition rebalancing"/);
  });

  it('logs every lookup, answered or not, for gap reports', async () => {
    const { bot, store, clock } = testBot();
    await bot.handleCommand(command('ask mtls'));
    await bot.handleCommand(command('ask react hooks'));
    clock.advance(60_000);
    await bot.handleCommand(command('ask React Hooks'));
    await bot.idle();
    expect((await store.lookups.count())).toEqual({ total: 3, answered: 1 });
    expect((await store.lookups.gaps(0, 10))).toEqual([expect.objectContaining({ query: 'react hooks', count: 2 })]);
  });

  it('shows the full answer, tables included, when "Show full answer" is clicked', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('ask ambient ebpf sidecar'));
    const more = buttonsOf(reply!).find((b) => b.label === 'Show full answer')!;
    const result = await bot.handleAction(click(more.actionId, more.value));
    expect(result.replace!.blocks.some((b) => b.type === 'table')).toBe(true);
    expect(buttonsOf(result.replace!).map((b) => b.label)).not.toContain('Show full answer');
  });

  it('shares an entry to the whole channel, naming who shared it', async () => {
    const { bot } = testBot();
    const result = await bot.handleAction(click('ask.share', 'mesh-q7', { userName: 'alice' }));
    expect(result.messages[0]!.visibility).toBe('channel');
    expect(textOf(result.messages[0]!)).toMatch(/Shared by alice/);
  });

  it('answers a stale button with a coded reply, not an error', async () => {
    const { bot } = testBot();
    const result = await bot.handleAction(click('ask.more', 'mesh-q99'));
    expect(result.messages[0]!.failure).toBe('entry.not_found');
    const unknown = await bot.handleAction(click('nope', 'x'));
    expect(unknown.messages[0]!.failure).toBe('action.unknown');
  });
});

describe('other commands', () => {
  it('lists topics with every question', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('topics'));
    expect(textOf(reply!)).toMatch(/Q14 {2}Rolling out a mesh to a live fleet/);
  });

  it('answers an unknown command with usage', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('dance'));
    expect(reply!.failure).toBe('command.unknown');
    expect(textOf(reply!)).toMatch(/\/mesh ask <words>/);
  });

  it('refuses admin commands to others', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('post'));
    expect(reply!.failure).toBe('command.admin_only');
  });

  it('turns an unexpected failure into an apology with a code', async () => {
    const { bot, store } = testBot();
    await store.close();
    const [reply] = await bot.handleCommand(command('leaderboard'));
    expect(reply!.failure).toBe('internal');
    expect(reply!.text).toMatch(/something went wrong/i);
  });

  it('GIVEN the lookup log cannot be written THEN the answer still goes out, and the failure is logged after it', async () => {
    const logger = new RecordingLogger();
    const { bot, store } = testBot({ logger });
    await store.close();
    const [reply] = await bot.handleCommand(command('ask mtls'));
    expect(reply!.failure).toBeUndefined();
    expect(reply!.text).toMatch(/^Q5/);
    await bot.idle();
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'bookkeeping after a reply failed', fields: expect.objectContaining({ work: 'lookup log' }) }));
  });
});
