import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsOf, createBot, LEARNED_REFRESH_MS, loadLibrary, scanBanks, type Bot, type LookupEvidence, type OutgoingMessage, type Store } from '../../src/index.js';
import { click, command, seed, testBot, textOf } from '../helpers/fixtures.js';
import { answeredWith, openButtonFor, someone, voteDownAndOpen } from '../helpers/learning.js';

/** Answered by the bank's words with Q4 (sidecar vs ambient); Q5 (mTLS and identity) is meant. */
const PARAPHRASE = 'how do pods authenticate to each other';

async function askAs(bot: Bot, name: string, query: string): Promise<OutgoingMessage> {
  const [reply] = await bot.handleCommand(command(`ask ${query}`, someone(name)));
  return reply!;
}

describe('lookup learning from clicks', () => {
  it('GIVEN three people who vote "Not helpful" and open Q5 from the entries offered THEN the next person asking the same thing gets Q5 as the answer', async () => {
    const { bot, clock } = testBot();
    expect(answeredWith(await askAs(bot, 'first', PARAPHRASE))).toBe('mesh-q4');
    for (const name of ['ana', 'ben', 'chen']) {
      await voteDownAndOpen(bot, name, PARAPHRASE, 'mesh-q5');
      clock.advance(60_000);
    }
    await bot.idle();
    await bot.refreshLearned();
    expect(answeredWith(await askAs(bot, 'dana', 'How do pods authenticate to each other?'))).toBe('mesh-q5');
  });

  it('GIVEN learned evidence WHEN a bank edit reloads the lookup THEN the new lookup answers the taught paraphrase from the moment it goes live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshbot-learn-reload-'));
    try {
      for (const f of readdirSync('data/banks')) copyFileSync(join('data/banks', f), join(dir, f));
      const { library } = await loadLibrary(scanBanks(dir));
      const { bot, clock } = testBot({ library });
      for (const name of ['ana', 'ben', 'chen']) {
        await voteDownAndOpen(bot, name, PARAPHRASE, 'mesh-q5');
        clock.advance(60_000);
      }
      await bot.idle();
      await bot.refreshLearned();
      const meta = join(dir, 'service-mesh-interview.meta.yaml');
      writeFileSync(meta, `${readFileSync(meta, 'utf8')}\n# edited\n`);
      appendFileSync(join(dir, 'service-mesh-interview.txt'), '\n');

      const report = await bot.reloadBanks(scanBanks(dir));

      expect(report.swapped).toBe(true);
      expect(answeredWith(await askAs(bot, 'dana', PARAPHRASE))).toBe('mesh-q5');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN learned phrasings THEN /mesh gaps shows admins the phrasing people used, the entry they showed and how many', async () => {
    const { bot } = testBot();
    for (const name of ['ana', 'ben', 'chen']) await voteDownAndOpen(bot, name, PARAPHRASE, 'mesh-q5');
    await bot.idle();
    await bot.refreshLearned();
    const [report] = await bot.handleCommand(command('gaps', { isAdmin: true }));
    expect(textOf(report!)).toMatch(/how do pods authenticate to each other \| Q5 mTLS and workload identity \(SPIFFE\) \| 3/);
    expect(textOf(report!)).toMatch(/cli gaps --suggest/);
  });

  it('GIVEN one person who does the same 50 times THEN nothing changes', async () => {
    const { bot, clock } = testBot();
    for (let i = 0; i < 50; i++) {
      await voteDownAndOpen(bot, 'mallory', PARAPHRASE, 'mesh-q5');
      clock.advance(60_000);
    }
    await bot.idle();
    expect(await bot.refreshLearned()).toMatchObject({ phrasings: 2 });
    expect(answeredWith(await askAs(bot, 'dana', PARAPHRASE))).toBe('mesh-q4');
  });

  it('GIVEN a lookup with no answer THEN its closest topics carry the lookup, and opening one is kept as a pick after the reply', async () => {
    const { bot, store } = testBot();
    const reply = await askAs(bot, 'ana', 'we want only the orders service to reach the database proxy, how');
    expect(reply.failure).toBe('ask.no_match');
    const closest = buttonsOf(reply).filter((b) => b.actionId === 'ask.open');
    expect(closest.length).toBeGreaterThan(0);
    expect(closest.every((b) => /^mesh-q\d+:[0-9a-z]{12}$/.test(b.value))).toBe(true);
    const opened = await bot.handleAction(click(closest[0]!.actionId, closest[0]!.value, someone('ana')));
    expect(answeredWith(opened.messages[0]!)).toBe(closest[0]!.value.split(':')[0]);
    await bot.idle();
    expect(await store.lookupEvidence.evidence(0, 10)).toEqual([
      expect.objectContaining({ userId: 'ana', entryId: closest[0]!.value.split(':')[0], kind: 'after_no_match' }),
    ]);
  });

  it('GIVEN a store that is slow to keep a pick THEN the entry is shown at once, and the pick is written after', async () => {
    const { store, clock, chat } = testBot();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const picks: string[] = [];
    const slowEvidence: LookupEvidence = {
      pick: async (ref, userId, entryId, atMs) => {
        await gate;
        picks.push(entryId);
        await store.lookupEvidence.pick(ref, userId, entryId, atMs);
      },
      evidence: (sinceMs, limit) => store.lookupEvidence.evidence(sinceMs, limit),
    };
    const slowStore: Store = Object.assign(Object.create(store) as Store, { lookupEvidence: slowEvidence });
    const bot = createBot({ banks: seed(), store: slowStore, clock, chat, rateLimits: { lookupsPerMinute: 0, answersPerMinute: 0 } });
    const reply = await askAs(bot, 'ana', 'we want only the orders service to reach the database proxy, how');
    const open = buttonsOf(reply).find((b) => b.actionId === 'ask.open')!;
    const shown = await bot.handleAction(click(open.actionId, open.value, someone('ana')));
    expect(shown.messages).toHaveLength(1);
    expect(picks).toEqual([]);
    release();
    await bot.idle();
    expect(picks).toEqual([open.value.split(':')[0]]);
  });

  it('GIVEN a vote THEN it is stored before the click is answered, as an answer is', async () => {
    const { bot, store } = testBot();
    const reply = await askAs(bot, 'ana', PARAPHRASE);
    const notHelpful = buttonsOf(reply).find((b) => b.label === 'Not helpful')!;

    const vote = await bot.handleAction(click(notHelpful.actionId, notHelpful.value, someone('ana')));

    expect(vote.messages[0]!.text).toMatch(/noted/);
    // No bot.idle(): by the time the click is answered, the vote is in the store.
    expect(await store.lookups.unhelpful(0, 10)).toEqual([expect.objectContaining({ entryId: 'mesh-q4', votes: 1 })]);
  });

  it('GIVEN "Not helpful" THEN the reply offers the lookup\'s other entries to open, without the one given', async () => {
    const { bot } = testBot();
    const reply = await askAs(bot, 'ana', PARAPHRASE);
    const notHelpful = buttonsOf(reply).find((b) => b.label === 'Not helpful')!;
    const vote = await bot.handleAction(click(notHelpful.actionId, notHelpful.value, someone('ana')));
    const ref = notHelpful.value.split(':')[0];
    const offered = buttonsOf(vote.messages[0]!).filter((b) => b.actionId === 'ask.open');
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.every((b) => b.value.endsWith(`:${ref}`))).toBe(true);
    expect(offered.map((b) => b.value.split(':')[0])).not.toContain('mesh-q4');
    expect(openButtonFor(vote.messages[0]!, 'mesh-q5')).toBeDefined();
  });

  it('GIVEN an entry button without a lookup (a quiz reveal, or a reply from before) THEN it opens the entry and nothing is learned', async () => {
    const { bot, store } = testBot();
    const opened = await bot.handleAction(click('ask.open', 'mesh-q7', someone('ana')));
    expect(answeredWith(opened.messages[0]!)).toBe('mesh-q7');
    await bot.idle();
    expect(await store.lookupEvidence.evidence(0, 10)).toEqual([]);
    const bad = await bot.handleAction(click('ask.open', 'mesh-q7:NOT-A-REF', someone('ana')));
    expect(bad.messages[0]!.failure).toBe('entry.not_found');
  });

  it('GIVEN picks made through another replica THEN this one uses them once its evidence is older than the refresh interval, reloading after a reply', async () => {
    const { bot: replicaA, store, clock, chat } = testBot();
    const replicaB = createBot({ banks: seed(), store, clock, chat, rateLimits: { lookupsPerMinute: 0, answersPerMinute: 0 } });
    // B loads its evidence after its first lookup's reply.
    expect(answeredWith(await askAs(replicaB, 'dana', PARAPHRASE))).toBe('mesh-q4');
    await replicaB.idle();
    for (const name of ['ana', 'ben', 'chen']) await voteDownAndOpen(replicaA, name, PARAPHRASE, 'mesh-q5');
    await replicaA.idle();
    clock.advance(LEARNED_REFRESH_MS - 1_000);
    expect(answeredWith(await askAs(replicaB, 'dana', PARAPHRASE))).toBe('mesh-q4');
    await replicaB.idle();
    clock.advance(1_000);
    // This reply still comes from what B holds; the reload runs after it.
    expect(answeredWith(await askAs(replicaB, 'dana', PARAPHRASE))).toBe('mesh-q4');
    await replicaB.idle();
    expect(answeredWith(await askAs(replicaB, 'dana', PARAPHRASE))).toBe('mesh-q5');
  });
});
