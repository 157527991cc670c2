import type { Bank } from '../bank/types.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';

/** Every bank and its questions, with tiers where the bank has them. */
export function topicsReply(banks: readonly Bank[]): OutgoingMessage {
  const blocks: Block[] = [];
  for (const bank of banks) {
    const quiz = bank.quizItems.length > 0 ? `${bank.quizItems.length} quiz items` : 'recall quiz (no items)';
    blocks.push({ type: 'header', text: bank.title });
    blocks.push({ type: 'context', text: `${bank.entries.length} questions · ${quiz} · bank "${bank.slug}"` });
    blocks.push({
      type: 'text',
      text: bank.entries.map((e) => `Q${e.number}  ${e.title}${e.tier ? `  (${e.tier})` : ''}`).join('\n'),
    });
  }
  const count = banks.reduce((n, b) => n + b.entries.length, 0);
  return ephemeral({ text: `${banks.length} bank(s), ${count} questions`, blocks });
}
