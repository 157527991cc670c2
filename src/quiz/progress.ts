import type { Actor } from '../chat-port.js';
import type { Catalogue } from '../bank/catalogue.js';
import type { Bank, Entry } from '../bank/types.js';
import type { LibraryView } from '../library/library.js';
import { CHART_PEOPLE_LIMIT, heatmapImage } from '../charts/chart-images.js';
import type { CellState, HeatmapData } from '../charts/types.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import type { EntryProgress, Repositories } from '../store/ports/index.js';
import { banksOfChannel } from './channel-banks.js';
import { nextStepLine, nextSteps } from './next-step.js';

/** What progress reads. */
export interface ProgressDeps {
  library: LibraryView;
  store: Pick<Repositories, 'people' | 'learning' | 'channelBanks'>;
  /** Share of a bank (0-1) answered right once before its next step is suggested. */
  nextStepCoverage: number;
  commandName: string;
}

export type EntryStatus = 'correct' | 'missed' | 'unseen';

/** Where a person stands on one entry: their latest attempt decides. */
export function entryStatus(progress: EntryProgress | undefined): EntryStatus {
  if (!progress) return 'unseen';
  return progress.lastCorrect ? 'correct' : 'missed';
}

export interface Coverage {
  covered: number;
  retry: number;
  unseen: number;
  total: number;
}

/** Coverage of some entries (a bank's, or every bank's). */
export function coverage(entries: readonly Entry[], progress: ReadonlyMap<string, EntryProgress>): Coverage {
  const statuses = entries.map((e) => entryStatus(progress.get(e.id)));
  return {
    covered: statuses.filter((s) => s === 'correct').length,
    retry: statuses.filter((s) => s === 'missed').length,
    unseen: statuses.filter((s) => s === 'unseen').length,
    total: entries.length,
  };
}

export function coverageLine(c: Coverage): string {
  return `${c.covered}/${c.total} covered, ${c.retry} to retry`;
}

const MARK: Readonly<Record<EntryStatus, string>> = { correct: 'answered correctly', missed: 'missed: retry', unseen: 'not yet seen' };

/**
 * `progress @user`: coverage per bank (the channel's banks, and any other the person has
 * practised), each question answered correctly, missed, or not yet seen, and the next
 * step once they have covered most of a bank (docs/design.md, "Curriculum"). Without a
 * user: the channel's cohort (everyone who has answered here).
 */
export async function progressCommand(deps: ProgressDeps, actor: Actor, userId: string | null): Promise<OutgoingMessage> {
  const { catalogue } = deps.library.current();
  const channelKey = await deps.store.people.channelKey(actor);
  const { banks } = await banksOfChannel(deps.store, catalogue, channelKey);
  if (userId === null) {
    const members = await deps.store.learning.channelMembers(channelKey);
    if (members.length > 0) return cohortReply(deps, banks, members);
    return personReply(deps, catalogue, banks, await deps.store.people.userKey(actor), actor.userName);
  }
  const id = userId === 'me' ? actor.userId : userId;
  const found = await deps.store.people.findUser(actor.platform, actor.workspaceId, id);
  if (!found) return personReply(deps, catalogue, banks, null, id);
  return personReply(deps, catalogue, banks, found.key, found.name);
}

async function personReply(deps: ProgressDeps, catalogue: Catalogue, channelBanks: readonly Bank[], userKey: number | null, name: string): Promise<OutgoingMessage> {
  const progress = userKey === null ? new Map<string, EntryProgress>() : await deps.store.learning.progress(userKey);
  const summary = coverageLine(coverage(channelBanks.flatMap((b) => b.entries), progress));
  // The channel's banks, then any other bank the person has an attempt in (practised on purpose).
  const shown = catalogue.banks.filter((b) => channelBanks.includes(b) || b.entries.some((e) => progress.has(e.id)));
  const blocks: Block[] = [{ type: 'header', text: `Progress · ${name}` }, { type: 'text', text: summary }];
  if (catalogue.severalBanks) {
    blocks.push({ type: 'text', text: shown.map((b) => `${b.title} (${b.slug}): ${coverageLine(coverage(b.entries, progress))}${removedNote(catalogue, b, progress)}`).join('\n') });
  } else {
    const removed = shown.map((b) => removedNote(catalogue, b, progress)).join('');
    if (removed) blocks.push({ type: 'context', text: removed.trim() });
  }
  const steps = nextSteps(catalogue.banks, progress, deps.nextStepCoverage);
  if (steps.length > 0) blocks.push({ type: 'text', text: steps.map((s) => nextStepLine(s, deps.commandName)).join('\n') });
  for (const bank of shown) {
    blocks.push({
      type: 'table',
      header: ['Q', bank.title, 'Status'],
      rows: bank.entries.map((e) => [`Q${e.number}`, e.title, MARK[entryStatus(progress.get(e.id))]]),
    });
  }
  return ephemeral({ text: `${name}: ${summary}`, blocks });
}

/** A removed question keeps its history (attempts, card): say how many a bank has, so counts add up. */
function removedNote(catalogue: Catalogue, bank: Bank, progress: ReadonlyMap<string, EntryProgress>): string {
  const prefix = `${bank.slug}-q`;
  const removed = [...progress.keys()].filter((id) => id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length)) && !catalogue.entry(id)).length;
  return removed > 0 ? ` (and ${removed} removed question${removed === 1 ? '' : 's'}, history kept)` : '';
}

async function cohortReply(deps: ProgressDeps, banks: readonly Bank[], members: { userKey: number; name: string }[]): Promise<OutgoingMessage> {
  const progresses = await Promise.all(members.map((m) => deps.store.learning.progress(m.userKey)));
  const entries = banks.flatMap((b) => b.entries);
  // With several banks, a column per bank shows where each person stands on the path.
  const perBank = banks.length > 1 ? banks : [];
  const rows = members.map((m, i) => {
    const progress = progresses[i] ?? new Map<string, EntryProgress>();
    const c = coverage(entries, progress);
    return [m.name, `${c.covered}/${c.total}`, String(c.retry), String(c.unseen), ...perBank.map((b) => `${coverage(b.entries, progress).covered}/${b.entries.length}`)];
  });
  const heatmap = cohortHeatmap(banks, 'this channel', members, progresses);
  const shown = members.length > CHART_PEOPLE_LIMIT ? ` The picture shows the first ${CHART_PEOPLE_LIMIT} by name.` : '';
  return {
    ...ephemeral({
      text: `Cohort progress: ${members.length} people`,
      blocks: [
        { type: 'header', text: 'Progress · this channel' },
        { type: 'table', header: ['Name', 'Covered', 'To retry', 'Not seen', ...perBank.map((b) => b.slug)], rows },
        { type: 'context', text: `Everyone who has answered a round here. /${deps.commandName} progress @name shows one person.` },
      ],
    }),
    // The heatmap follows the text: it takes ~150 ms to draw (docs/design.md, "Replies first").
    followUp: async () => {
      const image = await heatmapImage(heatmap);
      return ephemeral({ text: image.alt, blocks: [{ type: 'context', text: `${image.alt}${shown}` }], images: [image] });
    },
  };
}

/** The cohort heatmap's data: a row per person (in the order given), a column per entry of the banks given. */
export function cohortHeatmap(banks: readonly Bank[], scopeName: string, people: readonly { userKey: number; userId?: string; name: string }[], progresses: readonly ReadonlyMap<string, EntryProgress>[]): HeatmapData {
  const entries = banks.flatMap((b) => b.entries);
  const multipleBanks = banks.length > 1;
  return {
    scopeName,
    questions: entries.map((e) => ({ id: e.id, label: multipleBanks ? e.id.replace(/-q(\d+)$/, ':$1').slice(0, 8) : `Q${e.number}`, title: e.title })),
    people: people.map((p, i) => ({
      id: p.userId ?? String(p.userKey),
      name: p.name,
      states: Object.fromEntries(entries.map((e) => [e.id, entryStatus(progresses[i]?.get(e.id)) as CellState])),
    })),
  };
}
