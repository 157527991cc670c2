import type { Entry, QuizItem } from '../bank/types.js';
import { buttonLabel, entryLabel, shorten } from '../messages/entry-view.js';
import type { Block, Message } from '../messages/model.js';
import type { Round, RoundResults } from '../store/ports/index.js';
import { timeInZone } from './format-time.js';
import { POINTS } from './scoring.js';

/** Button action ids of the quiz; values carry a round id and a choice index, never correctness. */
export const QUIZ_ACTIONS = Object.freeze({
  answer: 'quiz.answer',
  recallShow: 'quiz.recall',
  recallGrade: 'quiz.grade',
});

/** The round as posted: the prompt and one button per choice (or "Show answer" in recall mode). */
export function roundMessage(round: Round, prompt: string, zone: string, bankNote: string | null = null): Message {
  const closes = `Closes at ${timeInZone(round.closesMs, zone)} (${zone}).${bankNote ? ` ${bankNote}` : ''}`;
  if (round.mode === 'recall') {
    return {
      text: `Quiz: ${prompt}`,
      blocks: [
        { type: 'header', text: 'Quiz round' },
        { type: 'text', text: prompt },
        { type: 'buttons', buttons: [{ label: 'Show answer', actionId: QUIZ_ACTIONS.recallShow, value: String(round.id) }] },
        { type: 'context', text: `Recall round: read the answer privately, then say whether you knew it. ${closes}` },
      ],
    };
  }
  return {
    text: `Quiz: ${prompt}`,
    blocks: [
      { type: 'header', text: 'Quiz round' },
      { type: 'text', text: prompt },
      {
        type: 'buttons',
        buttons: round.choices.map((choice, index) => ({ label: buttonLabel(choice), actionId: QUIZ_ACTIONS.answer, value: `${round.id}:${index}` })),
      },
      {
        type: 'context',
        text: `Answers are private until the reveal. ${POINTS.correct} points for a right answer, +${POINTS.firstCorrectBonus} for the first. ${closes}`,
      },
    ],
  };
}

/**
 * The round message after it closes: the right choice by its exact label, the explanation,
 * the results. A question removed from its bank while the round was open is still revealed
 * from what the round stored (its choices), without the entry's text.
 */
export function revealMessage(round: Round, entry: Entry | undefined, item: QuizItem | undefined, prompt: string, results: RoundResults, nameBank = false): Message {
  const blocks: Block[] = [{ type: 'header', text: 'Quiz round · closed' }, { type: 'text', text: prompt }];
  let summary: string;
  if (round.mode === 'choice' && round.correctIndex !== null) {
    const label = buttonLabel(round.choices[round.correctIndex] ?? '');
    blocks.push({ type: 'fields', fields: [{ label: 'Answer', value: label }] });
    if (item) blocks.push({ type: 'text', text: item.explanation });
    summary = `${results.answered} answered, ${results.correct} right`;
    summary += results.firstCorrect ? `; first right: ${results.firstCorrect.name}.` : '.';
  } else {
    if (entry) blocks.push({ type: 'text', text: shorten(entry.answerText, 900) });
    summary = `${results.answered} answered, ${results.correct} knew it.`;
  }
  blocks.push({ type: 'context', text: entry ? `${summary} From ${entryLabel(entry, nameBank)}.` : `${summary} This question has since been removed from its bank.` });
  if (entry) blocks.push({ type: 'buttons', buttons: [{ label: 'Read the full entry', actionId: 'ask.open', value: entry.id }] });
  const answerText = round.mode === 'choice' && round.correctIndex !== null ? ` Answer: ${round.choices[round.correctIndex]}.` : '';
  return { text: `Quiz round closed.${answerText} ${summary}`, blocks };
}

/** The results posted in the round's thread. */
export function resultsMessage(round: Round, results: RoundResults): Message {
  let text: string;
  if (results.answered === 0) text = 'Nobody answered this round.';
  else if (round.mode === 'recall') text = `${results.answered} answered; knew it: ${results.correctNames.join(', ') || 'nobody'}.`;
  else if (results.correct === 0) text = `${results.answered} answered; nobody got it right this time.`;
  else {
    const names = results.correctNames.map((n, i) => (i === 0 ? `${n} (+${POINTS.correct + POINTS.firstCorrectBonus})` : `${n} (+${POINTS.correct})`));
    text = `Right: ${names.join(', ')}. ${results.answered} answered.`;
  }
  return { text, blocks: [{ type: 'text', text }] };
}
