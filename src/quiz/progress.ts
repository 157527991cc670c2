import type { Actor } from '../chat-port.js';
import type { Catalogue } from '../bank/catalogue.js';
import type { Entry } from '../bank/types.js';
import { CHART_PEOPLE_LIMIT, heatmapImage } from '../charts/chart-images.js';
import type { CellState, HeatmapData } from '../charts/types.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import type { EntryProgress, Repositories } from '../store/ports/index.js';

/** What progress reads. */
export interface ProgressDeps {
  catalogue: Catalogue;
  store: Pick<Repositories, 'people' | 'learning'>;
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

export function coverage(catalogue: Catalogue, progress: ReadonlyMap<string, EntryProgress>): Coverage {
  return coverageOf(catalogue.allEntries(), progress);
}

/** Coverage of some entries (one bank's, say). */
export function coverageOf(entries: readonly Entry[], progress: ReadonlyMap<string, EntryProgress>): Coverage {
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
 * `progress @user`: each question answered correctly, missed, or not yet seen, with a
 * one-line summary. Without a user: the channel's cohort (everyone who has answered here).
 */
export async function progressCommand(deps: ProgressDeps, actor: Actor, userId: string | null): Promise<OutgoingMessage> {
  if (userId === null) {
    const members = await deps.store.learning.channelMembers(await deps.store.people.channelKey(actor));
    if (members.length > 0) return cohortReply(deps, members);
    return personReply(deps, await deps.store.people.userKey(actor), actor.userName);
  }
  const id = userId === 'me' ? actor.userId : userId;
  const found = await deps.store.people.findUser(actor.platform, actor.workspaceId, id);
  if (!found) return personReply(deps, null, id);
  return personReply(deps, found.key, found.name);
}

async function personReply(deps: ProgressDeps, userKey: number | null, name: string): Promise<OutgoingMessage> {
  const progress = userKey === null ? new Map<string, EntryProgress>() : await deps.store.learning.progress(userKey);
  const summary = coverageLine(coverage(deps.catalogue, progress));
  const blocks: Block[] = [{ type: 'header', text: `Progress · ${name}` }, { type: 'text', text: summary }];
  for (const bank of deps.catalogue.banks) {
    blocks.push({
      type: 'table',
      header: ['Q', bank.title, 'Status'],
      rows: bank.entries.map((e) => [`Q${e.number}`, e.title, MARK[entryStatus(progress.get(e.id))]]),
    });
  }
  return ephemeral({ text: `${name}: ${summary}`, blocks });
}

async function cohortReply(deps: ProgressDeps, members: { userKey: number; name: string }[]): Promise<OutgoingMessage> {
  const progresses = await Promise.all(members.map((m) => deps.store.learning.progress(m.userKey)));
  const rows = members.map((m, i) => {
    const c = coverage(deps.catalogue, progresses[i] ?? new Map());
    return [m.name, `${c.covered}/${c.total}`, String(c.retry), String(c.unseen)];
  });
  const heatmap = cohortHeatmap(deps.catalogue, 'this channel', members, progresses);
  const shown = members.length > CHART_PEOPLE_LIMIT ? ` The picture shows the first ${CHART_PEOPLE_LIMIT} by name.` : '';
  return {
    ...ephemeral({
      text: `Cohort progress: ${members.length} people`,
      blocks: [
        { type: 'header', text: 'Progress · this channel' },
        { type: 'table', header: ['Name', 'Covered', 'To retry', 'Not seen'], rows },
        { type: 'context', text: 'Everyone who has answered a round here. /mesh progress @name shows one person.' },
      ],
    }),
    // The heatmap follows the text: it takes ~150 ms to draw (docs/design.md, "Replies first").
    followUp: async () => {
      const image = await heatmapImage(heatmap);
      return ephemeral({ text: image.alt, blocks: [{ type: 'context', text: `${image.alt}${shown}` }], images: [image] });
    },
  };
}

/** The cohort heatmap's data: a row per person (in the order given), a column per entry of every bank. */
export function cohortHeatmap(catalogue: Catalogue, scopeName: string, people: readonly { userKey: number; userId?: string; name: string }[], progresses: readonly ReadonlyMap<string, EntryProgress>[]): HeatmapData {
  const entries = catalogue.allEntries();
  const multipleBanks = catalogue.banks.length > 1;
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
