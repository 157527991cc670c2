import { createHash } from 'node:crypto';
import type { Catalogue } from '../bank/catalogue.js';
import type { Actor } from '../chat-port.js';
import type { Entry } from '../bank/types.js';
import type { LibraryView } from '../library/library.js';
import type { Logger } from '../logger.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import { ephemeral, type Block, type Button, type OutgoingMessage } from '../messages/model.js';
import type { Hit, LookupResult } from '../search/lookup.js';
import type { AfterReply } from '../after-reply.js';
import type { Random } from '../quiz/random.js';
import type { LookupRecord, Repositories } from '../store/ports/index.js';
import { banksOfChannel } from '../quiz/channel-banks.js';
import { entryBlocks, entryLabel, openEntryButton } from '../messages/entry-view.js';

export interface AskDeps {
  /** The live banks and lookup. */
  library: LibraryView;
  /** The lookup log, and the channel's banks (ranked first). */
  store: Pick<Repositories, 'lookups' | 'people' | 'channelBanks'>;
  logger: Logger;
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
  if (deliveryKey) return createHash('sha256').update(deliveryKey).digest().readBigUInt64BE(0).toString(36).padStart(13, '0').slice(-12);
  let ref = '';
  for (let i = 0; i < 12; i++) ref += Math.floor(random() * 36).toString(36);
  return ref;
}

/**
 * Looks a query up and builds the (private) reply. Every bank is searched, the channel's
 * own banks ranked first, and each hit names its bank when several are loaded
 * (docs/design.md, "Curriculum"). The lookup is logged for gap reports after the reply
 * has gone; its vote buttons carry a reference made beforehand.
 */
export async function ask(deps: AskDeps, actor: Actor, query: string, nowMs: number, deliveryKey: string | null = null): Promise<{ reply: OutgoingMessage; answered: boolean }> {
  const trimmed = query.trim();
  if (trimmed === '') return { reply: failureReply('command.empty_query'), answered: false };
  const { catalogue, lookup } = deps.library.current();
  const result = lookup.search(trimmed, { preferBanks: await preferredBanks(deps, catalogue, actor) });
  // "q2" with several banks is a question about which bank, not a gap in any of them: not logged.
  if (result.ambiguous) return { reply: ambiguousReply(result, catalogue), answered: false };
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
  }, (rows: LookupRecord[]) => deps.store.lookups.recordMany(rows));
  if (!result.answered || !top) return { reply: noMatchReply(result, catalogue, ref), answered: false };
  // Always offer one or two next questions; the lookup's own related list is preferred.
  const related = result.related.length > 0 ? result.related : result.hits.slice(1, 3);
  return { reply: answerReply(catalogue, top.entry, related, 'preview', ref), answered: true };
}

/**
 * The slugs to rank first: the channel's choice, or null (every bank alike). A lookup
 * answers even when the database does not: then it ranks every bank alike.
 */
async function preferredBanks(deps: AskDeps, catalogue: Catalogue, actor: Actor): Promise<ReadonlySet<string> | null> {
  if (!catalogue.severalBanks) return null;
  try {
    const { banks, choice } = await banksOfChannel(deps.store, catalogue, await deps.store.people.channelKey(actor));
    return choice ? new Set(banks.map((b) => b.slug)) : null;
  } catch (error) {
    deps.logger.warn({ err: error, channel: actor.channelId }, "cannot read the channel's banks; ranking every bank alike");
    return null;
  }
}

/**
 * The reply for an entry: preview or full answer, related entries, and what to do next.
 * With several banks loaded it says which bank the entry is from.
 */
export function answerReply(catalogue: Catalogue, entry: Entry, related: Hit[], mode: 'preview' | 'full' = 'preview', lookupRef?: string): OutgoingMessage {
  const nameBank = catalogue.severalBanks;
  const { blocks, truncated } = entryBlocks(entry, mode, nameBank);
  const buttons: Button[] = [];
  if (truncated) buttons.push({ label: 'Show full answer', actionId: 'ask.more', value: entry.id, style: 'primary' });
  buttons.push({ label: 'Share in channel', actionId: 'ask.share', value: entry.id });
  const all: Block[] = [...blocks];
  const bank = nameBank ? catalogue.bank(entry.bankSlug) : undefined;
  if (bank) all.splice(1, 0, { type: 'context', text: `From ${bank.title} (${bank.slug})` });
  if (related.length > 0) {
    all.push({ type: 'context', text: `Related: ${related.map((h) => entryLabel(h.entry, nameBank)).join('; ')}` });
    buttons.push(...related.map((h) => openEntryButton(h.entry, { nameBank, ...(lookupRef !== undefined ? { lookupRef } : {}) })));
  }
  if (lookupRef !== undefined) {
    // Votes feed the gap report: an answer marked unhelpful is a gap as much as no answer.
    buttons.push({ label: 'Helpful', actionId: 'ask.vote', value: `${lookupRef}:1` });
    buttons.push({ label: 'Not helpful', actionId: 'ask.vote', value: `${lookupRef}:0` });
  }
  all.push({ type: 'buttons', buttons });
  return ephemeral({ text: `${entryLabel(entry, nameBank)}: ${entry.question}`, blocks: all });
}

function noMatchReply(result: LookupResult, catalogue: Catalogue, lookupRef: string): OutgoingMessage {
  const query = quoteUserText(result.query);
  const nameBank = catalogue.severalBanks;
  const closest = result.hits.slice(0, 3).map((h) => h.entry);
  const where = nameBank ? 'in the banks' : 'in the bank';
  const blocks: Block[] = [{ type: 'text', text: `No good match for "${query}" ${where}.` }];
  if (closest.length > 0) {
    blocks.push({ type: 'context', text: 'Closest topics:' });
    // Opening one of them tells the lookup which entry was meant (docs/design.md, "Lookup").
    blocks.push({ type: 'buttons', buttons: closest.map((e) => openEntryButton(e, { nameBank, lookupRef })) });
  } else {
    blocks.push({ type: 'context', text: 'Try other words, or see every question with the topics command.' });
  }
  return { ...ephemeral({ text: `No good match for "${query}".`, blocks }), failure: 'ask.no_match' };
}

/** "q2" when several banks have a Q2: one button per bank's entry, and how to name one. */
function ambiguousReply(result: LookupResult, catalogue: Catalogue): OutgoingMessage {
  const entries = result.hits.map((h) => h.entry);
  const number = entries[0]?.number ?? 0;
  const text = `Q${number} is in ${entries.length} banks: ${entries.map((e) => e.bankSlug).join(', ')}. Which one?`;
  const example = entries[0] ? `ask ${entries[0].bankSlug} q${number}` : 'ask <bank> q<number>';
  return {
    ...ephemeral({
      text,
      blocks: [
        { type: 'text', text },
        { type: 'buttons', buttons: entries.map((e) => openEntryButton(e, { nameBank: catalogue.severalBanks })) },
        { type: 'context', text: `Name the bank to open one directly, e.g. ${example}.` },
      ],
    }),
    failure: 'ask.ambiguous',
  };
}
