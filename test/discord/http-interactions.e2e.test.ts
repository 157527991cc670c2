/**
 * Discord over HTTP interactions, end to end over loopback: signed requests into the real
 * server's `POST /discord/interactions`, through the real Ed25519 verification, the real
 * core on SQLite, and discord.js's REST client against the stand-in for everything sent
 * after the HTTP response (round posts, deferred edits).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/index.js';
import { APPLICATION_ID, CHANNEL_ID, TOKEN, useDiscordRig } from './harness.js';
import { startHttpRig, type HttpRig } from './http-harness.js';
import { autocomplete, buttonClick, slashCommand } from './standin/interactions.js';

useDiscordRig();

const EPHEMERAL = 64;
const fixture = (name: string): string => readFileSync(`test/fixtures/discord/${name}`, 'utf8');
const ROUND_POSTS = (r: { method: string; path: string }): boolean => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`;

/** A bot whose commands (or clicks) wait until `open()` is called. */
function gated(what: 'commands' | 'clicks'): { wrap: (bot: Bot) => Bot; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    wrap: (bot) => ({
      ...bot,
      ...(what === 'commands' ? { handleCommand: async (input) => (await gate, bot.handleCommand(input)) } : {}),
      ...(what === 'clicks' ? { handleAction: async (input) => (await gate, bot.handleAction(input)) } : {}),
    }),
  };
}

/** A channel manager sets a daily 10:00 UTC quiz; the clock reaches 10:00; the tick posts the round through REST. */
async function openScheduledRound(rig: HttpRig) {
  const lead = rig.member('400000000000000009', 'lead', { manager: true });
  const set = await rig.send(slashCommand(lead, 'mesh-admin', 'schedule', [{ name: 'time', type: 3, value: '10:00' }, { name: 'zone', type: 3, value: 'UTC' }, { name: 'days', type: 3, value: 'daily' }]));
  expect(set.json.type).toBe(4);
  rig.clock.set(new Date('2026-12-01T10:00:00Z'));
  expect((await rig.bot.tick()).opened).toBe(1);
  const post = rig.standin.rest.filter(ROUND_POSTS).at(-1)!;
  const buttons: { custom_id: string }[] = post.body.components.flatMap((row: any) => row.components);
  const roundId = Number(buttons[0]!.custom_id.split('|')[1]!.split(':')[0]);
  const round = await rig.store.rounds.get(roundId);
  return { post, buttons, roundId, message: rig.standin.rest.messages.get(round!.messageId!) };
}

describe('Discord HTTP interactions end to end', () => {
  it('answers a signed PING with PONG, so Discord accepts the endpoint URL', async () => {
    const rig = await startHttpRig();

    const reply = await rig.send(fixture('ping.json'));

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ type: 1 });
  });

  it('answers a signed /mesh ask in the HTTP response: a private message (type 4, flags 64) showing Q7, nothing sent through REST', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();

    const reply = await rig.send(fixture('slash-ask.json'));

    expect(reply.status).toBe(200);
    expect(reply.json.type).toBe(4);
    expect(reply.json.data.flags).toBe(EPHEMERAL);
    expect(reply.json.data.embeds[0].author.name).toMatch(/^Q7 · /);
    expect(reply.json.data.embeds[0].title).toBe(rig.bot.catalogue.entry('mesh-q7')?.question);
    expect(reply.json.data.allowed_mentions).toEqual({ parse: [] });
    expect(reply.json.data.components.flatMap((row: any) => row.components.map((b: any) => b.label))).toContain('Share in channel');
    await rig.bot.idle();
    expect((await rig.store.lookups.count()).total).toBe(1);
    expect(rig.standin.rest.requests.slice(mark)).toEqual([]);
  });

  it('offers autocomplete choices from the bank (type 8) while the query is typed', async () => {
    const rig = await startHttpRig();

    const reply = await rig.send(autocomplete(rig.member('400000000000000001', 'alice'), 'mesh', 'ask', 'query', 'circ'));

    expect(reply.json.type).toBe(8);
    expect(reply.json.data.choices[0]).toEqual({ name: expect.stringMatching(/^Q7 · /), value: 'mesh-q7' });
    expect(reply.json.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('posts a scheduled round to the channel through discord.js REST with the bot token', async () => {
    const rig = await startHttpRig();

    const { post, buttons, roundId } = await openScheduledRound(rig);

    expect(post.authorization).toBe(`Bot ${TOKEN}`);
    expect(post.body.embeds[0].author.name).toBe('Quiz round');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(buttons.map((b) => b.custom_id)).toEqual([0, 1, 2, 3].map((i) => `quiz.answer|${roundId}:${i}`));
  });

  it('records a round click and confirms it privately in the HTTP response', async () => {
    const rig = await startHttpRig();
    const { buttons, roundId, message } = await openScheduledRound(rig);

    const reply = await rig.send(buttonClick(rig.member('400000000000000002', 'bob'), buttons[1]!.custom_id, message));

    expect(reply.json.type).toBe(4);
    expect(reply.json.data.flags).toBe(EPHEMERAL);
    expect(reply.json.data.embeds[0].description).toContain('Locked in');
    expect((await rig.store.rounds.results(roundId)).answered).toBe(1);
  });

  it('tells a second click that the first answer stands, and records nothing more', async () => {
    const rig = await startHttpRig();
    const { buttons, roundId, message } = await openScheduledRound(rig);
    const bob = rig.member('400000000000000002', 'bob');
    await rig.send(buttonClick(bob, buttons[1]!.custom_id, message));

    const second = await rig.send(buttonClick(bob, buttons[2]!.custom_id, message));

    expect(second.json.type).toBe(4);
    expect(second.json.data.flags).toBe(EPHEMERAL);
    expect(second.json.data.embeds[0].description).toContain('already answered');
    expect((await rig.store.rounds.results(roundId)).answered).toBe(1);
  });

  it('acknowledges a click only once the core has recorded it, even past the deferral deadline', async () => {
    const gate = gated('clicks');
    const rig = await startHttpRig({ deferAfterMs: 50, wrapBot: gate.wrap });
    const { buttons, roundId, message } = await openScheduledRound(rig);
    let answered = false;

    const pending = rig.send(buttonClick(rig.member('400000000000000002', 'bob'), buttons[0]!.custom_id, message)).finally(() => (answered = true));
    // Three times the deferral deadline: the gateway adapter would have acknowledged by now.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(answered).toBe(false);
    expect((await rig.store.rounds.results(roundId)).answered).toBe(0);
    gate.open();
    const reply = await pending;

    expect(reply.json.type).toBe(4);
    expect(reply.json.data.embeds[0].description).toContain('Locked in');
    expect((await rig.store.rounds.results(roundId)).answered).toBe(1);
  });

  it('defers a slow command privately (type 5), then edits the answer into @original through the interaction webhook', async () => {
    const gate = gated('commands');
    const rig = await startHttpRig({ deferAfterMs: 0, wrapBot: gate.wrap });
    const interaction = slashCommand(rig.member('400000000000000001', 'alice'), 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }]);

    const reply = await rig.send(interaction);
    gate.open();
    const edit = await rig.standin.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/%40original`);

    expect(reply.json).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(edit.authorization).toBeUndefined();
    expect(edit.body.embeds[0].author.name).toMatch(/^Q7 · /);
  });

  it('defers /mesh-admin post at once, posts the round through REST, then fills in the deferred reply', async () => {
    const rig = await startHttpRig();
    const interaction = slashCommand(rig.member('400000000000000009', 'lead', { manager: true }), 'mesh-admin', 'post');

    const reply = await rig.send(interaction);
    const edit = await rig.standin.rest.waitFor((r) => r.method === 'PATCH' && r.path.startsWith(`/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/`));

    expect(reply.json).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(rig.standin.rest.filter(ROUND_POSTS)).toHaveLength(1);
    expect(edit.body.embeds[0].description).toBe('Round posted.');
  });

  it('finishes a deferred answer in flight before stop() resolves, and tells newcomers meanwhile that it is restarting', async () => {
    const gate = gated('commands');
    const rig = await startHttpRig({ deferAfterMs: 0, wrapBot: gate.wrap });
    const interaction = slashCommand(rig.member('400000000000000001', 'alice'), 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }]);
    expect((await rig.send(interaction)).json.type).toBe(5);
    let stopped = false;

    const stopping = rig.adapter.stop().then(() => (stopped = true));
    const newcomer = await rig.send(slashCommand(rig.member('400000000000000002', 'bob'), 'mesh', 'help'));
    const pong = await rig.send(readFileSync('test/fixtures/discord/ping.json', 'utf8'));
    expect(stopped).toBe(false);
    gate.open();
    await stopping;

    expect(newcomer.json.data).toMatchObject({ content: expect.stringContaining('restarting'), flags: EPHEMERAL });
    expect(pong.json).toEqual({ type: 1 });
    expect(rig.standin.rest.filter((r) => r.method === 'PATCH' && r.path.includes(interaction.token))).toHaveLength(1);
    expect(rig.adapter.isConnected()).toBe(false);
  });
});
