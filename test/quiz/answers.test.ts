import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsOf, seededRandom } from '../../src/index.js';
import { click, tempDir, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { admin, choiceButtons, latestUpdate, person, roundPosts, say, storedRound, tableRows } from '../helpers/quiz.js';

/** Opens a round now with `/mesh post` and returns its message and id. */
async function postRound(t: TestBot) {
  await say(t, 'post', admin('lead'));
  const post = roundPosts(t.chat).at(-1);
  if (!post) throw new Error('no round posted');
  return { ...post, round: (await storedRound(t, post.roundId)) };
}

function clickAs(name: string, value: string) {
  return click('quiz.answer', value, person(name));
}

describe('answering a round', () => {
  it('GIVEN a second click by the same person THEN the first answer stands and the person is told so', async () => {
    const t = testBot({ random: seededRandom(21) });
    const { round, message } = await postRound(t);
    const right = round.correctIndex!;
    const wrong = (right + 1) % 4;
    const labels = choiceButtons(message).map((b) => b.label);

    const first = await t.bot.handleAction(clickAs('alice', `${round.id}:${right}`));
    const second = await t.bot.handleAction(clickAs('alice', `${round.id}:${wrong}`));

    expect(first.messages[0]).toMatchObject({ visibility: 'ephemeral', text: expect.stringContaining(`Locked in: ${labels[right]}`) });
    expect(second.messages[0]).toMatchObject({ visibility: 'ephemeral', failure: 'quiz.already_answered' });
    expect(second.messages[0]!.text).toContain(`You picked ${labels[right]}`);
    expect((await t.store.answers.answerOf(round.id, (await t.store.people.findUser('console', 'w1', 'alice'))!.key))).toEqual({ choiceIndex: right, correct: true });
    expect(tableRows(await say(t, 'leaderboard'))).toEqual([['1', 'alice', '15', '0']]);
  });

  it('GIVEN a restart after a click WHEN the same click arrives again THEN it is confirmed, not refused, and counted once; a different pick is refused', async () => {
    const path = join(tempDir(), 'bot.db');
    const before = testBot({ path, random: seededRandom(22) });
    const { round, message } = await postRound(before);
    const labels = choiceButtons(message).map((b) => b.label);
    await before.bot.handleAction(clickAs('alice', `${round.id}:1`));
    await before.store.close();

    const after = testBot({ path, start: before.clock.now().toISOString() });
    const again = await after.bot.handleAction(clickAs('alice', `${round.id}:1`));
    const other = await after.bot.handleAction(clickAs('alice', `${round.id}:3`));

    expect(again.messages[0]?.failure).toBeUndefined();
    expect(again.messages[0]?.text.startsWith(`Locked in: ${labels[1]}.`)).toBe(true);
    expect(other.messages[0]?.failure).toBe('quiz.already_answered');
    expect(textOf(other.messages[0]!)).toContain(`You picked ${labels[1]}`);
    expect((await after.store.rounds.results(round.id)).answered).toBe(1);
    const board = await after.store.answers.leaderboard('c:console:w1:general', 'all', 10);
    expect(board.map((r) => [r.name, r.answered])).toEqual([['alice', 1]]);
  });

  it('GIVEN a round posted in one channel WHEN its button value is clicked in another channel THEN the click is refused and nothing is recorded', async () => {
    const t = testBot({ random: seededRandom(24) });
    const { round } = await postRound(t);

    const reply = await t.bot.handleAction(click('quiz.answer', `${round.id}:${round.correctIndex}`, person('mallory', 'elsewhere')));

    expect(reply.messages[0]?.failure).toBe('quiz.wrong_channel');
    expect((await t.store.rounds.results(round.id)).answered).toBe(0);
    expect(await t.store.answers.leaderboard('c:console:w1:elsewhere', 'all', 10)).toEqual([]);
    expect(await t.store.answers.leaderboard('w:console:w1', 'all', 10)).toEqual([]);
  });

  it('GIVEN sixty people clicking all four choices at once THEN exactly one answer per person counts, and one first-right bonus', async () => {
    const t = testBot({ random: seededRandom(22) });
    const { round } = await postRound(t);
    const people = Array.from({ length: 60 }, (_, i) => `user${i}`);
    // Person i clicks choice i % 4 first, then the other three, all interleaved with everyone else's.
    const clicks = [0, 1, 2, 3].flatMap((k) => people.map((name, i) => clickAs(name, `${round.id}:${(i + k) % 4}`)));

    const replies = await Promise.all(clicks.map((c) => t.bot.handleAction(c)));

    const failures = replies.map((r) => r.messages[0]?.failure ?? 'recorded');
    expect(failures.filter((f) => f === 'recorded')).toHaveLength(60);
    expect(failures.filter((f) => f === 'quiz.already_answered')).toHaveLength(180);
    const results = await t.store.rounds.results(round.id);
    expect(results).toMatchObject({ answered: 60, correct: 15 });
    for (const [i, name] of people.entries()) {
      const key = (await t.store.people.findUser('console', 'w1', name))!.key;
      expect((await t.store.answers.answerOf(round.id, key))?.choiceIndex).toBe(i % 4);
    }
    const points = tableRows(await say(t, 'leaderboard')).map((r) => Number(r[2]));
    expect(points.filter((p) => p === 15)).toHaveLength(1);
  });

  it('GIVEN a closed round WHEN someone clicks THEN they are told it has closed and nothing is recorded', async () => {
    const t = testBot({ random: seededRandom(24) });
    const { round } = await postRound(t);
    t.clock.advance(8 * 3_600_000);
    await t.bot.tick();
    expect((await storedRound(t, round.id)).status).toBe('closed');

    const reply = await t.bot.handleAction(clickAs('bob', `${round.id}:0`));

    expect(reply.messages[0]).toMatchObject({ failure: 'quiz.round_closed', text: expect.stringContaining('This round has closed') });
    expect((await t.store.rounds.results(round.id)).answered).toBe(0);
  });

  it('GIVEN a round whose close time has passed but no tick has run THEN a click is refused all the same', async () => {
    const t = testBot({ random: seededRandom(25) });
    const { round } = await postRound(t);
    t.clock.advance(8 * 3_600_000);
    const reply = await t.bot.handleAction(clickAs('bob', `${round.id}:0`));
    expect(reply.messages[0]?.failure).toBe('quiz.round_closed');
  });

  it('GIVEN a round message THEN its buttons carry only the round id and a choice index, the right one looking like any other', async () => {
    const t = testBot({ random: seededRandom(26) });
    const { round, message } = await postRound(t);
    const buttons = buttonsOf(message);
    expect(buttons.map((b) => b.value)).toEqual([0, 1, 2, 3].map((i) => `${round.id}:${i}`));
    expect(new Set(buttons.map((b) => `${b.actionId}|${b.style ?? ''}`))).toEqual(new Set(['quiz.answer|']));
    expect(JSON.stringify(buttons)).not.toMatch(/correct|right|true/i);
  });

  it('GIVEN a click THEN the pick stays private: only the person is answered, nothing goes to the channel', async () => {
    const t = testBot({ random: seededRandom(27) });
    const { round } = await postRound(t);
    const before = t.chat.calls.length;
    const reply = await t.bot.handleAction(clickAs('carol', `${round.id}:1`));
    expect(reply.messages.every((m) => m.visibility === 'ephemeral')).toBe(true);
    expect(reply.replace).toBeUndefined();
    expect(t.chat.calls.length).toBe(before);
  });

  it('GIVEN the round closes THEN the reveal names the right choice by its exact button label, explains it, and says who was first', async () => {
    const t = testBot({ random: seededRandom(28) });
    const { round, message, messageId } = await postRound(t);
    const right = round.correctIndex!;
    await t.bot.handleAction(clickAs('dave', `${round.id}:${(right + 1) % 4}`));
    t.clock.advance(1000);
    await t.bot.handleAction(clickAs('erin', `${round.id}:${right}`));
    t.clock.advance(1000);
    await t.bot.handleAction(clickAs('frank', `${round.id}:${right}`));
    t.clock.advance(8 * 3_600_000);
    await t.bot.tick();

    const reveal = textOf(latestUpdate(t.chat, messageId)!);
    const label = choiceButtons(message)[right]!.label;
    expect(reveal).toContain(`Answer: ${label}`);
    expect(reveal).toContain(t.bot.catalogue.item(round.itemId!)!.explanation);
    expect(reveal).toContain('3 answered, 2 right; first right: erin.');
    const results = t.chat.calls.filter((c) => c.kind === 'reply').at(-1)!;
    expect(results.message.text).toBe('Right: erin (+15), frank (+10). 3 answered.');
  });
});

/** Runs one answer worker process; resolves with its counts of reply kinds. */
