/**
 * End to end over loopback: the real discord.js client connected to the stand-in's
 * gateway, answering interactions through the real core.
 */
import { describe, expect, it } from 'vitest';
import { startRig, useDiscordRig } from './harness.js';
import { autocomplete, slashCommand } from './standin/interactions.js';

useDiscordRig();

const EPHEMERAL = 64;

describe('Discord interactions end to end', () => {
  it('answers /mesh ask circuit breaking with an ephemeral callback (flags 64) showing Q7', async () => {
    const rig = await startRig();
    const alice = rig.member('400000000000000001', 'alice');

    const callback = await rig.standin.interact(slashCommand(alice, 'mesh', 'ask', [{ name: 'query', type: 3, value: 'circuit breaking' }]));

    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    const [embed] = callback.body.data.embeds;
    expect(embed.author.name).toMatch(/^Q7 · /);
    expect(embed.title).toBe(rig.bot.catalogue.entry('mesh-q7')?.question);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    const labels = callback.body.data.components.flatMap((row: any) => row.components.map((b: any) => b.label));
    expect(labels).toContain('Share in channel');
  });

  it('offers at most 25 autocomplete choices from the bank while the query is typed', async () => {
    const rig = await startRig();
    const alice = rig.member('400000000000000001', 'alice');

    const empty = await rig.standin.interact(autocomplete(alice, 'mesh', 'ask', 'query', ''));
    const typed = await rig.standin.interact(autocomplete(alice, 'mesh', 'ask', 'query', 'circ'));

    expect(empty.body.type).toBe(8);
    expect(empty.body.data.choices.length).toBeGreaterThan(0);
    expect(empty.body.data.choices.length).toBeLessThanOrEqual(25);
    expect(typed.body.data.choices[0]).toEqual({ name: expect.stringMatching(/^Q7 · /), value: 'mesh-q7' });
  });
});
