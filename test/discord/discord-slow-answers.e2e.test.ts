/**
 * Work that outlasts the fast path: when the core has not answered within `deferAfterMs`
 * the interaction is acknowledged (deferred) first and the answer follows, so Discord's
 * 3-second limit is never missed. The core is held on a gate the test opens, not a timer.
 */
import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/index.js';
import { APPLICATION_ID, startRig, useDiscordRig } from './harness.js';
import { buttonClick, slashCommand } from './standin/interactions.js';

useDiscordRig();

/** A bot whose commands and clicks wait until `open()` is called. */
function gated(): { wrap: (bot: Bot) => Bot; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    wrap: (bot) => ({
      ...bot,
      handleCommand: async (input) => (await gate, bot.handleCommand(input)),
      handleAction: async (input) => (await gate, bot.handleAction(input)),
    }),
  };
}

describe('Discord answers that take longer than the fast path', () => {
  it('defers a slow command privately, then edits the answer into the deferred reply', async () => {
    const gate = gated();
    const rig = await startRig({ deferAfterMs: 0, wrapBot: gate.wrap });
    const interaction = slashCommand(rig.member('400000000000000001', 'alice'), 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }]);

    const callback = await rig.standin.interact(interaction);
    gate.open();
    const edit = await rig.standin.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/%40original`);

    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit.body.embeds[0].author.name).toMatch(/^Q7 · /);
  });

  it('defers a slow click as an update, then follows up with the private answer', async () => {
    const gate = gated();
    const rig = await startRig({ deferAfterMs: 0, wrapBot: gate.wrap });
    const message = { id: '500000000000000001', channel_id: '300000000000000001', content: '', embeds: [], components: [], type: 0, flags: 0, author: { id: APPLICATION_ID, username: 'meshbot', discriminator: '0', bot: true }, timestamp: new Date().toISOString(), attachments: [], mentions: [], mention_roles: [], pinned: false, tts: false, mention_everyone: false, edited_timestamp: null };
    const interaction = buttonClick(rig.member('400000000000000001', 'alice'), 'ask.open|mesh-q7', message);

    const callback = await rig.standin.interact(interaction);
    gate.open();
    const followUp = await rig.standin.rest.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}`);

    expect(callback.body).toEqual({ type: 6 });
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.embeds[0].author.name).toMatch(/^Q7 · /);
  });
});
