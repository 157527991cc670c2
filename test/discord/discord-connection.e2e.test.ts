/**
 * The gateway connection over loopback: heartbeats, and a dropped connection that
 * resumes with the bot still answering and its scheduled work still going out.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, startRig, useDiscordRig } from './harness.js';
import { slashCommand } from './standin/interactions.js';

useDiscordRig();

describe('Discord gateway connection', () => {
  it('answers a heartbeat request from the gateway', async () => {
    const rig = await startRig();
    const beat = rig.standin.gateway.next('heartbeat');

    rig.standin.gateway.requestHeartbeat();

    await expect(beat).resolves.toMatchObject({ type: 'heartbeat' });
    expect(rig.adapter.isConnected()).toBe(true);
  });

  it('resumes a dropped gateway connection and keeps answering and posting scheduled rounds', async () => {
    // Arrange: a daily schedule set before the connection drops.
    const rig = await startRig();
    const lead = rig.member('400000000000000009', 'lead', { manager: true });
    await rig.standin.interact(slashCommand(lead, 'mesh-admin', 'schedule', [{ name: 'time', type: 3, value: '10:00' }]));
    const resumed = rig.standin.gateway.next('resume');

    // Act: cut the socket without a close frame, as a network failure would.
    rig.standin.gateway.drop();
    await resumed;
    const answer = await rig.standin.interact(slashCommand(rig.member('400000000000000001', 'alice'), 'mesh', 'ask', [{ name: 'query', type: 3, value: 'mtls' }]));
    rig.clock.set(new Date('2026-12-01T10:00:00Z'));
    const report = await rig.bot.tick();

    // Assert: one session resumed (no second IDENTIFY), the bot answered, the round went out.
    expect(rig.standin.gateway.events.filter((e) => e.type === 'identify')).toHaveLength(1);
    expect(answer.body.data.embeds[0].author.name).toMatch(/^Q5 · /);
    expect(report.opened).toBe(1);
    expect(rig.standin.rest.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`)).toHaveLength(1);
    expect(rig.adapter.isConnected()).toBe(true);
  });
});
