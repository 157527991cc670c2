import type { LibraryView } from '../library/library.js';
import type { Catalogue } from '../bank/catalogue.js';
import type { ChannelRef } from '../chat-port.js';
import { CHART_PEOPLE_LIMIT } from '../charts/chart-images.js';
import type { BoardPeriod, BoardRow } from '../charts/types.js';
import { channelZone } from '../quiz/channel-zone.js';
import { cohortHeatmap, entryStatus } from '../quiz/progress.js';
import { channelScope, periodKey } from '../quiz/scoring.js';
import type { AttemptSummary, EntryProgress, EntryTally, MemberRow, Repositories } from '../store/ports/index.js';
import type { DashboardScope } from './dashboard-token.js';
import type { DashboardChannel, DashboardData, HardQuestion, PersonPage } from './types.js';

/** What the dashboard reads: only read models keyed by the workspace the link names. */
export interface DashboardDeps {
  /** The live banks (a reload replaces them). */
  library: LibraryView;
  store: Pick<Repositories, 'insights' | 'answers' | 'rounds' | 'people' | 'schedules'>;
}

/** How far back the bank gaps look. */
const GAP_WINDOW_MS = 30 * 86_400_000;
const HARDEST = 5;
const GAPS = 10;
const PERIODS: readonly BoardPeriod[] = ['week', 'month', 'all'];
/** Everyone in a CSV: far more than a channel has, yet a bound. */
const CSV_PEOPLE = 100_000;

/** How a workspace is named on its pages (the store keeps ids, not names). */
export function workspaceName(scope: Pick<DashboardScope, 'platform' | 'workspaceId'>): string {
  if (scope.platform === 'slack') return `Slack workspace ${scope.workspaceId}`;
  if (scope.platform === 'discord') return `Discord server ${scope.workspaceId}`;
  return 'Console';
}

/** How a channel is named on the pages. */
export function channelName(channelId: string): string {
  return `#${channelId}`;
}

/** The channel of the workspace with this id, if it has had a round: a link never reaches another workspace's channel. */
async function quizChannel(deps: DashboardDeps, scope: DashboardScope, channelId: string): Promise<{ channelKey: number; ref: ChannelRef } | null> {
  const channels = await deps.store.insights.quizChannels(scope.platform, scope.workspaceId);
  const found = channels.find((c) => c.channelId === channelId);
  return found ? { channelKey: found.channelKey, ref: { platform: scope.platform, workspaceId: scope.workspaceId, channelId } } : null;
}

/**
 * Everything the overview shows for the workspace the link names, one section per
 * channel that has had a round (docs/design.md, "Dashboard"). Reads are bounded: the
 * cohort is the {@link CHART_PEOPLE_LIMIT} people with most answers (the CSV has
 * everyone), boards are top 10s, hardest questions come from round tallies.
 */
export async function loadDashboard(deps: DashboardDeps, scope: DashboardScope, nowMs: number): Promise<DashboardData> {
  const channels = await deps.store.insights.quizChannels(scope.platform, scope.workspaceId);
  const sections = await Promise.all(channels.map((c) => loadChannel(deps, { platform: scope.platform, workspaceId: scope.workspaceId, channelId: c.channelId }, c.channelKey, nowMs)));
  return { workspaceName: workspaceName(scope), generatedAtMs: nowMs, linkExpiresMs: scope.expiresMs, channels: sections };
}

async function loadChannel(deps: DashboardDeps, ref: ChannelRef, channelKey: number, nowMs: number): Promise<DashboardChannel> {
  const { store } = deps;
  const scope = channelScope(ref);
  const zone = await channelZone(store, channelKey);
  const [cohort, latest, tallies, gaps, ...boards] = await Promise.all([
    store.insights.members(scope, CHART_PEOPLE_LIMIT),
    store.rounds.latestScheduledSlot(channelKey),
    store.insights.entryTallies(channelKey),
    store.insights.gaps(ref.platform, ref.workspaceId, ref.channelId, nowMs - GAP_WINDOW_MS, GAPS),
    ...PERIODS.map((p) => store.insights.board(scope, periodKey(p, nowMs, zone), 10)),
  ]);
  const people = [...cohort.rows].sort((a, b) => a.name.localeCompare(b.name));
  const attempts = await store.insights.attempts(people.map((p) => p.userKey));
  // Each person on any board once: their streak as of the channel's latest streak round.
  const onBoards = [...new Map(boards.flat().map((r) => [r.userKey, r])).keys()];
  const streaks = new Map(await Promise.all(onBoards.map(async (userKey) => [userKey, (await store.answers.streak(channelKey, userKey, latest)).current] as const)));
  const toRows = (rows: readonly MemberRow[]): BoardRow[] => rows.map((r) => ({ id: r.userId, name: r.name, points: r.points, correct: r.correct, answered: r.answered, streak: streaks.get(r.userKey) ?? 0 }));
  const progress = progressByPerson(attempts);
  return {
    id: ref.channelId,
    name: channelName(ref.channelId),
    heatmap: cohortHeatmap(deps.library.current().catalogue.banks, channelName(ref.channelId), people, people.map((p) => progress.get(p.userKey) ?? new Map())),
    boards: { week: toRows(boards[0] ?? []), month: toRows(boards[1] ?? []), all: toRows(boards[2] ?? []) },
    hardest: hardestFromTallies(deps.library.current().catalogue, tallies),
    gaps: gaps.map((g) => ({ query: g.query, count: g.count, lastAtMs: g.lastAtMs })),
  };
}

function progressByPerson(attempts: readonly AttemptSummary[]): Map<number, Map<string, EntryProgress>> {
  const out = new Map<number, Map<string, EntryProgress>>();
  for (const a of attempts) {
    const of = out.get(a.userKey) ?? new Map<string, EntryProgress>();
    of.set(a.entryId, { attempts: a.attempts, everCorrect: a.everCorrect, lastCorrect: a.lastCorrect });
    out.set(a.userKey, of);
  }
  return out;
}

/** The channel's hardest questions over all its closed rounds: smallest share right first, ties to the most answered. */
export function hardestFromTallies(catalogue: Catalogue, tallies: readonly EntryTally[], limit = HARDEST): HardQuestion[] {
  return tallies
    .filter((t) => t.answered > 0)
    .map((t) => {
      const entry = catalogue.entry(t.entryId);
      return { id: t.entryId, label: entry ? `Q${entry.number}` : t.entryId, title: entry?.title ?? t.entryId, answered: t.answered, correct: t.correct };
    })
    .sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered)
    .slice(0, limit);
}

/** One person's page in one channel, or null when the channel or person is not of this workspace. */
export async function loadPersonPage(deps: DashboardDeps, scope: DashboardScope, channelId: string, userId: string, nowMs: number): Promise<PersonPage | null> {
  const channel = await quizChannel(deps, scope, channelId);
  const person = channel ? await deps.store.people.findUser(scope.platform, scope.workspaceId, userId) : undefined;
  if (!channel || !person) return null;
  const { store } = deps;
  const zone = await channelZone(store, channel.channelKey);
  const periods = PERIODS.map((p) => periodKey(p, nowMs, zone));
  const [attempts, points, latest] = await Promise.all([
    store.insights.attempts([person.key]),
    store.insights.points(channelScope(channel.ref), periods, person.key),
    store.rounds.latestScheduledSlot(channel.channelKey),
  ]);
  const streak = await store.answers.streak(channel.channelKey, person.key, latest);
  const byEntry = new Map(attempts.map((a) => [a.entryId, a]));
  return {
    workspaceName: workspaceName(scope),
    channel: { id: channelId, name: channelName(channelId) },
    person: { id: userId, name: person.name },
    questions: deps.library.current().catalogue.allEntries().map((e) => {
      const a = byEntry.get(e.id);
      return { id: e.id, label: `Q${e.number}`, title: e.title, state: entryStatus(a), attempts: a?.attempts ?? 0, lastAtMs: a?.lastAtMs ?? null };
    }),
    points: { week: points.get(periods[0]!)?.points ?? 0, month: points.get(periods[1]!)?.points ?? 0, all: points.get(periods[2]!)?.points ?? 0 },
    streak,
    generatedAtMs: nowMs,
    linkExpiresMs: scope.expiresMs,
  };
}

/** A channel's CSV rows (scores: one row per person; progress: one per person and question), or null when not of this workspace. */
export async function loadChannelCsv(deps: DashboardDeps, scope: DashboardScope, channelId: string, file: 'scores' | 'progress'): Promise<{ header: string[]; rows: (string | number)[][] } | null> {
  const channel = await quizChannel(deps, scope, channelId);
  if (!channel) return null;
  const members = (await deps.store.insights.members(channelScope(channel.ref), CSV_PEOPLE)).rows;
  if (file === 'scores') {
    return { header: ['user_id', 'name', 'points', 'correct', 'answered'], rows: members.map((m) => [m.userId, m.name, m.points, m.correct, m.answered]) };
  }
  const attempts = await deps.store.insights.attempts(members.map((m) => m.userKey));
  const byPerson = new Map<number, Map<string, AttemptSummary>>();
  for (const a of attempts) byPerson.set(a.userKey, (byPerson.get(a.userKey) ?? new Map()).set(a.entryId, a));
  const entries = deps.library.current().catalogue.allEntries();
  return {
    header: ['user_id', 'name', 'entry_id', 'question', 'status', 'attempts', 'last_attempt_utc'],
    rows: members.flatMap((m) =>
      entries.map((e) => {
        const a = byPerson.get(m.userKey)?.get(e.id);
        return [m.userId, m.name, e.id, e.title, entryStatus(a), a?.attempts ?? 0, a ? new Date(a.lastAtMs).toISOString() : ''];
      }),
    ),
  };
}
