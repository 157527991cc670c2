/**
 * Start-up against the stand-in when something is wrong: every failure is one clear
 * BotError from start(), never an unhandled rejection or a hang.
 */
import { describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { BotError, silentLogger } from '../../src/index.js';
import { afterTest, APPLICATION_ID, GUILD_ID, startStandin, TOKEN, useDiscordRig } from './harness.js';
import { startDiscordStandin } from './standin/discord-standin.js';

useDiscordRig();

function adapterFor(apiUrl: string, token = TOKEN) {
  const adapter = createDiscordAdapter({
    config: { token, applicationId: APPLICATION_ID, apiUrl },
    bot: () => {
      throw new Error('no interactions expected');
    },
    logger: silentLogger,
    adminUserIds: [],
    readyTimeoutMs: 400,
  });
  afterTest(() => adapter.stop());
  return adapter;
}

async function startError(adapter: ReturnType<typeof adapterFor>): Promise<BotError> {
  const error = await adapter.start().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BotError);
  return error as BotError;
}

describe('Discord adapter start-up failures', () => {
  it('fails start with chat.auth_failed naming DISCORD_TOKEN when the token is refused', async () => {
    const standin = await startStandin();

    const error = await startError(adapterFor(standin.apiUrl, 'not-the-token'));

    expect(error.code).toBe('chat.auth_failed');
    expect(error.message).toContain('DISCORD_TOKEN');
  });

  it('fails start with chat.connect_failed when the API cannot be reached', async () => {
    const error = await startError(adapterFor('http://127.0.0.1:9/api'));

    expect(error.code).toBe('chat.connect_failed');
    expect(error.message).toContain('cannot reach');
  });

  it('fails start with chat.connect_failed when the gateway never answers', async () => {
    const standin = await startDiscordStandin({ tokens: [TOKEN], applicationId: APPLICATION_ID, guilds: [{ id: GUILD_ID, name: 'x', channels: [] }], gatewayUrl: 'ws://127.0.0.1:9/gateway' });
    afterTest(() => standin.close());
    const adapter = adapterFor(standin.apiUrl);

    const error = await startError(adapter);

    expect(error.code).toBe('chat.connect_failed');
    expect(error.message).toContain('ws://127.0.0.1:9/gateway');
    expect(adapter.isConnected()).toBe(false);
  });
});
