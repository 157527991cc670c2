import { describe, expect, it } from 'vitest';
import { buttonsOf, seededRandom } from '../../src/index.js';
import { click, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { curriculumBanks } from '../helpers/curriculum-banks.js';
import { practise } from '../helpers/practice.js';
import { admin, person, roundPosts, say, storedRound, tableRows } from '../helpers/quiz.js';

function curriculumBot(seed = 5): TestBot {
  return testBot({ banks: curriculumBanks(), random: seededRandom(seed) });
}

const bankOf = (entryId: string): string => entryId.replace(/-q\d+$/, '');

async function postRounds(t: TestBot, channelId: string, count: number): Promise<string[]> {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    t.clock.advance(9 * 3_600_000);
    await say(t, 'post', admin('lead', channelId));
    entries.push((await storedRound(t, roundPosts(t.chat, channelId).at(-1)!.roundId)).entryId);
  }
  return entries;
}

describe("a channel's banks", () => {
  it('GIVEN a new channel THEN it uses every bank, and /mesh banks lists each with its slug, title, topic, level, questions and quiz items', async () => {
    const t = curriculumBot();
    const reply = await say(t, 'banks', person('alice'));
    expect(tableRows(reply)).toEqual([
      ['ops-junior', 'Ops Foundations — Junior', 'Ops Foundations', 'Junior', '5', 'none (recall)', 'yes'],
      ['ops-senior', 'Ops Foundations — Senior', 'Ops Foundations', 'Senior', '3', '3', 'yes'],
      ['serverless-junior', 'Serverless / FaaS — Junior', 'Serverless / FaaS', 'Junior', '4', '4', 'yes'],
      ['mesh', 'Service Mesh — Interview', 'Service Mesh', 'Interview', '14', '48', 'yes'],
    ]);
    expect(textOf(reply)).toContain('This channel uses every bank (the default).');
  });

  it('GIVEN an admin sets a channel\'s banks THEN the channel is told, /mesh banks marks them, and others cannot change them', async () => {
    const t = curriculumBot();
    const set = await say(t, 'banks use ops-junior, ops-senior', admin('lead', 'ops'));
    expect(set.visibility).toBe('channel');
    expect(set.text).toBe('This channel now uses Ops Foundations — Junior (ops-junior), Ops Foundations — Senior (ops-senior): rounds, practice and review draw from them, and lookups rank them first.');
    const shown = await say(t, 'banks', person('alice', 'ops'));
    expect(tableRows(shown).map((r) => [r[0], r[6]])).toEqual([['ops-junior', 'yes'], ['ops-senior', 'yes'], ['serverless-junior', '—'], ['mesh', '—']]);
    expect(textOf(shown)).toContain('This channel uses ops-junior, ops-senior (chosen by lead).');
    expect((await say(t, 'banks use mesh', person('alice', 'ops'))).failure).toBe('command.admin_only');
    expect((await say(t, 'banks use kafka', admin('lead', 'ops'))).text).toBe('No loaded bank has that name. Not loaded: kafka. Loaded banks: ops-junior, ops-senior, serverless-junior, mesh.');
    expect((await say(t, 'banks use all', admin('lead', 'ops'))).text).toMatch(/^This channel now uses every bank/);
    expect(tableRows(await say(t, 'banks', person('alice', 'ops'))).every((r) => r[6] === 'yes')).toBe(true);
  });

  it('GIVEN two channels with different banks THEN each gets rounds only from its own banks, and a channel on every bank gets them all', async () => {
    const t = curriculumBot(11);
    await say(t, 'banks use ops-junior,ops-senior', admin('lead', 'ops'));
    await say(t, 'banks use serverless-junior', admin('lead', 'faas'));
    expect(new Set((await postRounds(t, 'ops', 12)).map(bankOf))).toEqual(new Set(['ops-junior', 'ops-senior']));
    expect(new Set((await postRounds(t, 'faas', 6)).map(bankOf))).toEqual(new Set(['serverless-junior']));
    expect(new Set((await postRounds(t, 'general', 30)).map(bankOf))).toEqual(new Set(['ops-junior', 'ops-senior', 'serverless-junior', 'mesh']));
  });

  it("GIVEN a channel's banks THEN practice draws from them, quiz <bank> practises another on purpose and its next question stays there", async () => {
    const t = curriculumBot(12);
    await say(t, 'banks use ops-senior', admin('lead', 'ops'));
    expect((await practise(t, 'alice', 6, { channelId: 'ops' })).map(bankOf)).toEqual(Array(6).fill('ops-senior'));
    const other = await say(t, 'quiz serverless-junior', person('alice', 'ops'));
    expect(other.text).toMatch(/^Practice: /);
    expect(textOf(other)).toMatch(/Practice · serverless-junior Q\d/);
    // Answer it, then "Another question" stays in serverless-junior.
    const choices = buttonsOf(other).filter((b) => b.actionId === 'practice.answer');
    const answered = await t.bot.handleAction(click(choices[0]!.actionId, choices[0]!.value, person('alice', 'ops')));
    const next = buttonsOf(answered.replace!).find((b) => b.label === 'Another question')!;
    expect(next.value).toBe('practice:serverless-junior');
    const again = await t.bot.handleAction(click(next.actionId, next.value, person('alice', 'ops')));
    expect(textOf(again.messages[0]!)).toMatch(/Practice · serverless-junior Q\d/);
    expect(await say(t, 'quiz kafka', person('alice', 'ops'))).toMatchObject({
      failure: 'banks.unknown',
      text: 'No loaded bank has that name. "kafka" is not one of the loaded banks: ops-junior, ops-senior, serverless-junior, mesh (see /mesh banks).',
    });
  });

  it("GIVEN cards due from several banks THEN review serves only the channel's banks' cards", async () => {
    const t = curriculumBot(13);
    await practise(t, 'alice', 3, { bank: 'mesh' });
    await practise(t, 'alice', 3, { bank: 'ops-senior' });
    await say(t, 'banks use ops-senior', admin('lead', 'ops'));
    t.clock.advance(30 * 86_400_000);
    for (let i = 0; i < 3; i++) {
      const review = await say(t, 'review', person('alice', 'ops'));
      expect(textOf(review)).toMatch(/Review · ops-senior Q\d/);
      const choice = buttonsOf(review).find((b) => b.actionId === 'practice.answer')!;
      await t.bot.handleAction(click(choice.actionId, choice.value, person('alice', 'ops')));
    }
    expect((await say(t, 'review', person('alice', 'ops'))).failure).toBe('quiz.nothing_due');
    expect(textOf(await say(t, 'review', person('alice', 'general')))).toMatch(/Review · mesh Q\d/);
  });

  it("GIVEN a channel whose banks are all gone THEN post says so rather than opening a round", async () => {
    const t = curriculumBot();
    await t.store.channelBanks.set(await t.store.people.channelKey({ platform: 'console', workspaceId: 'w1', channelId: 'ops' }), ['retired'], 'lead', 0);
    const reply = await say(t, 'post', admin('lead', 'ops'));
    expect(reply.failure).toBe('quiz.empty_bank');
    expect(textOf(await say(t, 'banks', person('alice', 'ops')))).toContain('Not loaded now: retired: no rounds until one of its banks is loaded again.');
  });
});
