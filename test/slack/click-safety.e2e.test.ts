/**
 * Clicks over loopback through the real Bolt app: an answer is stored before Slack gets
 * its acknowledgement, and a button value can only score in its own round's channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failOnUnhandledRejection } from './helpers/guards.js';
import { startHarness, type Harness } from './helpers/slack-harness.js';
import { ADMIN, BOB, buttonsIn, click, posted, slash } from './helpers/slack-payloads.js';
import type { RecordedCall } from './helpers/web-api-standin.js';

failOnUnhandledRejection();

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function withRound(): Promise<{ h: Harness; round: RecordedCall; roundId: number }> {
  harness = await startHarness({ adminUserIds: [ADMIN.id] });
  const h = harness;
  await slash(h, 'schedule 10:00 UTC daily', ADMIN);
  h.clock.set(new Date('2026-12-01T10:00:00Z'));
  await h.bot.tick();
  const [round] = h.standin.callsTo('chat.postMessage');
  if (!round) throw new Error('no round was posted');
  return { h, round, roundId: Number(buttonsIn(round.params['blocks'])[0]!.value.split(':')[0]) };
}

describe('Slack clicks, stored before acknowledged', () => {
  it('GIVEN users.info is slow THEN the answer is already stored when Slack gets its 200', async () => {
    const { h, round, roundId } = await withRound();
    // Slack holds users.info until the test lets it go: the ack must not wait for it.
    let release: () => void = () => {};
    h.standin.script('users.info', { hold: new Promise<void>((resolve) => (release = resolve)) });

    const reply = await click(h, { message: posted(round), button: 2, who: BOB, responseId: 'bob-1' });

    expect(reply.status).toBe(200);
    expect((await h.store.rounds.results(roundId)).answered).toBe(1);
    release();
    const [confirmation] = await h.standin.waitForResponses('bob-1');
    expect(String(confirmation!.body['text'])).toMatch(/^Locked in: /);
  });

  it('GIVEN a button of a round posted in another channel THEN the click is refused politely and nothing is stored', async () => {
    const { h, round, roundId } = await withRound();

    const reply = await click(h, { message: posted(round), button: 1, who: BOB, responseId: 'bob-elsewhere', channelId: 'C0ELSEWHERE' });

    expect(reply.status).toBe(200);
    const [refusal] = await h.standin.waitForResponses('bob-elsewhere');
    expect(String(refusal!.body['text'])).toMatch(/another channel/);
    expect(refusal!.body).toMatchObject({ response_type: 'ephemeral' });
    expect((await h.store.rounds.results(roundId)).answered).toBe(0);
    expect(await h.store.answers.leaderboard('c:slack:T0TEST:C0ELSEWHERE', 'all', 10)).toEqual([]);
  });

  it('GIVEN a button moved onto another message in the right channel THEN the click is refused and nothing is stored', async () => {
    const { h, round, roundId } = await withRound();

    const reply = await click(h, { message: { ...posted(round), ts: '1700009999.000001' }, button: 1, who: BOB, responseId: 'bob-moved' });

    expect(reply.status).toBe(200);
    const [refusal] = await h.standin.waitForResponses('bob-moved');
    expect(String(refusal!.body['text'])).toMatch(/another channel|no longer/);
    expect((await h.store.rounds.results(roundId)).answered).toBe(0);
  });
});
