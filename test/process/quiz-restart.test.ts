import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBanks, openSqliteStore } from '../../src/index.js';
import { latestVersion, roundsPosted, runConsole } from '../helpers/console-script.js';
import { tempDir } from '../helpers/fixtures.js';

const SLOT = Date.parse('2026-12-01T09:00:00Z'); // Tue 1 Dec, 10:00 in Berlin

/**
 * Writes what a process that died between claiming a slot and posting it leaves behind:
 * Berlin's weekday schedule, already moved on to Wednesday, and Tuesday's round, claimed.
 */
async function crashAfterClaim(db: string): Promise<void> {
  const store = openSqliteStore(db);
  const channelKey = await store.people.channelKey({ platform: 'console', workspaceId: 'local', channelId: 'general' });
  const spec = { time: '10:00', zone: 'Europe/Berlin', days: 'weekdays', cron: '0 10 * * 1-5' };
  await store.schedules.upsert(channelKey, spec, SLOT, 'lead', SLOT - 3_600_000);
  const item = loadBanks('data/banks')[0]!.quizItems[0]!;
  const choices = [item.wrong[0]!, item.correct, item.wrong[1]!, item.wrong[2]!];
  const claimed = await store.rounds.claim(
    { channelKey, slotMs: SLOT, kind: 'scheduled', entryId: item.entryId, itemId: item.id, mode: 'choice', choices, correctIndex: 1, claimedMs: SLOT, closesMs: SLOT + 8 * 3_600_000 },
    SLOT + 120_000,
    SLOT + 86_400_000,
  );
  if (!claimed) throw new Error('claim failed');
  await store.close();
}

describe('the scripted console across restarts', () => {
  it('GIVEN a round posted before a restart THEN the next run does not post it again, its buttons still work, and it reveals once', async () => {
    const db = join(tempDir(), 'bot.db');
    const first = runConsole([':time 2026-12-01T08:00:00Z', ':admin lead', 'lead: /mesh schedule 10:00 Europe/Berlin weekdays', ':time 2026-12-01T09:05:00Z', 'alice: click 1'], db);
    expect(first.status).toBe(0);
    const [round] = roundsPosted(first.printed);

    const second = runConsole([':time 2026-12-01T11:00:00Z', 'bob: click 2', 'alice: click 3', ':advance 8h', ':advance 1d'], db);

    expect(second.stderr).toBe('');
    const texts = second.printed.map((m) => m.text);
    expect(texts[0]).toMatch(/^Locked in: /);
    expect(texts[1]).toMatch(/^You already answered this round; your first answer stands\. You picked /);
    expect(roundsPosted(second.printed).filter((m) => m.id === round!.id)).toHaveLength(0);
    const reveals = second.printed.filter((m) => m.id === round!.id);
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.text).toMatch(/2 answered/);
    // Only Wednesday's round is new in the second run.
    expect(roundsPosted(second.printed)).toHaveLength(1);
  });

  it('GIVEN a slot claimed but never posted WHEN the console starts within the round\'s window THEN it posts the round once, late', async () => {
    const db = join(tempDir(), 'bot.db');
    await crashAfterClaim(db);

    const run = runConsole([':time 2026-12-01T10:30:00Z', 'alice: click 2', ':advance 2h', 'bob: /mesh schedule'], db);

    expect(run.stderr).toBe('');
    const rounds = roundsPosted(run.printed);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.text).toContain('Closes at 18:00 (Europe/Berlin).');
    expect(run.printed[1]!.text).toMatch(/^Locked in: /);
    expect(run.printed.at(-1)!.text).toContain('Next round: Wed 2 Dec 10:00 Europe/Berlin.');
  });

  it('GIVEN a slot claimed but never posted WHEN the console starts after the window THEN nothing is posted for it and the next slot runs as usual', async () => {
    const db = join(tempDir(), 'bot.db');
    await crashAfterClaim(db);

    const run = runConsole([':time 2026-12-01T19:00:00Z', ':advance 1d'], db);

    expect(run.stderr).toBe('');
    const rounds = roundsPosted(run.printed);
    expect(rounds).toHaveLength(1);
    expect(latestVersion(run.printed, rounds[0]!.id)!.text).toMatch(/^== Quiz round · closed ==/);
    const store = openSqliteStore(db);
    const slots = [await store.rounds.get(1), await store.rounds.get(2)].map((r) => [r?.slotMs, r?.status]);
    await store.close();
    expect(slots).toEqual([
      [SLOT, 'missed'],
      [SLOT + 86_400_000, 'closed'],
    ]);
  });
});
