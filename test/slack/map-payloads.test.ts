/**
 * Recorded-shape Slack payloads (test/fixtures/slack) mapped to the core's plain data:
 * what the core sees for each command and click, and how repeats are recognised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/index.js';
import {
  actionFromBlockActions,
  commandFromSlash,
  commandNeedsAdmin,
  type BlockActionsPayload,
  type SlashCommandPayload,
} from '../../adapters/slack/map-payloads.js';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(`test/fixtures/slack/${name}.json`, 'utf8')) as T;
}

const alice = { userName: 'Alice Example', isAdmin: false };

describe('slash command payloads', () => {
  it('maps /mesh ask circuit breaking to the core command, with the resolved name and rights', () => {
    const body = fixture<SlashCommandPayload>('slash-command-ask');

    const command = commandFromSlash(body, alice);

    expect(command).toEqual({
      platform: 'slack',
      workspaceId: 'T02MESHTEAM',
      channelId: 'C05ONBOARD1',
      userId: 'U04ALICE001',
      userName: 'Alice Example',
      isAdmin: false,
      text: 'ask circuit breaking',
      deliveryId: '7301234567891.2083451234567.8c0a1d5b2f7e4a6c9b3d1e0f2a4c6e8b',
    });
    expect(parseCommand(command.text)).toEqual({ ok: true, command: { name: 'ask', query: 'circuit breaking' } });
  });

  it('keeps an escaped mention so the core reads the user id from progress <@U…|name>', () => {
    const command = commandFromSlash(fixture<SlashCommandPayload>('slash-command-progress-mention'), { userName: 'lena', isAdmin: false });

    expect(parseCommand(command.text)).toEqual({ ok: true, command: { name: 'progress', userId: 'U06NEWHIRE1' } });
  });

  it('gives the core the trigger id as the delivery id, so a retried command runs once', () => {
    const command = commandFromSlash(fixture<SlashCommandPayload>('slash-command-ask'), alice);
    expect(command.deliveryId).toBe('7301234567891.2083451234567.8c0a1d5b2f7e4a6c9b3d1e0f2a4c6e8b');
    expect(commandFromSlash(structuredClone(fixture<SlashCommandPayload>('slash-command-ask')), alice).deliveryId).toBe(command.deliveryId);
  });

  it('waits for admin rights only for commands whose answer depends on them', () => {
    expect(commandNeedsAdmin(fixture<SlashCommandPayload>('slash-command-schedule').text)).toBe(true);
    expect(commandNeedsAdmin('post')).toBe(true);
    expect(commandNeedsAdmin('schedule')).toBe(false);
    expect(commandNeedsAdmin(fixture<SlashCommandPayload>('slash-command-ask').text)).toBe(false);
    expect(commandNeedsAdmin('no-such-command')).toBe(false);
  });
});

describe('block_actions payloads', () => {
  it('maps a quiz button click to the core action, with the value untouched and the message ts', () => {
    const action = actionFromBlockActions(fixture<BlockActionsPayload>('block-actions-quiz-answer'), alice);

    expect(action).toEqual({
      platform: 'slack',
      workspaceId: 'T02MESHTEAM',
      channelId: 'C05ONBOARD1',
      userId: 'U04ALICE001',
      userName: 'Alice Example',
      isAdmin: false,
      actionId: 'quiz.answer',
      value: '12:2',
      messageId: '1764583200.004200',
    });
  });

  it('maps a click on an ephemeral message (no message object) using its container', () => {
    const action = actionFromBlockActions(fixture<BlockActionsPayload>('block-actions-ephemeral-share'), alice);

    expect(action).toMatchObject({ actionId: 'ask.share', value: 'mesh-q7', channelId: 'C05ONBOARD1', messageId: '1764583400.000100' });
  });

  it('ignores interactions that are not buttons', () => {
    expect(actionFromBlockActions(fixture<BlockActionsPayload>('block-actions-static-select'), alice)).toBeNull();
  });
});
