// The bare library, for comparison in `npm run bench`: a discord.js client that answers
// every interaction with a short private text, and nothing else. Plain JavaScript run by
// node, as meshbot's production build is.
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });
// BARE_REPLY (JSON message data) replaces the short text, to see what a reply's size costs.
const reply = process.env.BARE_REPLY ? JSON.parse(process.env.BARE_REPLY) : { content: 'ok', flags: MessageFlags.Ephemeral };
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isRepliable()) void interaction.reply(reply).catch(() => {});
});
client.once(Events.ClientReady, () => process.stdout.write('ready\n'));
await client.login(process.env.DISCORD_TOKEN);
