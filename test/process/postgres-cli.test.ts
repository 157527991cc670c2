import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsOf, openStore, seededRandom, silentLogger, type Store } from '../../src/index.js';
import { click, tempDir, testBot } from '../helpers/fixtures.js';
import { freshDatabase, postgresConfig } from '../helpers/postgres.js';
import { admin, person, roundPosts, runUntil, say } from '../helpers/quiz.js';
import { runCli } from '../helpers/run-cli.js';

/** A SQLite database with a week of history: rounds, answers, practice, lookups and a vote. */
async function sqliteWithHistory(): Promise<string> {
  const path = join(tempDir(), 'bot.db');
  const t = testBot({ path, random: seededRandom(5), start: '2026-12-01T08:00:00Z' });
  await say(t, 'schedule 10:00 UTC weekdays', admin('lead'));
  for (let day = 1; day <= 4; day++) {
    await runUntil(t, `2026-12-0${day}T10:01:00Z`);
    const post = roundPosts(t.chat).at(-1)!;
    const round = (await t.store.rounds.get(post.roundId))!;
    for (const [i, name] of ['ana', 'ben', 'cy', 'dee'].entries()) {
      const pick = (round.correctIndex! + (i + day) % 3) % 4;
      await t.bot.handleAction(click('quiz.answer', `${round.id}:${pick}`, person(name)));
    }
  }
  await runUntil(t, '2026-12-05T12:00:00Z');
  await say(t, 'ask what is a sidecar', person('ana'));
  const noMatch = await say(t, 'ask kubernetes operator lifecycle hooks for gpu', person('ben'));
  // ben opens one of the closest topics: a pick, the evidence lookup learns from.
  const closest = buttonsOf(noMatch).find((b) => b.actionId === 'ask.open')!;
  await t.bot.handleAction(click(closest.actionId, closest.value, person('ben')));
  await say(t, 'quiz', person('cy'));
  // Lookups are logged just after their replies (docs/design.md, "Replies first"): let that finish before closing.
  await t.bot.idle();
  await t.store.close();
  return path;
}

async function snapshot(store: Store): Promise<unknown> {
  return {
    channelBoard: await store.answers.leaderboard('c:console:w1:general', 'all', 20),
    workspaceWeek: await store.answers.leaderboard('w:console:w1', 'w2026-49', 20),
    progress: await store.reports.progress(),
    scores: await store.reports.scores(),
    lookups: await store.lookups.count(),
    gaps: await store.lookups.gaps(0, 10),
    evidence: await store.lookupEvidence.evidence(0, 10),
    rounds: await Promise.all([1, 2, 3, 4].map((id) => store.rounds.results(id))),
  };
}

describe('moving to PostgreSQL, and the CLI on it', () => {
  it('GIVEN a SQLite database with history THEN migrate-to-postgres copies it so every board, round and report reads the same, and new rows follow on', { timeout: 90_000 }, async () => {
    const path = await sqliteWithHistory();
    const url = await freshDatabase();

    const run = runCli(['migrate-to-postgres'], { env: { DATABASE_PATH: path, DATABASE_URL: url } });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/copied \d+ rows/);
    const sqlite = await openStore({ kind: 'sqlite', path }, { nowMs: 0 });
    const postgres = await openStore(postgresConfig(url), { nowMs: 0, logger: silentLogger });
    try {
      expect(await snapshot(postgres)).toEqual(await snapshot(sqlite));
      expect(await postgres.lookupEvidence.evidence(0, 10)).toEqual([expect.objectContaining({ userId: 'ben', kind: 'after_no_match' })]);
      const channelKey = await postgres.people.channelKey({ platform: 'console', workspaceId: 'w1', channelId: 'general' });
      const next = await postgres.rounds.claim(
        { channelKey, slotMs: Date.parse('2026-12-07T10:00:00Z'), kind: 'scheduled', entryId: 'mesh-q1', itemId: null, mode: 'recall', choices: [], correctIndex: null, claimedMs: 0, closesMs: 1 },
        0,
      );
      expect(next?.id).toBeGreaterThan(4);
      expect(await postgres.people.userKey({ platform: 'console', workspaceId: 'w1', userId: 'newcomer', userName: 'newcomer' })).toBeGreaterThan(4);
    } finally {
      await sqlite.close();
      await postgres.close();
    }

    const again = runCli(['migrate-to-postgres'], { env: { DATABASE_PATH: path, DATABASE_URL: url } });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has data/);
  });

  it('GIVEN DATABASE_URL THEN export and gaps read PostgreSQL, and backup points to pg_dump instead', { timeout: 90_000 }, async () => {
    const path = await sqliteWithHistory();
    const url = await freshDatabase();
    expect(runCli(['migrate-to-postgres'], { env: { DATABASE_PATH: path, DATABASE_URL: url } }).status).toBe(0);

    const fromSqlite = runCli(['export', 'scores'], { env: { DATABASE_PATH: path } });
    const fromPostgres = runCli(['export', 'scores'], { env: { DATABASE_URL: url } });
    expect(fromPostgres.status).toBe(0);
    expect(fromPostgres.stdout).toBe(fromSqlite.stdout);
    expect(fromPostgres.stdout.split('\r\n').length).toBeGreaterThan(4);

    const gaps = runCli(['gaps', '--json'], { env: { DATABASE_URL: url } });
    expect(gaps.status).toBe(0);
    expect(JSON.parse(gaps.stdout)).toMatchObject({ unanswered: [expect.objectContaining({ query: 'kubernetes operator lifecycle hooks for gpu' })] });

    const empty = await freshDatabase();
    const migrated = runCli(['migrate'], { env: { DATABASE_URL: empty } });
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/is up to date/);
    expect(migrated.stdout).not.toContain('meshbot-test');

    const backup = runCli(['backup', join(tempDir(), 'copy.db')], { env: { DATABASE_URL: url } });
    expect(backup.status).toBe(2);
    expect(backup.stderr).toMatch(/pg_dump/);
  });
});
