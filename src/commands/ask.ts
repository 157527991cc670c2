import type { Actor } from '../chat-port.js';
import type { Entry } from '../bank/types.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import { ephemeral, type Block, type Button, type OutgoingMessage } from '../messages/model.js';
import type { Hit, Lookup, LookupResult } from '../search/lookup.js';
import type { AfterReply } from '../after-reply.js';
import type { Random } from '../quiz/random.js';
import type { LookupLog, LookupRecord } from '../store/ports/index.js';
import { entryBlocks, entryLabel, openEntryButton } from '../messages/entry-view.js';

export interface AskDeps {
  lookup: Lookup;
  lookups: LookupLog;
  /** Where the log write goes: after the reply, never in front of it. */
  afterReply: AfterReply;
  /** Makes the lookup's reference for its vote buttons. */
  random: Random;
}

/**
 * A lookup's reference, known before it is logged: 12 characters of base 36. A delivery
 * the platform repeats gets the same one (from its key), so the repeat's reply is the
 * first one's, buttons included.
 */
function lookupRef(random: Random, deliveryKey: string | null): string {
  let ref = '';
  if (deliveryKey) {
    // FNV-1a, twice with different seeds: 2 x 32 bits, enough for 12 base-36 characters.
    for (const seed of [0x811c9dc5, 0x01000193]) {
      let h = seed;
      for (let i = 0; i < deliveryKey.length; i++) h = Math.imul(h ^ deliveryKey.charCodeAt(i), 0x01000193) >>> 0;
      ref += h.toString(36).padStart(7, '0').slice(-6);
    }
    return ref;
  }
  for (let i = 0; i < 12; i++) ref += Math.floor(random() * 36).toString(36);
  return ref;
}

/**
 * Looks a query up and builds the (private) reply. The lookup is logged for gap reports
 * after the reply has gone; its vote buttons carry a reference made beforehand.
 */
export function ask(deps: AskDeps, actor: Actor, query: string, nowMs: number, deliveryKey: string | null = null): { reply: OutgoingMessage; answered: boolean } {
  const trimmed = query.trim();
  if (trimmed === '') return { reply: failureReply('command.empty_query'), answered: false };
  const result = deps.lookup.search(trimmed);
  const top = result.hits[0];
  const ref = lookupRef(deps.random, deliveryKey);
  deps.afterReply.batch('lookup log', {
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
    ref,
  }, (rows: LookupRecord[]) => deps.lookups.recordMany(rows));
  if (!result.answered || !top) return { reply: noMatchReply(result, ref), answered: false };
  // Always offer one or two next questions; the lookup's own related list is preferred.
  const related = result.related.length > 0 ? result.related : result.hits.slice(1, 3);
  return { reply: answerReply(top.entry, related, 'preview', ref), answered: true };
}

/** The reply for an entry: preview or full answer, related entries, and what to do next. */
export function answerReply(entry: Entry, related: Hit[], mode: 'preview' | 'full' = 'preview', lookupRef?: string): OutgoingMessage {
  const { blocks, truncated } = entryBlocks(entry, mode);
  const buttons: Button[] = [];
  if (truncated) buttons.push({ label: 'Show full answer', actionId: 'ask.more', value: entry.id, style: 'primary' });
  buttons.push({ label: 'Share in channel', actionId: 'ask.share', value: entry.id });
  const all: Block[] = [...blocks];
  if (related.length > 0) {
    all.push({ type: 'context', text: `Related: ${related.map((h) => entryLabel(h.entry)).join('; ')}` });
    buttons.push(...related.map((h) => openEntryButton(h.entry, lookupRef)));
  }
  if (lookupRef !== undefined) {
    // Votes feed the gap report: an answer marked unhelpful is a gap as much as no answer.
    buttons.push({ label: 'Helpful', actionId: 'ask.vote', value: `${lookupRef}:1` });
    buttons.push({ label: 'Not helpful', actionId: 'ask.vote', value: `${lookupRef}:0` });
  }
  all.push({ type: 'buttons', buttons });
  return ephemeral({ text: `${entryLabel(entry)}: ${entry.question}`, blocks: all });
}

function noMatchReply(result: LookupResult, lookupRef: string): OutgoingMessage {
  const query = quoteUserText(result.query);
  const closest = result.hits.slice(0, 3).map((h) => h.entry);
  const blocks: Block[] = [{ type: 'text', text: `No good match for "${query}" in the bank.` }];
  if (closest.length > 0) {
    blocks.push({ type: 'context', text: 'Closest topics:' });
    // Opening one of them tells the lookup which entry was meant (docs/design.md, "Lookup").
    blocks.push({ type: 'buttons', buttons: closest.map((e) => openEntryButton(e, lookupRef)) });
  } else {
    blocks.push({ type: 'context', text: 'Try other words, or see every question with the topics command.' });
  }
  return { ...ephemeral({ text: `No good match for "${query}".`, blocks }), failure: 'ask.no_match' };
}
