import { describe, expect, it } from 'vitest';
import { buttonsOf, loadBanks, seededRandom } from '../../src/index.js';
import { click, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, latestUpdate, person, roundPosts, say, storedRound, tableRows } from '../helpers/quiz.js';
import { tinyBanksDir } from '../helpers/small-banks.js';

/** A bot over the tiny bank (no quiz items) with a round open in #general. */
async function recallRound(): Promise<TestBot & { roundId: number; messageId: string }> {
  const t = testBot({ banks: loadBanks(tinyBanksDir()), random: seededRandom(31) });
  await say(t, 'post', admin('lead'));
  const post = roundPosts(t.chat).at(-1)!;
  return Object.assign(t, { roundId: post.roundId, messageId: post.messageId });
}

/** Clicks "Show answer" on the round, then the given self-grade on the private answer. */
async function selfGrade(t: TestBot, roundId: number, name: string, knew: boolean) {
  const shown = await t.bot.handleAction(click('quiz.recall', String(roundId), person(name)));
  const grade = buttonsOf(shown.messages[0]!).find((b) => b.label === (knew ? 'I knew it' : 'Not yet'))!;
  return { shown, graded: await t.bot.handleAction(click(grade.actionId, grade.value, person(name))) };
}

describe('recall mode on a bank without quiz items', () => {
  it('GIVEN a round from a bank without items THEN it asks the question with one "Show answer" button carrying only the round id', async () => {
    const t = await recallRound();
    const post = roundPosts(t.chat).at(-1)!;
    expect((await storedRound(t, t.roundId))).toMatchObject({ mode: 'recall', choices: [], correctIndex: null });
    expect(textOf(post.message)).toContain(t.bot.catalogue.entry((await storedRound(t, t.roundId)).entryId)!.question);
    expect(buttonsOf(post.message)).toEqual([{ label: 'Show answer', actionId: 'quiz.recall', value: String(t.roundId) }]);
  });

  it('GIVEN "Show answer" THEN the answer comes privately with "I knew it" / "Not yet", and the grade is recorded once', async () => {
    const t = await recallRound();
    const entry = t.bot.catalogue.entry((await storedRound(t, t.roundId)).entryId)!;

    const { shown, graded } = await selfGrade(t, t.roundId, 'alice', true);
    const again = await selfGrade(t, t.roundId, 'alice', false);

    expect(shown.messages[0]).toMatchObject({ visibility: 'ephemeral' });
    expect(textOf(shown.messages[0]!)).toContain(entry.answerText);
    expect(buttonsOf(shown.messages[0]!).map((b) => b.label)).toEqual(['I knew it', 'Not yet']);
    expect(graded.replace?.text).toBe('Noted: you knew it.');
    expect(again.graded.messages[0]).toMatchObject({ failure: 'quiz.already_answered', text: expect.stringContaining('You said: I knew it.') });
  });

  it('GIVEN self-grades THEN they count for progress and review but give no channel points, and the reveal says who knew it', async () => {
    const t = await recallRound();
    await selfGrade(t, t.roundId, 'alice', true);
    await selfGrade(t, t.roundId, 'bob', false);
    t.clock.advance(8 * 3_600_000);
    await t.bot.tick();

    const entry = t.bot.catalogue.entry((await storedRound(t, t.roundId)).entryId)!;
    const reveal = textOf(latestUpdate(t.chat, t.messageId)!);
    expect(reveal).toContain('2 answered, 1 knew it.');
    expect(reveal).toContain(entry.answerText);
    expect(t.chat.calls.at(-1)!.message.text).toBe('2 answered; knew it: alice.');

    expect((await say(t, 'leaderboard')).text).toMatch(/^No points yet/);
    expect((await say(t, 'progress @alice')).text).toBe('alice: 1/3 covered, 0 to retry');
    expect((await say(t, 'progress @bob')).text).toBe('bob: 0/3 covered, 1 to retry');
    expect(tableRows(await say(t, 'progress', person('bob')))).toEqual([
      ['alice', '1/3', '0', '2'],
      ['bob', '0/3', '1', '2'],
    ]);
    // "Not yet" is an Again: bob's card is due within minutes and review serves it.
    t.clock.advance(10 * 60_000);
    const review = await say(t, 'review', person('bob'));
    expect(textOf(review)).toContain(`Review · Q${entry.number}`);
    expect(buttonsOf(review).map((b) => b.label)).toEqual(['Show answer']);
  });

  it('GIVEN a closed recall round THEN "Show answer" and a late grade are told the round has closed', async () => {
    const t = await recallRound();
    const early = await t.bot.handleAction(click('quiz.recall', String(t.roundId), person('carol')));
    const grade = buttonsOf(early.messages[0]!)[0]!;
    t.clock.advance(8 * 3_600_000);
    await t.bot.tick();

    const show = await t.bot.handleAction(click('quiz.recall', String(t.roundId), person('carol')));
    const late = await t.bot.handleAction(click(grade.actionId, grade.value, person('carol')));

    expect(show.messages[0]?.failure).toBe('quiz.round_closed');
    expect(late.messages[0]?.failure).toBe('quiz.round_closed');
  });
});
