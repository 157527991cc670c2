/**
 * Requests the interactions endpoint must refuse, sent over loopback to the real server:
 * no signature, another application's key, a body changed after signing, a replayed
 * (stale) or far-future timestamp, an oversized body. Each is refused with its status
 * and none of it reaches the core: no lookup is logged, no answer recorded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, useDiscordRig } from './harness.js';
import { startHttpRig, type HttpRig } from './http-harness.js';
import { buttonClick, slashCommand } from './standin/interactions.js';
import { signatureHeaders, signingKeys } from './standin/signed-interaction.js';

useDiscordRig();

const ASK = readFileSync('test/fixtures/discord/slash-ask.json', 'utf8');
const ROUND_POSTS = (r: { method: string; path: string }): boolean => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`;

/** Unix seconds of the rig's clock, `offsetMs` away. */
function clockSeconds(rig: HttpRig, offsetMs = 0): number {
  return Math.floor((rig.clock.now().getTime() + offsetMs) / 1000);
}

/** Nothing of a refused request reached the core or Discord's API. */
async function expectNothingRecorded(rig: HttpRig, restMark: number): Promise<void> {
  await rig.bot.idle();
  expect((await rig.store.lookups.count()).total).toBe(0);
  expect(rig.standin.rest.requests.slice(restMark)).toEqual([]);
}

describe('Discord HTTP interactions: refused requests', () => {
  it('refuses a request without signature headers with 401 and runs nothing', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();

    const reply = await rig.send(ASK, { headers: {} });

    expect(reply.status).toBe(401);
    await expectNothingRecorded(rig, mark);
    expect(rig.logger.lines.find((l) => l.message.includes('refused (401)'))?.fields).toEqual({ reason: 'missing_signature' });
  });

  it('refuses a request signed with another key with 401 and runs nothing', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();
    const stranger = signingKeys();

    const reply = await rig.send(ASK, { headers: signatureHeaders(stranger.privateKey, ASK, clockSeconds(rig)) });

    expect(reply.status).toBe(401);
    await expectNothingRecorded(rig, mark);
  });

  it('refuses a body changed after it was signed with 401 and runs nothing', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();
    const headers = signatureHeaders(rig.keys.privateKey, ASK, clockSeconds(rig));
    const tampered = ASK.replace('"circuit breaking"', '"circuit breakers"');
    expect(tampered).not.toBe(ASK);

    const reply = await rig.send(tampered, { headers });

    expect(reply.status).toBe(401);
    await expectNothingRecorded(rig, mark);
  });

  it('refuses a correctly signed request whose timestamp is ten minutes old (a replay) with 401', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();

    const reply = await rig.send(ASK, { headers: signatureHeaders(rig.keys.privateKey, ASK, clockSeconds(rig, -10 * 60_000)) });

    expect(reply.status).toBe(401);
    await expectNothingRecorded(rig, mark);
    expect(rig.logger.lines.find((l) => l.message.includes('refused (401)'))?.fields).toEqual({ reason: 'stale_timestamp' });
  });

  it('refuses a correctly signed request timestamped ten minutes ahead with 401', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();

    const reply = await rig.send(ASK, { headers: signatureHeaders(rig.keys.privateKey, ASK, clockSeconds(rig, 10 * 60_000)) });

    expect(reply.status).toBe(401);
    await expectNothingRecorded(rig, mark);
  });

  it('accepts a correctly signed request four minutes old (within the window)', async () => {
    const rig = await startHttpRig();

    const reply = await rig.send(ASK, { headers: signatureHeaders(rig.keys.privateKey, ASK, clockSeconds(rig, -4 * 60_000)) });

    expect(reply.status).toBe(200);
    await rig.bot.idle();
    expect((await rig.store.lookups.count()).total).toBe(1);
  });

  it('records no answer for a round click signed with another key', async () => {
    const rig = await startHttpRig();
    const lead = rig.member('400000000000000009', 'lead', { manager: true });
    await rig.send(slashCommand(lead, 'mesh-admin', 'post'));
    const post = await rig.standin.rest.waitFor(ROUND_POSTS);
    const customId: string = post.body.components[0].components[0].custom_id;
    const roundId = Number(customId.split('|')[1]!.split(':')[0]);
    const click = JSON.stringify(buttonClick(rig.member('400000000000000002', 'bob'), customId, rig.standin.rest.messages.get((await rig.store.rounds.get(roundId))!.messageId!)));

    const reply = await rig.send(click, { headers: signatureHeaders(signingKeys().privateKey, click, clockSeconds(rig)) });

    expect(reply.status).toBe(401);
    expect((await rig.store.rounds.results(roundId)).answered).toBe(0);
  });

  it('refuses a body over the size limit with 413 and runs nothing', async () => {
    const rig = await startHttpRig();
    const mark = rig.standin.rest.mark();
    const huge = JSON.stringify({ ...JSON.parse(ASK), padding: 'x'.repeat(300 * 1024) });

    const reply = await rig.send(huge);

    expect(reply.status).toBe(413);
    await expectNothingRecorded(rig, mark);
  });

  it('answers a signed body that is not an interaction with 400', async () => {
    const rig = await startHttpRig();

    const reply = await rig.send('{"hello":');

    expect(reply.status).toBe(400);
  });
});
