import type { Catalogue } from '../bank/catalogue.js';
import type { Actor } from '../chat-port.js';
import type { Bank, Entry } from '../bank/types.js';
import type { LibraryView } from '../library/library.js';
import { buttonLabel } from '../messages/entry-view.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, type Block, type Message, type OutgoingMessage } from '../messages/model.js';
import type { EntryProgress, PracticeRow, StoreView } from '../store/ports/index.js';
import { buildQuestion } from './build-question.js';
import { formatInZone } from './format-time.js';
import { pick, type Random } from './random.js';
import { recordLearning } from './record-answer.js';
import { selfGradeMessage } from './self-grade-view.js';
import { channelZone } from './channel-zone.js';
import { banksOfChannel } from './channel-banks.js';

/** Button action ids of private practice and review questions. */
export const PRACTICE_ACTIONS = Object.freeze({
  answer: 'practice.answer',
  show: 'practice.show',
  grade: 'practice.grade',
  next: 'practice.next',
});

/** What private practice and review touch. */
export interface PracticeDeps {
  /** The live banks: practice and review draw from the channel's (or the one asked for). */
  library: LibraryView;
  store: StoreView<'people' | 'learning' | 'schedules' | 'channelBanks'>;
  /** Picks entries and shuffles choices; seeded in tests. */
  random: Random;
  /** The slash command's name, for hints. */
  commandName: string;
}

/** For practice: first what the person has never seen, then what they last got wrong, then the rest. */
export function choosePracticeEntry(entries: readonly Entry[], progress: ReadonlyMap<string, EntryProgress>, random: Random): Entry | undefined {
  const unseen = entries.filter((e) => !progress.has(e.id));
  if (unseen.length > 0) return pick(unseen, random);
  const retry = entries.filter((e) => progress.get(e.id)?.lastCorrect === false);
  if (retry.length > 0) return pick(retry, random);
  return pick(entries, random);
}

/** How many due cards review looks through for one from the channel's banks. */
const DUE_CARDS_SCANNED = 200;

/**
 * `quiz [bank]`: a private practice question from the channel's banks, or from the one
 * bank asked for (any loaded bank: practising a next step on purpose).
 */
export async function practiceCommand(deps: PracticeDeps, actor: Actor, nowMs: number, bankSlug: string | null = null): Promise<OutgoingMessage> {
  const { catalogue } = deps.library.current();
  const banks = await practiceBanks(deps, catalogue, actor, bankSlug);
  if (!banks) return unknownBank(catalogue, bankSlug ?? '', deps.commandName);
  const userKey = await deps.store.people.userKey(actor);
  const entry = choosePracticeEntry(banks.flatMap((b) => b.entries), await deps.store.learning.progress(userKey), deps.random);
  if (!entry) return failureReply('quiz.empty_bank', `There are no questions to practise: none of this channel's banks is loaded (see /${deps.commandName} banks).`);
  return ephemeral(await askPrivately(deps, catalogue, userKey, entry, 'practice', nowMs, bankSlug));
}

async function practiceBanks(deps: PracticeDeps, catalogue: Catalogue, actor: Actor, bankSlug: string | null): Promise<Bank[] | null> {
  if (bankSlug !== null) {
    const bank = catalogue.bank(bankSlug);
    return bank ? [bank] : null;
  }
  return (await banksOfChannel(deps.store, catalogue, await deps.store.people.channelKey(actor))).banks;
}

/** The reply to `quiz <slug>` for a slug no loaded bank has: which ones are. */
export function unknownBank(catalogue: Catalogue, slug: string, commandName: string): OutgoingMessage {
  const loaded = catalogue.banks.map((b) => b.slug).join(', ');
  return failureReply('banks.unknown', `"${slug}" is not one of the loaded banks: ${loaded || 'none'} (see /${commandName} banks).`);
}

/**
 * `review`: the person's most overdue spaced-repetition card from the channel's banks, or
 * when the next one is due. Cards of questions no longer in a loaded bank (a removed
 * question keeps its card) are passed over, never shown.
 */
export async function reviewCommand(deps: PracticeDeps, actor: Actor, nowMs: number): Promise<OutgoingMessage> {
  const { catalogue } = deps.library.current();
  const userKey = await deps.store.people.userKey(actor);
  const channelKey = await deps.store.people.channelKey(actor);
  const { banks } = await banksOfChannel(deps.store, catalogue, channelKey);
  const allowed = new Set(banks.flatMap((b) => b.entries.map((e) => e.id)));
  const due = (await deps.store.learning.dueCards(userKey, nowMs, DUE_CARDS_SCANNED)).find((card) => allowed.has(card.entryId));
  const entry = due ? catalogue.entry(due.entryId) : undefined;
  if (entry) return ephemeral(await askPrivately(deps, catalogue, userKey, entry, 'review', nowMs, null));
  const next = await deps.store.learning.nextDue(userKey);
  const text = next
    ? `Nothing to review right now. Your next card is due ${formatInZone(next.dueMs, await channelZone(deps.store, channelKey))}.`
    : `You have no review cards yet: answer a quiz question first (/${deps.commandName} quiz).`;
  return { ...ephemeral({ text, blocks: [{ type: 'text', text }] }), failure: 'quiz.nothing_due' };
}

async function askPrivately(deps: PracticeDeps, catalogue: Catalogue, userKey: number, entry: Entry, kind: 'practice' | 'review', nowMs: number, bankSlug: string | null): Promise<Message> {
  const items = catalogue.bank(entry.bankSlug)?.quizItems ?? [];
  const question = buildQuestion(entry, items, new Map(), deps.random);
  const id = await deps.store.learning.createPractice({ userKey, kind, entryId: entry.id, itemId: question.itemId, mode: question.mode, choices: question.choices, correctIndex: question.correctIndex, createdMs: nowMs, bankSlug });
  const title = kind === 'review' ? 'Review' : 'Practice';
  const label = catalogue.severalBanks ? `${entry.bankSlug} Q${entry.number}` : `Q${entry.number}`;
  const blocks: Block[] = [{ type: 'header', text: `${title} · ${label}` }, { type: 'text', text: question.prompt }];
  if (question.mode === 'choice') {
    blocks.push({ type: 'buttons', buttons: question.choices.map((c, i) => ({ label: buttonLabel(c), actionId: PRACTICE_ACTIONS.answer, value: `${id}:${i}` })) });
  } else {
    blocks.push({ type: 'buttons', buttons: [{ label: 'Show answer', actionId: PRACTICE_ACTIONS.show, value: String(id) }] });
  }
  blocks.push({ type: 'context', text: kind === 'review' ? 'Spaced repetition: counts for your progress.' : 'Practice: counts for your progress, not the channel leaderboard.' });
  return { text: `${title}: ${question.prompt}`, blocks };
}

export type PracticeResult = { ok: true; replace: Message } | { ok: false; code: 'quiz.practice_not_found' | 'quiz.already_answered' };

async function ownedPractice(deps: PracticeDeps, actor: Actor, id: number): Promise<PracticeRow | undefined> {
  const row = await deps.store.learning.practice(id);
  if (!row) return undefined;
  return row.userKey === (await deps.store.people.userKey(actor)) ? row : undefined;
}

/** A click on a practice choice: graded at once, with the explanation. */
export async function answerPractice(deps: PracticeDeps, actor: Actor, value: string, nowMs: number): Promise<PracticeResult> {
  const match = /^(\d{1,12}):(\d{1,2})$/.exec(value);
  const row = match ? await ownedPractice(deps, actor, Number(match[1])) : undefined;
  if (!match || !row || row.mode !== 'choice' || row.correctIndex === null) return { ok: false, code: 'quiz.practice_not_found' };
  const index = Number(match[2]);
  const label = row.choices[index];
  if (label === undefined) return { ok: false, code: 'quiz.practice_not_found' };
  const correct = index === row.correctIndex;
  const first = await firstAnswer(deps, row, correct, nowMs);
  if (!first) return { ok: false, code: 'quiz.already_answered' };
  const item = row.itemId ? deps.library.current().catalogue.item(row.itemId) : undefined;
  const right = row.choices[row.correctIndex] ?? '';
  const verdict = correct ? `Right: ${right}.` : `Not quite. You picked ${label}; the answer is ${right}.`;
  const blocks: Block[] = [{ type: 'header', text: correct ? 'Correct' : 'Not quite' }, { type: 'text', text: verdict }];
  if (item) blocks.push({ type: 'text', text: item.explanation });
  return { ok: true, replace: { text: verdict, blocks: [...blocks, nextButtons(row)] } };
}

/** "Show answer" on a recall practice question. */
export async function showPracticeAnswer(deps: PracticeDeps, actor: Actor, value: string): Promise<PracticeResult> {
  const row = await ownedPractice(deps, actor, Number(value));
  const { catalogue } = deps.library.current();
  const entry = row ? catalogue.entry(row.entryId) : undefined;
  if (!row || !entry) return { ok: false, code: 'quiz.practice_not_found' };
  if (row.answeredMs !== null) return { ok: false, code: 'quiz.already_answered' };
  return { ok: true, replace: selfGradeMessage(entry, PRACTICE_ACTIONS.grade, row.id, catalogue.severalBanks) };
}

/** "I knew it" / "Not yet" on a recall practice question. */
export async function gradePractice(deps: PracticeDeps, actor: Actor, value: string, nowMs: number): Promise<PracticeResult> {
  const match = /^(\d{1,12}):([01])$/.exec(value);
  const row = match ? await ownedPractice(deps, actor, Number(match[1])) : undefined;
  if (!match || !row) return { ok: false, code: 'quiz.practice_not_found' };
  const knew = match[2] === '1';
  const first = await firstAnswer(deps, row, knew, nowMs);
  if (!first) return { ok: false, code: 'quiz.already_answered' };
  const text = knew ? 'Noted: you knew it. It comes back for review later.' : 'Noted: not yet. It comes back for review soon.';
  return { ok: true, replace: { text, blocks: [{ type: 'text', text }, nextButtons(row)] } };
}

/** Marks a private question answered and records the learning, once: false if it was answered before. */
function firstAnswer(deps: PracticeDeps, row: PracticeRow, correct: boolean, nowMs: number): Promise<boolean> {
  return deps.store.transaction(async (tx) => {
    if (!(await tx.learning.answerPractice(row.id, nowMs))) return false;
    await recordLearning(tx, { userKey: row.userKey, entryId: row.entryId, correct, source: row.kind, channelKey: null, nowMs });
    return true;
  });
}

function nextButtons(row: PracticeRow): Block {
  return {
    type: 'buttons',
    buttons: [
      // "Another question" stays in the bank practice was asked for, if one was.
      { label: row.kind === 'review' ? 'Next review' : 'Another question', actionId: PRACTICE_ACTIONS.next, value: row.bankSlug ? `${row.kind}:${row.bankSlug}` : row.kind },
      { label: 'Read the full entry', actionId: 'ask.open', value: row.entryId },
    ],
  };
}
