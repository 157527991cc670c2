import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { command, testBot, textOf } from '../helpers/fixtures.js';
import { hostileText, MENTION } from './hostile-input.js';

describe('the bot under random and hostile commands', () => {
  it('answers every command with a sane reply, never an internal error, and never echoes a mention', async () => {
    const { bot } = testBot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hostileText.map((t) => `ask ${t}`), hostileText.map((t) => `schedule ${t}`)), async (text) => {
        const replies = await bot.handleCommand(command(text, { isAdmin: true }));
        expect(replies.length).toBeGreaterThan(0);
        for (const reply of replies) {
          expect(reply.failure).not.toBe('internal');
          const shown = `${reply.text}\n${textOf(reply)}`;
          expect(shown).not.toMatch(MENTION);
          expect(shown.length).toBeLessThan(20_000);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers every click with a coded reply for values it never issued', async () => {
    const { bot } = testBot();
    const actions = fc.constantFrom('quiz.answer', 'quiz.recall', 'quiz.grade', 'practice.answer', 'practice.show', 'practice.grade', 'practice.next', 'ask.more', 'ask.open', 'ask.share', 'ask.vote', 'nope');
    await fc.assert(
      fc.asyncProperty(actions, hostileText, async (actionId, value) => {
        const reply = await bot.handleAction({ platform: 'console', workspaceId: 'w', channelId: 'c', userId: 'u', userName: 'u', isAdmin: false, actionId, value });
        for (const m of reply.messages) expect(m.failure).not.toBe('internal');
      }),
      { numRuns: 400 },
    );
  });
});
