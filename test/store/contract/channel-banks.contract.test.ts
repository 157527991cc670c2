import { describe, expect, it } from 'vitest';
import { seedPeople, STORES, T0 } from './stores.js';

describe.each(STORES)('channel banks on %s', (_name, openStore) => {
  it('GIVEN a channel that never chose THEN it has no choice (every bank), and a choice is kept per channel in the order given', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    const b = (await seedPeople(store, 0, 'B')).channelKey;
    expect(await store.channelBanks.get(a)).toBeUndefined();
    await store.channelBanks.set(a, ['ops-senior', 'mesh', 'ops-senior'], 'lead', T0);
    await store.channelBanks.set(b, ['faas'], 'ada', T0 + 1);
    expect(await store.channelBanks.get(a)).toEqual({ slugs: ['ops-senior', 'mesh'], updatedBy: 'lead', updatedMs: T0 });
    expect(await store.channelBanks.get(b)).toEqual({ slugs: ['faas'], updatedBy: 'ada', updatedMs: T0 + 1 });
  });

  it('GIVEN a second choice THEN it replaces the first whole, and clearing goes back to every bank once', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    await store.channelBanks.set(a, ['mesh', 'faas'], 'lead', T0);
    await store.channelBanks.set(a, ['faas'], 'ada', T0 + 5);
    expect(await store.channelBanks.get(a)).toEqual({ slugs: ['faas'], updatedBy: 'ada', updatedMs: T0 + 5 });
    expect(await store.channelBanks.clear(a)).toBe(true);
    expect(await store.channelBanks.clear(a)).toBe(false);
    expect(await store.channelBanks.get(a)).toBeUndefined();
  });

  it('GIVEN a choice made in a transaction that fails THEN the earlier choice stays', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    await store.channelBanks.set(a, ['mesh'], 'lead', T0);
    await expect(
      store.transaction(async (tx) => {
        await tx.channelBanks.set(a, ['faas', 'ops'], 'ada', T0 + 1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.channelBanks.get(a)).toEqual({ slugs: ['mesh'], updatedBy: 'lead', updatedMs: T0 });
  });

  it('GIVEN concurrent choices for one channel THEN one of them wins whole', async () => {
    const store = await openStore();
    const a = (await seedPeople(store, 0, 'A')).channelKey;
    const choices = [['mesh', 'faas'], ['ops'], ['faas', 'ops', 'mesh']];
    await Promise.all(choices.map((slugs, i) => store.channelBanks.set(a, slugs, `admin${i}`, T0 + i)));
    const final = await store.channelBanks.get(a);
    const winner = choices.findIndex((c) => JSON.stringify(c) === JSON.stringify(final?.slugs));
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(final).toEqual({ slugs: choices[winner], updatedBy: `admin${winner}`, updatedMs: T0 + winner });
  });
});
