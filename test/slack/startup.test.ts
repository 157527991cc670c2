/**
 * Start-up: the token is verified before anything listens, and every way it can fail
 * ends in a BotError that says what to fix, never in an unhandled rejection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BotError, silentLogger } from '../../src/index.js';
import { createSlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { instantTiming } from './helpers/gated-timing.js';
import { failOnUnhandledRejection } from './helpers/guards.js';
import { startHarness, type Harness } from './helpers/slack-harness.js';
import { SIGNING_SECRET } from './helpers/signed-request.js';
import { APP_TOKEN } from './helpers/socket-standin.js';

failOnUnhandledRejection();

let harness: Harness | null = null;
let blocker: Server | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  if (blocker) await new Promise((resolve) => blocker!.close(resolve));
  blocker = null;
});

async function startupError(start: () => Promise<unknown>): Promise<BotError> {
  const error = await start().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BotError);
  return error as BotError;
}

describe('Slack adapter start-up', () => {
  it('stops with chat.auth_failed naming SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    const error = await startupError(() => startHarness({ prepare: (s) => s.script('auth.test', { body: { ok: false, error: 'invalid_auth' } }) }));

    expect(error.code).toBe('chat.auth_failed');
    expect(error.message).toContain('SLACK_BOT_TOKEN (invalid_auth)');
  });

  it('stops with chat.connect_failed naming SLACK_API_URL when Slack cannot be reached', async () => {
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: 'http://127.0.0.1:1/api/' },
      bot: () => {
        throw new Error('not used');
      },
      logger: silentLogger,
      adminUserIds: [],
      port: 0,
      host: '127.0.0.1',
      timing: instantTiming(),
    });

    const error = await startupError(() => adapter.start());

    expect(error.code).toBe('chat.connect_failed');
    expect(error.message).toContain('SLACK_API_URL');
    expect(adapter.isConnected()).toBe(false);
  });

  it('refuses a token that is not a bot token', async () => {
    const error = await startupError(() => startHarness({ prepare: (s) => s.script('auth.test', { body: { ok: true, user_id: 'U1', team_id: 'T1' } }) }));

    expect(error.code).toBe('config.invalid');
    expect(error.message).toContain('xoxb-');
  });

  it('stops with chat.auth_failed naming SLACK_APP_TOKEN when Socket Mode is refused', async () => {
    const error = await startupError(() =>
      startHarness({ appToken: APP_TOKEN, prepare: (s) => s.handlers.set('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' })) }),
    );

    expect(error.code).toBe('chat.auth_failed');
    expect(error.message).toContain('SLACK_APP_TOKEN');
  });

  it('stops with config.invalid naming PORT when the port is taken', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;

    const error = await startupError(() => startHarness({ port }));

    expect(error.code).toBe('config.invalid');
    expect(error.message).toContain(`port ${port}`);
    expect(error.message).toContain('PORT');
  });

  it('stops listening on stop(), and a second stop() is harmless', async () => {
    harness = await startHarness();
    expect(harness.adapter.isConnected()).toBe(true);

    await harness.adapter.stop();
    await harness.adapter.stop();

    expect(harness.adapter.isConnected()).toBe(false);
    await expect(fetch(harness.eventsUrl, { method: 'POST' })).rejects.toThrow();
  });
});
