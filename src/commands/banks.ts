import type { Catalogue } from '../bank/catalogue.js';
import type { Actor } from '../chat-port.js';
import type { BankProblem, LibraryView } from '../library/library.js';
import type { Logger } from '../logger.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, toChannel, type Block, type OutgoingMessage } from '../messages/model.js';
import { banksOfChannel } from '../quiz/channel-banks.js';
import type { Repositories } from '../store/ports/index.js';

/** What the `banks` command touches. */
export interface BanksDeps {
  library: LibraryView;
  store: Pick<Repositories, 'people' | 'channelBanks'>;
  logger: Logger;
  commandName: string;
}

/**
 * `banks`: the loaded banks and which this channel uses; admins also see files that failed
 * to load. `banks use a,b` / `banks use all` (admins; the router checks) sets the
 * channel's banks (docs/design.md, "Curriculum").
 */
export async function banksCommand(deps: BanksDeps, actor: Actor, use: string[] | 'all' | null, nowMs: number): Promise<OutgoingMessage> {
  const { catalogue, problems } = deps.library.current();
  const channelKey = await deps.store.people.channelKey(actor);
  if (use === null) return showBanks(deps, catalogue, problems, channelKey, actor.isAdmin);
  if (use === 'all') {
    await deps.store.channelBanks.clear(channelKey);
    deps.logger.info({ channel: actor.channelId, by: actor.userId }, 'channel banks: all');
    const text = 'This channel now uses every bank (the default): rounds, practice and review draw from all of them.';
    return toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Set by ${actor.userName}.` }] });
  }
  const unknown = use.filter((slug) => !catalogue.bank(slug));
  if (unknown.length > 0) {
    const loaded = catalogue.banks.map((b) => b.slug).join(', ');
    return failureReply('banks.unknown', `Not loaded: ${unknown.join(', ')}. Loaded banks: ${loaded || 'none'}.`);
  }
  await deps.store.channelBanks.set(channelKey, use, actor.userName, nowMs);
  deps.logger.info({ channel: actor.channelId, by: actor.userId, banks: use }, 'channel banks set');
  const names = use.map((slug) => `${catalogue.bank(slug)!.title} (${slug})`).join(', ');
  const text = `This channel now uses ${names}: rounds, practice and review draw from ${use.length === 1 ? 'it' : 'them'}, and lookups rank ${use.length === 1 ? 'it' : 'them'} first.`;
  return toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Set by ${actor.userName}. /${deps.commandName} banks use all goes back to every bank.` }] });
}

async function showBanks(deps: BanksDeps, catalogue: Catalogue, problems: readonly BankProblem[], channelKey: number, isAdmin: boolean): Promise<OutgoingMessage> {
  const { banks: here, choice } = await banksOfChannel(deps.store, catalogue, channelKey);
  const rows = catalogue.banks.map((b) => [
    b.slug,
    b.title,
    b.topic,
    b.level ?? '—',
    String(b.entries.length),
    b.quizItems.length > 0 ? String(b.quizItems.length) : 'none (recall)',
    here.includes(b) ? 'yes' : '—',
  ]);
  const blocks: Block[] = [
    { type: 'header', text: 'Banks' },
    { type: 'table', header: ['Bank', 'Title', 'Topic', 'Level', 'Questions', 'Quiz items', 'This channel'], rows },
  ];
  let uses: string;
  if (!choice) uses = 'This channel uses every bank (the default).';
  else {
    const missing = choice.slugs.filter((slug) => !catalogue.bank(slug));
    uses = `This channel uses ${choice.slugs.join(', ')} (chosen by ${choice.updatedBy}).`;
    if (missing.length > 0) uses += ` Not loaded now: ${missing.join(', ')}${here.length === 0 ? ': no rounds until one of its banks is loaded again' : ''}.`;
  }
  blocks.push({ type: 'text', text: uses });
  if (problems.length > 0) {
    if (isAdmin) {
      blocks.push({ type: 'header', text: 'Bank files with errors' });
      blocks.push({ type: 'text', text: problems.map(problemLine).join('\n') });
    } else {
      blocks.push({ type: 'context', text: `${problems.length} problem(s) in the bank files: admins see them here.` });
    }
  }
  blocks.push({ type: 'context', text: `Admins: /${deps.commandName} banks use <bank>[,<bank>...] or /${deps.commandName} banks use all.` });
  return ephemeral({ text: `${catalogue.banks.length} bank(s) loaded; this channel uses ${choice ? here.length : 'all'}`, blocks });
}

/** `file:line: reason`, and what is live instead. */
function problemLine(problem: BankProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const instead = problem.keptFile ? `the previous version of ${problem.keptFile} stays live` : 'not loaded';
  return `${where}: ${problem.message} (${instead})`;
}
