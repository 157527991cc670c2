/**
 * Discord HTTP interactions benchmark: the round trip of a signed `/mesh ask` through
 * meshbot's endpoint (body read, Ed25519 verification, mapping, the core's lookup and its
 * SQLite log, rendering, the JSON response) against a signed PING through the same
 * endpoint (read and verify only), over loopback with a keep-alive connection,
 * interleaved one request at a time. Bodies are signed before timing starts; the time is
 * the client's, from sending the request to the end of the response.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createDiscordHttpAdapter } from '../adapters/discord-http/index.js';
import { serveRoutes } from '../adapters/http/serve-routes.js';
import { systemClock } from '../adapters/system-clock.js';
import { createBot, loadBanks, openSqliteStore, silentLogger, type Bot } from '../src/index.js';
import { startDiscordStandin } from '../test/discord/standin/discord-standin.js';
import { slashCommand, type Where } from '../test/discord/standin/interactions.js';
import { postInteraction, signatureHeaders, signingKeys } from '../test/discord/standin/signed-interaction.js';
import { percentile, round, type Figure } from './figure.js';

const TOKEN = 'bench.http.token';
const APPLICATION_ID = '1098765432109876543';
const WARMUP = 300;
const MEASURED = 2_000;

const member = (i: number): Where => ({ applicationId: APPLICATION_ID, guildId: '200000000000000001', channelId: '300000000000000001', user: { id: String(400000000000000000n + BigInt(i % 50)), username: `user${i % 50}` } });

export async function benchDiscordHttp(): Promise<Figure[]> {
  const standin = await startDiscordStandin({ tokens: [TOKEN], applicationId: APPLICATION_ID, guilds: [] });
  const keys = signingKeys();
  const store = openSqliteStore(':memory:', Date.now());
  let bot: Bot | null = null;
  const adapter = createDiscordHttpAdapter({
    config: { token: TOKEN, applicationId: APPLICATION_ID, apiUrl: standin.apiUrl, publicKey: keys.publicKeyHex },
    bot: () => bot!,
    logger: silentLogger,
    clock: systemClock,
    adminUserIds: [],
  });
  // No per-person budget: the bench asks far faster than people do.
  bot = createBot({ banks: loadBanks('data/banks'), store, clock: systemClock, chat: adapter.chat, rateLimits: { lookupsPerMinute: 0 } });
  const server = await serveRoutes(adapter.routes, 0, '127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `http://127.0.0.1:${server.port}/discord/interactions`;
  try {
    await adapter.start();
    const now = Math.floor(Date.now() / 1000);
    const signed = (payload: unknown) => {
      const body = JSON.stringify(payload);
      return { body, headers: signatureHeaders(keys.privateKey, body, now) };
    };
    const ping = signed({ type: 1, id: '1325100000000000100', application_id: APPLICATION_ID, token: 'ping', version: 1 });
    const asks = Array.from({ length: WARMUP + MEASURED }, (_, i) => signed(slashCommand(member(i), 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }])));
    const time = async (request: { body: string; headers: Record<string, string> }, expectType: number): Promise<number> => {
      const started = performance.now();
      const reply = await postInteraction(url, request.body, request.headers, { agent });
      const ms = performance.now() - started;
      if (reply.json?.type !== expectType) throw new Error(`bench: expected response type ${expectType}, got ${reply.status} ${reply.text.slice(0, 200)}`);
      return ms;
    };
    const askTimes: number[] = [];
    const pingTimes: number[] = [];
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      // Alternate which goes first, so neither always runs on a just-warmed path.
      let askMs: number;
      let pingMs: number;
      if (i % 2 === 0) {
        askMs = await time(asks[i]!, 4);
        pingMs = await time(ping, 1);
      } else {
        pingMs = await time(ping, 1);
        askMs = await time(asks[i]!, 4);
      }
      if (i >= WARMUP) {
        askTimes.push(askMs);
        pingTimes.push(pingMs);
      }
    }
    const p50 = { ask: percentile(askTimes, 50), ping: percentile(pingTimes, 50) };
    return [
      { name: 'discord_http.ask_p50', value: round(p50.ask), unit: 'ms' },
      { name: 'discord_http.ask_p99', value: round(percentile(askTimes, 99)), unit: 'ms' },
      { name: 'discord_http.ping_p50', value: round(p50.ping), unit: 'ms' },
      { name: 'discord_http.ping_p99', value: round(percentile(pingTimes, 99)), unit: 'ms' },
      { name: 'discord_http.ask_over_ping_p50', value: round(p50.ask / p50.ping), unit: 'x' },
    ];
  } finally {
    agent.destroy();
    await adapter.stop();
    await server.close(1_000);
    await standin.close();
    await store.close();
  }
}
