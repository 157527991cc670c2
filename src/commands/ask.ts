import type { Actor } from '../chat-port.js';
import type { Entry } from '../bank/types.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import { ephemeral, type Block, type Button, type OutgoingMessage } from '../messages/model.js';
import type { Hit, Lookup, LookupResult } from '../search/lookup.js';
import type { LookupLog } from '../store/ports/index.js';
import { entryBlocks, entryLabel, openEntryButton } from '../messages/entry-view.js';

export interface AskDeps {
  lookup: Lookup;
  lookups: LookupLog;
}

/** Looks a query up, logs it for gap reports, and builds the (private) reply. */
export async function ask(deps: AskDeps, actor: Actor, query: string, nowMs: number, deliveryKey: string | null = null): Promise<OutgoingMessage> {
  const trimmed = query.trim();
  if (trimmed === '') return failureReply('command.empty_query');
  const result = deps.lookup.search(trimmed);
  const top = result.hits[0];
  const lookupId = await deps.lookups.record({
    platform: actor.platform,
    workspaceId: actor.workspaceId,
    channelId: actor.channelId,
    userId: actor.userId,
    query: trimmed.slice(0, 500),
    topEntryId: top?.entry.id ?? null,
    answered: result.answered,
    confidence: result.confidence,
    atMs: nowMs,
    deliveryKey,
  });
  if (!result.answered || !top) return noMatchReply(result);
  // Always offer one or two next questions; the lookup's own related list is preferred.
  const related = result.related.length > 0 ? result.related : result.hits.slice(1, 3);
  return answerReply(top.entry, related, 'preview', lookupId);
}

/** The reply for an entry: preview or full answer, related entries, and what to do next. */
export function answerReply(entry: Entry, related: Hit[], mode: 'preview' | 'full' = 'preview', lookupId?: number): OutgoingMessage {
  const { blocks, truncated } = entryBlocks(entry, mode);
  const buttons: Button[] = [];
  if (truncated) buttons.push({ label: 'Show full answer', actionId: 'ask.more', value: entry.id, style: 'primary' });
  buttons.push({ label: 'Share in channel', actionId: 'ask.share', value: entry.id });
  const all: Block[] = [...blocks];
  if (related.length > 0) {
    all.push({ type: 'context', text: `Related: ${related.map((h) => entryLabel(h.entry)).join('; ')}` });
    buttons.push(...related.map((h) => openEntryButton(h.entry)));
  }
  if (lookupId !== undefined) {
    // Votes feed the gap report: an answer marked unhelpful is a gap as much as no answer.
    buttons.push({ label: 'Helpful', actionId: 'ask.vote', value: `${lookupId}:1` });
    buttons.push({ label: 'Not helpful', actionId: 'ask.vote', value: `${lookupId}:0` });
  }
  all.push({ type: 'buttons', buttons });
  return ephemeral({ text: `${entryLabel(entry)}: ${entry.question}`, blocks: all });
}

function noMatchReply(result: LookupResult): OutgoingMessage {
  const query = quoteUserText(result.query);
  const closest = result.hits.slice(0, 3).map((h) => h.entry);
  const blocks: Block[] = [{ type: 'text', text: `No good match for "${query}" in the bank.` }];
  if (closest.length > 0) {
    blocks.push({ type: 'context', text: 'Closest topics:' });
    blocks.push({ type: 'buttons', buttons: closest.map(openEntryButton) });
  } else {
    blocks.push({ type: 'context', text: 'Try other words, or see every question with the topics command.' });
  }
  return { ...ephemeral({ text: `No good match for "${query}".`, blocks }), failure: 'ask.no_match' };
}
