/**
 * The store implementations the contract suite runs against, unchanged: SQLite (a file
 * with production settings) and PostgreSQL (a fresh database on the test server).
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore, type NewRound, type Round, type Store } from '../../../src/index.js';
import { tempDir } from '../../helpers/fixtures.js';
import { freshPostgresStore } from '../../helpers/postgres.js';

export type StoreFactory = () => Promise<Store>;

const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

async function track(store: Promise<Store> | Store): Promise<Store> {
  const s = await store;
  open.push(s);
  return s;
}

export const STORES: [string, StoreFactory][] = [
  ['SQLite', () => track(openSqliteStore(join(tempDir(), 'contract.db')))],
  ['PostgreSQL', () => track(freshPostgresStore())],
];

export const T0 = Date.parse('2026-12-01T09:00:00Z');

/** A channel and `n` people in it (ids u0, u1, ...). */
export async function seedPeople(store: Store, n: number, channelId = 'C1'): Promise<{ channelKey: number; users: number[] }> {
  const channelKey = await store.people.channelKey({ platform: 'slack', workspaceId: 'T1', channelId });
  const users: number[] = [];
  for (let i = 0; i < n; i++) users.push(await store.people.userKey({ platform: 'slack', workspaceId: 'T1', userId: `u${i}`, userName: `person ${i}` }));
  return { channelKey, users };
}

/** A round as the core would claim it: four choices, the second one right. */
export function newRound(channelKey: number, slotMs = T0, overrides: Partial<NewRound> = {}): NewRound {
  return {
    channelKey,
    slotMs,
    kind: 'scheduled',
    entryId: 'mesh-q7',
    itemId: 'mesh-q7-i1',
    mode: 'choice',
    choices: ['a', 'b', 'c', 'd'],
    correctIndex: 1,
    claimedMs: slotMs,
    closesMs: slotMs + 8 * 3_600_000,
    ...overrides,
  };
}

/** Claims and opens a round; fails the test if the claim is refused. */
export async function openRoundFor(store: Store, channelKey: number, slotMs = T0, overrides: Partial<NewRound> = {}): Promise<Round> {
  const round = await store.rounds.claim(newRound(channelKey, slotMs, overrides), slotMs + 120_000);
  if (!round) throw new Error('claim refused');
  await store.rounds.markOpen(round.id, `msg-${round.id}`, slotMs);
  return (await store.rounds.get(round.id))!;
}
