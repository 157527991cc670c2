import type { Catalogue } from '../bank/catalogue.js';
import { learningPaths, nameKey, stepLabel } from '../bank/curriculum.js';
import type { Bank } from '../bank/types.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';

/**
 * `topics`: each topic with its levels (loaded or not yet), the paths between banks, and
 * the questions of the channel's banks (docs/design.md, "Curriculum").
 */
export function topicsReply(catalogue: Catalogue, channelBanks: readonly Bank[], commandName: string): OutgoingMessage {
  const blocks: Block[] = [];
  const banks = catalogue.banks;
  if (banks.length > 1 || banks.some((b) => b.nextStep !== null || b.topicLevels.length > 0)) {
    blocks.push({ type: 'header', text: 'Topics' });
    blocks.push({ type: 'table', header: ['Topic', 'Levels'], rows: topicRows(banks) });
    blocks.push({ type: 'header', text: 'Paths' });
    blocks.push({ type: 'text', text: learningPaths(banks).map((path) => path.map(stepLabel).join(' → ')).join('\n') });
  }
  for (const bank of channelBanks) {
    const quiz = bank.quizItems.length > 0 ? `${bank.quizItems.length} quiz items` : 'recall quiz (no items)';
    blocks.push({ type: 'header', text: bank.title });
    blocks.push({ type: 'context', text: `${bank.entries.length} questions · ${quiz} · bank "${bank.slug}"` });
    blocks.push({
      type: 'text',
      text: bank.entries.map((e) => `Q${e.number}  ${e.title}${e.tier ? `  (${e.tier})` : ''}`).join('\n'),
    });
  }
  const others = banks.filter((b) => !channelBanks.includes(b));
  if (others.length > 0) {
    blocks.push({ type: 'context', text: `Not used in this channel: ${others.map((b) => `${b.title} (${b.slug})`).join(', ')}. Practise one with /${commandName} quiz <bank>.` });
  }
  const count = banks.reduce((n, b) => n + b.entries.length, 0);
  return ephemeral({ text: `${banks.length} bank(s), ${count} questions`, blocks });
}

/**
 * One row per topic: its levels in the order the banks list them, each with the bank
 * that teaches it, or "not loaded yet". A loaded level the list leaves out is added.
 */
function topicRows(banks: readonly Bank[]): string[][] {
  const topics = new Map<string, { name: string; banks: Bank[] }>();
  for (const bank of banks) {
    const key = nameKey(bank.topic);
    const topic = topics.get(key) ?? { name: bank.topic, banks: [] };
    topic.banks.push(bank);
    topics.set(key, topic);
  }
  return [...topics.values()].map(({ name, banks: inTopic }) => {
    const levels: { name: string; bank: Bank | null }[] = [];
    const add = (level: string, bank: Bank | null): void => {
      const known = levels.find((l) => nameKey(l.name) === nameKey(level));
      if (!known) levels.push({ name: level, bank });
      else known.bank ??= bank;
    };
    for (const bank of inTopic) for (const level of bank.topicLevels) add(level, null);
    for (const bank of inTopic) add(bank.level ?? 'one level', bank);
    return [name, levels.map((l) => `${l.name} (${l.bank ? l.bank.slug : 'not loaded yet'})`).join(', ')];
  });
}
