/**
 * The daily quiz on Discord, end to end: a schedule set with /mesh-admin, the round
 * posted by the core's tick through the adapter's ChatPort, private answers by button,
 * and the reveal edited into the round message.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, startRig, useDiscordRig, type Rig } from './harness.js';
import { buttonClick, slashCommand } from './standin/interactions.js';

useDiscordRig();

const EPHEMERAL = 64;
const ROUND_POSTS = (r: { method: string; path: string }): boolean => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`;

/** Sets a daily 10:00 UTC schedule as a channel manager, then moves the clock to 10:00 and ticks. */
async function openScheduledRound(rig: Rig) {
  const lead = rig.member('400000000000000009', 'lead', { manager: true });
  const options = [
    { name: 'time', type: 3, value: '10:00' },
    { name: 'zone', type: 3, value: 'UTC' },
    { name: 'days', type: 3, value: 'daily' },
  ];
  const set = await rig.standin.interact(slashCommand(lead, 'mesh-admin', 'schedule', options));
  expect(set.body.data.flags ?? 0).toBe(0);
  rig.clock.set(new Date('2026-12-01T10:00:00Z'));
  const report = await rig.bot.tick();
  expect(report.opened).toBe(1);
  const post = rig.standin.rest.filter(ROUND_POSTS).at(-1)!;
  const buttons: { custom_id: string; label: string }[] = post.body.components.flatMap((row: any) => row.components);
  const roundId = Number(buttons[0]!.custom_id.split('|')[1]!.split(':')[0]);
  const messageId = (await rig.store.rounds.get(roundId))!.messageId!;
  return { post, buttons, roundId, messageId, message: rig.standin.rest.messages.get(messageId) };
}

describe('Discord daily rounds end to end', () => {
  it('posts a scheduled round to the channel with buttons whose custom ids carry no correctness', async () => {
    const rig = await startRig();

    const { post, buttons, roundId } = await openScheduledRound(rig);

    expect(post.body.embeds[0].author.name).toBe('Quiz round');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(buttons).toHaveLength(4);
    // Every id is `quiz.answer|<round>:<position>`: the same for all but the position, nothing else.
    expect(buttons.map((b) => b.custom_id)).toEqual([0, 1, 2, 3].map((i) => `quiz.answer|${roundId}:${i}`));
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('records one answer for a click, confirmed privately', async () => {
    const rig = await startRig();
    const { buttons, roundId, message } = await openScheduledRound(rig);
    const bob = rig.member('400000000000000002', 'bob');

    const callback = await rig.standin.interact(buttonClick(bob, buttons[1]!.custom_id, message));

    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toContain('Locked in');
    expect((await rig.store.rounds.results(roundId)).answered).toBe(1);
  });

  it('tells a second click that the first answer stands, and records nothing more', async () => {
    const rig = await startRig();
    const { buttons, roundId, message } = await openScheduledRound(rig);
    const bob = rig.member('400000000000000002', 'bob');
    await rig.standin.interact(buttonClick(bob, buttons[1]!.custom_id, message));

    const second = await rig.standin.interact(buttonClick(bob, buttons[2]!.custom_id, message));

    expect(second.body.data.flags).toBe(EPHEMERAL);
    expect(second.body.data.embeds[0].description).toContain('already answered');
    expect((await rig.store.rounds.results(roundId)).answered).toBe(1);
  });

  it('edits the round message with the reveal when the round closes, and replies with the results', async () => {
    const rig = await startRig();
    const { buttons, messageId, message } = await openScheduledRound(rig);
    await rig.standin.interact(buttonClick(rig.member('400000000000000002', 'bob'), buttons[0]!.custom_id, message));
    const mark = rig.standin.rest.mark();

    rig.clock.set(new Date('2026-12-01T18:00:00Z'));
    const report = await rig.bot.tick();

    expect(report.closed).toBe(1);
    const edit = await rig.standin.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages/${messageId}`, { after: mark });
    expect(edit.body.embeds[0].author.name).toBe('Quiz round · closed');
    expect(edit.body.embeds[0].description).toContain('**Answer**');
    const results = await rig.standin.rest.waitFor((r) => ROUND_POSTS(r) && r.body.message_reference?.message_id === messageId, { after: mark });
    expect(results.body.embeds[0].description).toContain('1 answered');
  });
});
