import { buttonsOf, type OutgoingMessage } from '../../src/index.js';
import { click, type TestBot } from './fixtures.js';
import { person, say } from './quiz.js';

/**
 * Answers a private practice or review question right (or wrong), in either mode: a
 * choice by its stored right index, or recall's "Show answer" then "I knew it" / "Not yet".
 * Returns the entry it was about.
 */
export async function answerPrivately(t: TestBot, question: OutgoingMessage, right: boolean, name: string, channelId = 'general'): Promise<string> {
  const who = person(name, channelId);
  const choices = buttonsOf(question).filter((b) => b.actionId === 'practice.answer');
  if (choices.length > 0) {
    const id = Number(choices[0]!.value.split(':')[0]);
    const row = (await t.store.learning.practice(id))!;
    const button = choices.find((b) => (b.value === `${id}:${row.correctIndex}`) === right)!;
    await t.bot.handleAction(click(button.actionId, button.value, who));
    return row.entryId;
  }
  const show = buttonsOf(question).find((b) => b.actionId === 'practice.show');
  if (!show) throw new Error(`not a practice question: ${question.text}`);
  const row = (await t.store.learning.practice(Number(show.value)))!;
  const shown = await t.bot.handleAction(click(show.actionId, show.value, who));
  const grade = buttonsOf(shown.replace!).find((b) => b.value.endsWith(right ? ':1' : ':0'))!;
  await t.bot.handleAction(click(grade.actionId, grade.value, who));
  return row.entryId;
}

/** Practises `times` questions (from one bank, or the channel's), always right; returns their entries. */
export async function practise(t: TestBot, name: string, times: number, options: { bank?: string; channelId?: string } = {}): Promise<string[]> {
  const entries: string[] = [];
  for (let i = 0; i < times; i++) {
    const question = await say(t, options.bank ? `quiz ${options.bank}` : 'quiz', person(name, options.channelId));
    entries.push(await answerPrivately(t, question, true, name, options.channelId));
  }
  return entries;
}
