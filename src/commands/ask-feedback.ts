import type { AfterReply } from '../after-reply.js';
import type { Catalogue } from '../bank/catalogue.js';
import type { Actor } from '../chat-port.js';
import { openEntryButton, parseOpenValue } from '../messages/entry-view.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, type ActionReply, type Block } from '../messages/model.js';
import type { Lookup } from '../search/lookup.js';
import type { LoggedLookup, LookupEvidence, LookupLog } from '../store/ports/index.js';
import { answerReply } from './ask.js';

/** How many other entries the reply to "Not helpful" offers to pick from. */
export const PICK_CHOICES = 4;

export interface OpenDeps {
  catalogue: Catalogue;
  lookupEvidence: LookupEvidence;
  /** Where the pick is written: after the reply, never in front of it. */
  afterReply: AfterReply;
}

/**
 * `ask.open`: shows an entry. A button from a lookup's reply carries the lookup's
 * reference, and opening it is evidence of which entry the person meant: it is kept
 * after the reply has gone (docs/design.md, "Lookup").
 */
export function openEntry(deps: OpenDeps, actor: Actor, value: string, nowMs: number): ActionReply {
  const parsed = parseOpenValue(value);
  const entry = parsed ? deps.catalogue.entry(parsed.entryId) : undefined;
  if (!parsed || !entry) return { messages: [failureReply('entry.not_found')] };
  const ref = parsed.lookupRef;
  if (ref !== null) deps.afterReply.run('lookup pick', () => deps.lookupEvidence.pick(ref, actor.userId, entry.id, nowMs));
  return { messages: [answerReply(deps.catalogue, entry, [])] };
}

export interface VoteDeps {
  catalogue: Catalogue;
  lookup: Pick<Lookup, 'search'>;
  lookups: LookupLog;
  /** Where the vote is written: after the reply. A vote faster than the lookup's log waits for it once. */
  afterReply: AfterReply;
}

/**
 * `ask.vote`: a "Helpful" / "Not helpful" vote on a lookup's answer (`<ref>:1` or
 * `<ref>:0`), for the gap report and as evidence the lookup learns from. The reply only
 * reads the logged lookup; the vote is written after it. After "Not helpful" the reply
 * offers the lookup's other hits, so the person can show the entry they meant.
 */
export async function voteOnAnswer(deps: VoteDeps, actor: Actor, value: string, nowMs: number): Promise<ActionReply> {
  const match = /^([0-9a-z]{1,12}):([01])$/.exec(value);
  if (!match) return { messages: [failureReply('action.unknown')] };
  const ref = match[1]!;
  const helpful = match[2] === '1';
  const find = (): Promise<LoggedLookup | null> => deps.lookups.byRef(ref);
  // The lookup is logged just after its reply: a vote faster than that waits for the log once.
  const logged = (await find()) ?? (await deps.afterReply.drain().then(find));
  if (!logged) return { messages: [failureReply('action.unknown')] };
  // A vote is a click: stored before it is acknowledged, like an answer (docs/design.md, "Replicas").
  await deps.lookups.vote(ref, actor.userId, helpful, nowMs);
  if (helpful) return { messages: [ephemeral({ text: 'Thanks: glad it helped.', blocks: [{ type: 'text', text: 'Thanks: glad it helped.' }] })] };
  const text = 'Thanks: noted for the bank authors as a gap.';
  const blocks: Block[] = [{ type: 'text', text }];
  const others = deps.lookup.search(logged.query).hits.filter((h) => h.entry.id !== logged.topEntryId).slice(0, PICK_CHOICES);
  if (others.length > 0) {
    blocks.push({ type: 'context', text: 'Did one of these answer it? Opening it helps the next person who asks this way.' });
    blocks.push({ type: 'buttons', buttons: others.map((h) => openEntryButton(h.entry, { nameBank: deps.catalogue.severalBanks, lookupRef: ref })) });
  }
  return { messages: [ephemeral({ text, blocks })] };
}
