import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../src/index.js';
import { click, command, testBot, textOf } from '../helpers/fixtures.js';

describe('gap reports', () => {
  it('list the most frequent unanswered lookups and answers voted not helpful, for admins', async () => {
    const { bot } = testBot();
    for (const who of ['alice', 'bob', 'carol']) await bot.handleCommand(command('ask kafka partition rebalancing', { userId: who, userName: who }));
    await bot.handleCommand(command('ask terraform state'));
    const [answer] = await bot.handleCommand(command('ask retry budget', { userId: 'dave', userName: 'dave' }));
    const notHelpful = buttonsOf(answer!).find((b) => b.label === 'Not helpful')!;
    const vote = await bot.handleAction(click(notHelpful.actionId, notHelpful.value, { userId: 'dave', userName: 'dave' }));
    expect(vote.messages[0]!.text).toMatch(/noted/i);
    // Votes are written after their reply.
    await bot.idle();

    const [report] = await bot.handleCommand(command('gaps', { isAdmin: true }));
    const text = textOf(report!);
    expect(text).toMatch(/kafka partition rebalancing \| 3/);
    expect(text).toMatch(/terraform state \| 1/);
    expect(text).toMatch(/retry budget \| Q7 Retries, timeouts, circuit breaking — and retry storms \| 1/);
    expect(text.indexOf('kafka')).toBeLessThan(text.indexOf('terraform'));
  });

  it('count one vote per person per answer, the latest standing', async () => {
    const { bot, store } = testBot();
    const [answer] = await bot.handleCommand(command('ask canary'));
    const [helpful, notHelpful] = buttonsOf(answer!).filter((b) => b.actionId === 'ask.vote');
    await bot.handleAction(click(notHelpful!.actionId, notHelpful!.value));
    await bot.handleAction(click(notHelpful!.actionId, notHelpful!.value));
    await bot.idle();
    expect((await store.lookups.unhelpful(0, 10))).toEqual([expect.objectContaining({ query: 'canary', votes: 1 })]);
    await bot.handleAction(click(helpful!.actionId, helpful!.value));
    await bot.idle();
    expect((await store.lookups.unhelpful(0, 10))).toEqual([]);
  });

  it('are refused to people who are not admins', async () => {
    const { bot } = testBot();
    const [reply] = await bot.handleCommand(command('gaps'));
    expect(reply!.failure).toBe('command.admin_only');
  });
});

describe('per-person rate limits', () => {
  it('refuse lookups beyond the budget politely, per person, and allow them again a minute later', async () => {
    const { bot, clock } = testBot({ rateLimits: { lookupsPerMinute: 3 } });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push((await bot.handleCommand(command('ask mtls')))[0]!);
    expect(replies.map((r) => r.failure ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'rate.limited']);
    expect(replies[3]!.text).toMatch(/try again in a minute/);
    const [other] = await bot.handleCommand(command('ask mtls', { userId: 'bob', userName: 'bob' }));
    expect(other!.failure).toBeUndefined();
    clock.advance(61_000);
    const [later] = await bot.handleCommand(command('ask mtls'));
    expect(later!.failure).toBeUndefined();
  });

  it('refuse quiz clicks beyond the budget', async () => {
    const { bot } = testBot({ rateLimits: { answersPerMinute: 2 } });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await bot.handleAction(click('practice.next', 'practice'))).messages[0]!.failure ?? 'ok');
    expect(outcomes).toEqual(['ok', 'ok', 'rate.limited']);
  });
});
