/**
 * Recorded-shape interaction payloads mapped to the core's commands and actions, read
 * both ways meshbot receives them: replayed through discord.js's own INTERACTION_CREATE
 * handling (gateway), and as the raw JSON the interactions endpoint is sent (HTTP). The
 * same expectations hold for both, so the two modes cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { Client, Events, GatewayIntentBits, type APIInteraction, type Interaction } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { viewOfGatewayInteraction } from '../../adapters/discord/gateway-view.js';
import { viewOfApiInteraction, type InteractionView } from '../../adapters/discord/interaction-view.js';
import { mapInteraction, type DiscordRequest, type MappingContext } from '../../adapters/discord/map-interaction.js';

const GUILD = '811234567890123456';
const CHANNEL = '822345678901234567';
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
afterAll(() => client.destroy());

function payloadOf(fixture: string): APIInteraction {
  return JSON.parse(readFileSync(`test/fixtures/discord/${fixture}`, 'utf8')) as APIInteraction;
}

/** Builds the discord.js interaction for a fixture the way a gateway dispatch does (no network). */
function interactionFrom(fixture: string): Interaction {
  const payload = payloadOf(fixture);
  let built: Interaction | undefined;
  const capture = (i: Interaction): void => void (built = i);
  client.once(Events.InteractionCreate, capture);
  // discord.js's INTERACTION_CREATE action: the code path a gateway dispatch takes.
  (client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }).actions.InteractionCreate.handle(payload);
  client.off(Events.InteractionCreate, capture);
  if (!built) throw new Error(`${fixture}: discord.js emitted no interaction`);
  return built;
}

const READERS: [string, (fixture: string) => InteractionView][] = [
  ['a gateway interaction (discord.js)', (fixture) => viewOfGatewayInteraction(interactionFrom(fixture))],
  ['an interactions endpoint request (raw API JSON)', (fixture) => viewOfApiInteraction(payloadOf(fixture))],
];

describe.each(READERS)('mapping %s to core commands', (_mode, read) => {
  const map = (fixture: string, context: Partial<MappingContext> = {}): DiscordRequest =>
    mapInteraction(read(fixture), { commandName: 'mesh', adminUserIds: new Set(), ...context });

  it('GIVEN /mesh ask THEN the core gets `ask <query>` from the member, under their server nickname', () => {
    expect(map('slash-ask.json')).toEqual({
      kind: 'command',
      slow: false,
      command: {
        platform: 'discord',
        workspaceId: GUILD,
        channelId: CHANNEL,
        userId: '433210987654321098',
        userName: 'Ali (SRE)',
        isAdmin: false,
        text: 'ask circuit breaking',
      },
    });
  });

  it('GIVEN leaderboard choices THEN they become `leaderboard week workspace`', () => {
    expect(map('slash-leaderboard-week-server.json')).toMatchObject({ kind: 'command', command: { text: 'leaderboard week workspace', userName: 'Alice' } });
  });

  it('GIVEN a user option THEN progress names that user as a mention the core parses', () => {
    expect(map('slash-progress-user.json')).toMatchObject({ kind: 'command', command: { text: 'progress <@433210987654321055>' } });
  });

  it('GIVEN /mesh-admin schedule from a member with Manage Channels THEN an admin schedule command', () => {
    expect(map('slash-admin-schedule.json')).toMatchObject({ kind: 'command', slow: false, command: { text: 'schedule 10:00 Europe/Berlin mon,wed,fri', isAdmin: true } });
  });

  it('GIVEN /mesh-admin post from an Administrator THEN an admin command answered with a deferred reply', () => {
    expect(map('slash-admin-post-administrator.json')).toMatchObject({ kind: 'command', slow: true, command: { text: 'post', isAdmin: true } });
  });

  it('GIVEN /mesh-admin post from a plain member THEN not an admin, and no deferral for the refusal', () => {
    expect(map('slash-admin-post-member.json')).toMatchObject({ kind: 'command', slow: false, command: { text: 'post', isAdmin: false } });
  });

  it('GIVEN a plain member listed in ADMIN_USER_IDS THEN an admin', () => {
    expect(map('slash-admin-post-member.json', { adminUserIds: new Set(['433210987654321098']) })).toMatchObject({ command: { isAdmin: true } });
  });

  it('GIVEN BOT_COMMAND=quizbot THEN /mesh is not ours and is answered as out of date', () => {
    expect(map('slash-ask.json', { commandName: 'quizbot' })).toMatchObject({ kind: 'refused', reply: expect.stringContaining('register') });
  });

  it('GIVEN a click on a round choice THEN the action id, the opaque value and the clicked message', () => {
    expect(map('button-round-choice.json')).toEqual({
      kind: 'action',
      action: {
        platform: 'discord',
        workspaceId: GUILD,
        channelId: CHANNEL,
        userId: '433210987654321098',
        userName: 'Alice',
        isAdmin: false,
        actionId: 'quiz.answer',
        value: '42:1',
        messageId: '1325200000000000001',
      },
    });
  });

  it('GIVEN a button meshbot did not make THEN refused as no longer active', () => {
    expect(map('button-foreign.json')).toMatchObject({ kind: 'refused', reply: 'That button is no longer active.' });
  });

  it('GIVEN typing in the ask query THEN an autocomplete request for entries', () => {
    expect(map('autocomplete-ask.json')).toEqual({ kind: 'autocomplete', field: 'query', text: 'retr' });
  });

  it('GIVEN typing in the schedule zone THEN an autocomplete request for zones', () => {
    expect(map('autocomplete-schedule-zone.json')).toEqual({ kind: 'autocomplete', field: 'zone', text: 'berl' });
  });

  it('GIVEN a command in a direct message THEN refused with a pointer to server channels', () => {
    expect(map('slash-help-in-dm.json')).toMatchObject({ kind: 'refused', reply: expect.stringContaining('server channels') });
  });
});
