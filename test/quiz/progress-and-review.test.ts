import { describe, expect, it } from 'vitest';
import { buttonsOf, seededRandom, type OutgoingMessage } from '../../src/index.js';
import { click, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, person, roundPosts, say, storedRound, tableRows } from '../helpers/quiz.js';

const ONBOARDING = 'onboarding';

/** Answers a private practice or review question right or wrong; returns its entry id. */
async function answerPrivately(t: TestBot, question: OutgoingMessage, right: boolean, name: string): Promise<string> {
  const buttons = buttonsOf(question).filter((b) => b.actionId === 'practice.answer');
  const id = Number(buttons[0]!.value.split(':')[0]);
  const row = (await t.store.learning.practice(id))!;
  const button = buttons.find((b) => (b.value === `${id}:${row.correctIndex}`) === right)!;
  await t.bot.handleAction(click(button.actionId, button.value, person(name, ONBOARDING)));
  return row.entryId;
}

async function userKey(t: TestBot, name: string): Promise<number> {
  return (await t.store.people.findUser('console', 'w1', name))!.key;
}

describe('progress for a new hire', () => {
  it('GIVEN nina answered a round and practised THEN her progress shows each question\'s status and a one-line summary, and the channel a cohort table', async () => {
    const t = testBot({ start: '2026-12-01T09:00:00Z', random: seededRandom(61) });
    const right = new Set<string>();
    const wrong = new Set<string>();

    // Arrange: a round in #onboarding (nina right, omar wrong), then ten practice questions for nina.
    await say(t, 'post', admin('lead', ONBOARDING));
    const post = roundPosts(t.chat, ONBOARDING).at(-1)!;
    await answerRound(t, post.message, true, person('nina', ONBOARDING));
    await answerRound(t, post.message, false, person('omar', ONBOARDING));
    right.add((await storedRound(t, post.roundId)).entryId);
    for (let i = 0; i < 10; i++) {
      const ok = i !== 3 && i !== 7;
      const entryId = await answerPrivately(t, await say(t, 'quiz', person('nina', ONBOARDING)), ok, 'nina');
      (ok ? right : wrong).add(entryId);
    }
    expect(right.size + wrong.size).toBe(11); // practice asks unseen questions first

    // Act
    const mine = await say(t, 'progress @nina', person('lead', ONBOARDING));
    const cohort = await say(t, 'progress', person('lead', ONBOARDING));

    // Assert
    expect(mine.text).toBe('nina: 9/14 covered, 2 to retry');
    const expected = t.bot.catalogue.allEntries().map((e) => [`Q${e.number}`, e.title, right.has(e.id) ? 'answered correctly' : wrong.has(e.id) ? 'missed: retry' : 'not yet seen']);
    expect(tableRows(mine)).toEqual(expected);
    expect(tableRows(cohort)).toEqual([
      ['nina', '9/14', '2', '3'],
      ['omar', '0/14', '1', '13'],
    ]);
  });

  it('GIVEN a missed question answered right later THEN it counts as covered', async () => {
    const t = testBot({ start: '2026-12-01T09:00:00Z', random: seededRandom(62) });
    const missed = await answerPrivately(t, await say(t, 'quiz', person('nina')), false, 'nina');
    expect((await say(t, 'progress me', person('nina'))).text).toBe('nina: 0/14 covered, 1 to retry');
    t.clock.advance(5 * 60_000);
    const review = await say(t, 'review', person('nina'));
    expect(await answerPrivately(t, review, true, 'nina')).toBe(missed);
    expect((await say(t, 'progress me', person('nina'))).text).toBe('nina: 1/14 covered, 0 to retry');
  });

  it('GIVEN someone who never used the bot THEN their progress is all "not yet seen"', async () => {
    const reply = await say(testBot(), 'progress @newbie', person('lead'));
    expect(reply.text).toBe('newbie: 0/14 covered, 0 to retry');
    expect(tableRows(reply).every((r) => r[2] === 'not yet seen')).toBe(true);
  });
});

describe('spaced repetition (FSRS) due dates', () => {
  it('GIVEN the same question answered right by one person and wrong by another THEN the right answer is due later', async () => {
    const t = testBot({ start: '2026-12-01T09:00:00Z', random: seededRandom(63) });
    await say(t, 'post', admin('lead'));
    const post = roundPosts(t.chat).at(-1)!;
    await answerRound(t, post.message, true, person('alice'));
    await answerRound(t, post.message, false, person('bob'));

    const alice = (await t.store.learning.nextDue(await userKey(t, 'alice')))!;
    const bob = (await t.store.learning.nextDue(await userKey(t, 'bob')))!;
    expect(alice.entryId).toBe(bob.entryId);
    expect(alice.dueMs).toBeGreaterThan(bob.dueMs);
    expect(bob.dueMs).toBeGreaterThan(Date.parse('2026-12-01T09:00:00Z'));
  });

  it('GIVEN repeated right answers THEN the card moves out by days, and a wrong answer brings it back within minutes', async () => {
    const t = testBot({ start: '2026-12-01T09:00:00Z', random: seededRandom(64) });
    const entry = await answerPrivately(t, await say(t, 'quiz', person('alice')), true, 'alice');
    const first = (await t.store.learning.nextDue(await userKey(t, 'alice')))!;

    t.clock.set(new Date(first.dueMs));
    expect(await answerPrivately(t, await say(t, 'review', person('alice')), true, 'alice')).toBe(entry);
    const second = (await t.store.learning.nextDue(await userKey(t, 'alice')))!;
    expect(second.dueMs - first.dueMs).toBeGreaterThanOrEqual(86_400_000);

    t.clock.set(new Date(second.dueMs));
    await answerPrivately(t, await say(t, 'review', person('alice')), false, 'alice');
    const third = (await t.store.learning.nextDue(await userKey(t, 'alice')))!;
    expect(third.dueMs - second.dueMs).toBeLessThan(3_600_000);
  });

  it('GIVEN no card is due THEN review says when the next one is, in the channel\'s zone', async () => {
    const t = testBot({ start: '2026-12-01T09:00:00Z', random: seededRandom(65) });
    await say(t, 'schedule 10:00 Europe/Berlin weekdays', admin('lead'));
    expect((await say(t, 'review', person('alice'))).text).toBe('You have no review cards yet: answer a quiz question first (/mesh quiz).');
    await answerPrivately(t, await say(t, 'quiz', person('alice')), true, 'alice');
    const due = (await t.store.learning.nextDue(await userKey(t, 'alice')))!;
    const reply = await say(t, 'review', person('alice'));
    expect(reply.failure).toBe('quiz.nothing_due');
    expect(textOf(reply)).toContain('Nothing to review right now. Your next card is due Tue 1 Dec 10:10 Europe/Berlin.');
    expect(due.dueMs).toBe(Date.parse('2026-12-01T09:10:00Z'));
  });
});
