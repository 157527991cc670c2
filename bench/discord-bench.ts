/**
 * Discord benchmark: interaction-to-callback time through meshbot (discord.js client,
 * mapping, the core's lookup and its SQLite log, rendering) against a bare discord.js
 * client that answers the same interaction with the same, pre-rendered reply. Both run
 * in this process against one loopback stand-in, interleaved one interaction at a time,
 * so both see the same machine state; the ratio is the cost of meshbot's own path.
 * Time is measured at the stand-in: from sending INTERACTION_CREATE to receiving the
 * callback POST.
 */
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createBot, loadBanks, ManualClock, openSqliteStore, silentLogger, type Bot } from '../src/index.js';
import { startDiscordStandin, type DiscordStandin } from '../test/discord/standin/discord-standin.js';
import { slashCommand, type Where } from '../test/discord/standin/interactions.js';
import { percentile, round, type Figure } from './figure.js';

const OURS = 'bench.meshbot.token';
const BARE = 'bench.bare.token';
const APPLICATION_ID = '1098765432109876543';
const GUILD_ID = '200000000000000001';
const CHANNEL_ID = '300000000000000001';
const WARMUP = 300;
const MEASURED = 2_000;
const QUERY = 'circuit breaking';

const member: Where = { applicationId: APPLICATION_ID, guildId: GUILD_ID, channelId: CHANNEL_ID, user: { id: '400000000000000001', username: 'alice' } };
const askInteraction = () => slashCommand(member, 'mesh', 'ask', [{ name: 'query', type: 3, value: QUERY }]);

/** One interaction through the client logged in with `token`: ms from dispatch to callback. */
async function timeOne(standin: DiscordStandin, token: string): Promise<number> {
  const started = performance.now();
  await standin.interact(askInteraction(), { token });
  return performance.now() - started;
}

/** A bare discord.js client that answers every interaction with `reply`. */
async function startBare(standin: DiscordStandin, reply: InteractionReplyOptions): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.reply(reply).catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(BARE);
  await ready;
  return client;
}

export async function benchDiscord(): Promise<Figure[]> {
  const standin = await startDiscordStandin({
    tokens: [OURS, BARE],
    applicationId: APPLICATION_ID,
    guilds: [{ id: GUILD_ID, name: 'Bench', channels: [{ id: CHANNEL_ID, name: 'bench' }] }],
  });
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const store = openSqliteStore(':memory:', clock.now().getTime());
  let bot: Bot | null = null;
  const adapter = createDiscordAdapter({ config: { token: OURS, applicationId: APPLICATION_ID, apiUrl: standin.apiUrl }, bot: () => bot!, logger: silentLogger, adminUserIds: [] });
  // Limits off: the bench asks thousands of times as one person, which production would rate-limit.
  bot = createBot({ banks: loadBanks('data/banks'), store, clock, chat: adapter.chat, rateLimits: { lookupsPerMinute: 0, answersPerMinute: 0 } });
  let bare: Client | null = null;
  try {
    await adapter.start();
    // The bare client sends exactly what meshbot sends for this query, so only the path differs.
    const sample = await standin.interact(askInteraction(), { token: OURS });
    const data = sample.body.data;
    bare = await startBare(standin, { embeds: data.embeds, components: data.components, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });

    const ours: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      // Alternate which goes first, so neither always runs on a just-warmed path.
      const order = i % 2 === 0 ? ([OURS, BARE] as const) : ([BARE, OURS] as const);
      for (const token of order) {
        const ms = await timeOne(standin, token);
        if (i >= WARMUP) (token === OURS ? ours : plain).push(ms);
      }
    }
    const p50 = { ours: percentile(ours, 50), bare: percentile(plain, 50) };
    const p99 = { ours: percentile(ours, 99), bare: percentile(plain, 99) };
    return [
      { name: 'discord.callback.ours_p50', value: round(p50.ours), unit: 'ms' },
      { name: 'discord.callback.ours_p99', value: round(p99.ours), unit: 'ms' },
      { name: 'discord.callback.bare_p50', value: round(p50.bare), unit: 'ms' },
      { name: 'discord.callback.bare_p99', value: round(p99.bare), unit: 'ms' },
      { name: 'discord.callback.ours_over_bare_p50', value: round(p50.ours / p50.bare), unit: 'x' },
      { name: 'discord.callback.ours_over_bare_p99', value: round(p99.ours / p99.bare), unit: 'x' },
    ];
  } finally {
    await bare?.destroy();
    await adapter.stop();
    await standin.close();
    await store.close();
  }
}
