/**
 * Admin commands on Discord: who may run them, and `post`, which answers with a deferred
 * reply because it talks to the channel first.
 */
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, CHANNEL_ID, startRig, useDiscordRig } from './harness.js';
import { slashCommand } from './standin/interactions.js';

useDiscordRig();

const EPHEMERAL = 64;
const DEFERRED_CHANNEL_MESSAGE = 5;

describe('Discord admin commands', () => {
  it('defers /mesh-admin post, posts the round, then edits the deferred reply', async () => {
    const rig = await startRig();
    const lead = rig.member('400000000000000009', 'lead', { manager: true });
    const interaction = slashCommand(lead, 'mesh-admin', 'post');

    const callback = await rig.standin.interact(interaction);
    const edit = await rig.standin.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/%40original`);

    expect(callback.body).toEqual({ type: DEFERRED_CHANNEL_MESSAGE, data: { flags: EPHEMERAL } });
    expect(edit.body.embeds[0].description).toBe('Round posted.');
    expect(rig.standin.rest.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`)).toHaveLength(1);
  });

  it('refuses /mesh-admin post to a member without Manage Channels, privately', async () => {
    const rig = await startRig();

    const callback = await rig.standin.interact(slashCommand(rig.member('400000000000000002', 'bob'), 'mesh-admin', 'post'));

    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toContain('Only channel admins');
    expect(rig.standin.rest.filter((r) => r.path.startsWith('/api/v10/channels/'))).toHaveLength(0);
  });

  it('lets a user listed in ADMIN_USER_IDS run admin commands without the permission', async () => {
    const rig = await startRig({ adminUserIds: ['400000000000000002'] });

    const callback = await rig.standin.interact(slashCommand(rig.member('400000000000000002', 'bob'), 'mesh-admin', 'schedule', [{ name: 'time', type: 3, value: '09:30' }]));

    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.embeds[0].description).toContain('Daily quiz set: 09:30 UTC');
  });
});
