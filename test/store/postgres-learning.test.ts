import { describe, expect, it } from 'vitest';
import { createBot, ManualClock, openStore, silentLogger } from '../../src/index.js';
import { command, RecordingChat, seed } from '../helpers/fixtures.js';
import { answeredWith, someone, voteDownAndOpen } from '../helpers/learning.js';
import { freshDatabase, postgresConfig } from '../helpers/postgres.js';

const PARAPHRASE = 'how do pods authenticate to each other';

describe('learned lookup with replicas on PostgreSQL', () => {
  it('GIVEN three people showing an entry through one replica THEN another replica answers with it once it refreshes from the database', async () => {
    const url = await freshDatabase();
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const stores = await Promise.all([1, 2].map(() => openStore(postgresConfig(url, 3), { nowMs: clock.now().getTime(), logger: silentLogger })));
    try {
      const [a, b] = stores.map((store) => createBot({ banks: seed(), store, clock, chat: new RecordingChat(), rateLimits: { lookupsPerMinute: 0, answersPerMinute: 0 } })) as [ReturnType<typeof createBot>, ReturnType<typeof createBot>];
      await b.refreshLearned();
      for (const name of ['ana', 'ben', 'chen']) await voteDownAndOpen(a, name, PARAPHRASE, 'mesh-q5');
      await a.idle();
      const [before] = await b.handleCommand(command(`ask ${PARAPHRASE}`, someone('dana')));
      expect(answeredWith(before!)).toBe('mesh-q4');
      expect(await b.refreshLearned()).toMatchObject({ evidence: 6 });
      const [after] = await b.handleCommand(command(`ask ${PARAPHRASE}`, someone('dana')));
      expect(answeredWith(after!)).toBe('mesh-q5');
      await Promise.all([a.idle(), b.idle()]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
