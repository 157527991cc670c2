/**
 * Platform failures on the core's outbound calls: a 429 is waited out once by
 * discord.js's queue (no retries of ours on top), and a call that still fails is logged
 * with the channel and posted at the next tick.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, startRig, useDiscordRig, type Rig } from './harness.js';
import { slashCommand } from './standin/interactions.js';

useDiscordRig();

const ROUND_POST = /^\/api\/v10\/channels\/\d+\/messages$/;

async function scheduleAtTen(rig: Rig): Promise<void> {
  const lead = rig.member('400000000000000009', 'lead', { manager: true });
  await rig.standin.interact(slashCommand(lead, 'mesh-admin', 'schedule', [{ name: 'time', type: 3, value: '10:00' }]));
  rig.clock.set(new Date('2026-12-01T10:00:00Z'));
}

describe('Discord platform failures', () => {
  it('waits out a 429 on a round post in discord.js and sends the post exactly once more', async () => {
    const rig = await startRig();
    await scheduleAtTen(rig);
    rig.standin.rest.fail('POST', ROUND_POST, 429, 1);

    const report = await rig.bot.tick();

    expect(report).toMatchObject({ opened: 1, failed: 0 });
    expect(rig.standin.rest.filter((r) => r.method === 'POST' && ROUND_POST.test(r.path))).toHaveLength(2);
    expect(rig.observer.retries).toEqual([expect.objectContaining({ reason: 'rate_limited' })]);
  });

  it('logs a post that keeps failing with the channel, and posts the round at the next tick', async () => {
    const rig = await startRig();
    await scheduleAtTen(rig);
    // The first attempt and the library's three retries of a 5xx.
    rig.standin.rest.fail('POST', ROUND_POST, 500, 4);

    await rig.bot.tick();
    rig.clock.advance(60_000);
    const next = await rig.bot.tick();

    const warning = rig.logger.lines.find((l) => l.level === 'warn' && l.message.includes('posting a round failed'));
    expect(warning?.fields).toMatchObject({ channel: CHANNEL_ID });
    expect(String((warning?.fields as { err?: Error }).err?.message)).toContain(`channel ${CHANNEL_ID}`);
    expect(next.retried).toBe(1);
    expect(rig.standin.rest.filter((r) => r.method === 'POST' && ROUND_POST.test(r.path))).toHaveLength(5);
  });
});
