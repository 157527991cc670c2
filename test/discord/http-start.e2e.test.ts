/**
 * How `npm start` wires Discord's modes: the composition root's own startBot and
 * platform factories, from environment variables as main.ts reads them. DISCORD_PUBLIC_KEY
 * turns on HTTP interactions on PORT (beside /readyz, or on Bolt's port in Slack HTTP
 * mode); without it the gateway is used. Start-up refuses a wrong token or application id.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiscordHttpAdapter } from '../../adapters/discord-http/index.js';
import { createLogger } from '../../adapters/observability/create-logger.js';
import { createMetrics } from '../../adapters/observability/metrics.js';
import { platformFactories } from '../../adapters/platform-factories.js';
import type { SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { startBot, type RunningBot } from '../../adapters/start-bot.js';
import { systemClock } from '../../adapters/system-clock.js';
import { BotError, loadConfig, silentLogger } from '../../src/index.js';
import { tempDir } from '../helpers/fixtures.js';
import { SIGNING_SECRET } from '../slack/helpers/signed-request.js';
import { WebApiStandIn } from '../slack/helpers/web-api-standin.js';
import { afterTest, APPLICATION_ID, startStandin, TOKEN, useDiscordRig } from './harness.js';
import { slashCommand } from './standin/interactions.js';
import { postInteraction, signatureHeaders, signingKeys, type SigningKeys } from './standin/signed-interaction.js';

useDiscordRig();

const WHERE = { applicationId: APPLICATION_ID, guildId: '200000000000000001', channelId: '300000000000000001', user: { id: '400000000000000001', username: 'alice' } };

/** startBot as main.ts runs it, from these variables (PORT 0: a free port). */
async function start(env: Record<string, string>): Promise<RunningBot> {
  const config = loadConfig({ DATABASE_PATH: join(tempDir(), 'meshbot.db'), PORT: '0', LOG_LEVEL: 'silent', ...env });
  const running = await startBot(config, { logger: createLogger({ level: 'silent', pretty: false }), clock: systemClock, factories: await platformFactories(config), metrics: createMetrics({ processMetrics: false }) });
  afterTest(() => running.stop('test'));
  return running;
}

/** POSTs a payload signed now, as Discord does. */
function sendSigned(port: number, keys: SigningKeys, payload: unknown) {
  const body = JSON.stringify(payload);
  return postInteraction(`http://127.0.0.1:${port}/discord/interactions`, body, signatureHeaders(keys.privateKey, body, Math.floor(Date.now() / 1000)));
}

const PING = { type: 1, id: '1325100000000000100', application_id: APPLICATION_ID, token: 'ping-token', version: 1 };

describe('npm start with Discord', () => {
  it('serves signed interactions at POST /discord/interactions on PORT when DISCORD_PUBLIC_KEY is set, and opens no gateway', async () => {
    const standin = await startStandin();
    const keys = signingKeys();

    const running = await start({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standin.apiUrl, DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const port = running.httpPort!;
    const pong = await sendSigned(port, keys, PING);
    const ask = await sendSigned(port, keys, slashCommand(WHERE, 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }]));
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);

    expect(pong.json).toEqual({ type: 1 });
    expect(ask.json.data.embeds[0].author.name).toMatch(/^Q7 · /);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { discord: true } });
    expect(standin.rest.filter((r) => r.path === '/api/v10/applications/@me')).toHaveLength(1);
    expect(standin.rest.filter((r) => r.path.endsWith('/gateway/bot'))).toEqual([]);
    expect(standin.gateway.events).toEqual([]);
  });

  it('connects to the gateway when DISCORD_PUBLIC_KEY is not set, and serves no interactions endpoint', async () => {
    const standin = await startStandin();

    const running = await start({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standin.apiUrl });
    const endpoint = await fetch(`http://127.0.0.1:${running.httpPort}/discord/interactions`, { method: 'POST', body: '{}' });

    expect(standin.gateway.events.map((e) => e.type)).toContain('identify');
    expect(endpoint.status).toBe(404);
  });

  it('serves /discord/interactions on the port of Bolt\'s receiver when Slack runs in HTTP mode', async () => {
    const discord = await startStandin();
    const slack = await new WebApiStandIn().start();
    afterTest(() => slack.close());
    const keys = signingKeys();

    const running = await start({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    });
    const boltPort = (running.adapters.find((a) => a.platform === 'slack') as SlackAdapter).listeningPort()!;
    const pong = await sendSigned(boltPort, keys, PING);
    const refused = await postInteraction(`http://127.0.0.1:${boltPort}/discord/interactions`, JSON.stringify(PING), {});

    expect(pong.json).toEqual({ type: 1 });
    expect(refused.status).toBe(401);
  });
});

describe('Discord HTTP interactions start-up', () => {
  function adapterFor(apiUrl: string, options: { token?: string; applicationId?: string } = {}) {
    const adapter = createDiscordHttpAdapter({
      config: { token: options.token ?? TOKEN, applicationId: options.applicationId ?? APPLICATION_ID, apiUrl, publicKey: signingKeys().publicKeyHex },
      bot: () => {
        throw new Error('no interactions expected');
      },
      logger: silentLogger,
      clock: systemClock,
      adminUserIds: [],
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
    expect(adapter.isConnected()).toBe(false);
    return error as BotError;
  }

  it('fails with chat.auth_failed naming DISCORD_TOKEN when REST refuses the token', async () => {
    const standin = await startStandin();

    const error = await startError(adapterFor(standin.apiUrl, { token: 'not-the-token' }));

    expect(error.code).toBe('chat.auth_failed');
    expect(error.message).toContain('DISCORD_TOKEN');
  });

  it('fails with config.invalid naming DISCORD_APPLICATION_ID when the token belongs to another application', async () => {
    const standin = await startStandin();

    const error = await startError(adapterFor(standin.apiUrl, { applicationId: '1098765432100000000' }));

    expect(error.code).toBe('config.invalid');
    expect(error.message).toContain('DISCORD_APPLICATION_ID');
  });

  it('fails with chat.connect_failed when the API cannot be reached', async () => {
    const error = await startError(adapterFor('http://127.0.0.1:9/api'));

    expect(error.code).toBe('chat.connect_failed');
  });

  it('refuses a DISCORD_PUBLIC_KEY that is not an Ed25519 key when the adapter is built', () => {
    expect(() =>
      createDiscordHttpAdapter({ config: { token: TOKEN, applicationId: APPLICATION_ID, publicKey: 'zz'.repeat(32) }, bot: () => {
        throw new Error('unused');
      }, logger: silentLogger, clock: systemClock, adminUserIds: [] }),
    ).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
