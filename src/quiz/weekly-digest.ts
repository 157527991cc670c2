import type { LibraryView } from '../library/library.js';
import { DateTime } from 'luxon';
import type { Catalogue } from '../bank/catalogue.js';
import type { ChannelRef } from '../chat-port.js';
import { CHART_PEOPLE_LIMIT, heatmapImage, leaderboardImage } from '../charts/chart-images.js';
import type { BoardRow } from '../charts/types.js';
import type { Block, Message } from '../messages/model.js';
import { quoteUserText } from '../messages/safe-text.js';
import type { EntryProgress, Repositories, RoundTally } from '../store/ports/index.js';
import { cohortHeatmap } from './progress.js';
import { channelScope, periodKey } from './scoring.js';

/** What a digest reads: the week's board, the cohort, the week's rounds, streaks. */
export interface DigestContentDeps {
  /** The live banks (a reload replaces them). */
  library: LibraryView;
  store: Pick<Repositories, 'answers' | 'rounds' | 'insights'>;
  /** The slash command's name, for hints. */
  commandName: string;
}

/** Where and for which week a digest is. */
export interface DigestWeek {
  channel: ChannelRef;
  channelKey: number;
  /** The channel's zone: weeks start on Monday there. */
  zone: string;
  /** The digest's slot: the week is the one containing it. */
  slotMs: number;
}

/** How many people the digest names as having kept their streak. */
const STREAK_NAMES = 10;

/**
 * The weekly digest of a channel (docs/design.md, "Weekly digest"): the week's board
 * with its chart, the cohort heatmap, the question the channel found hardest this week,
 * and who kept their streak. Everything the pictures show is in the text too.
 */
export async function digestMessage(deps: DigestContentDeps, week: DigestWeek): Promise<Message> {
  const { store } = deps;
  const weekStart = DateTime.fromMillis(week.slotMs, { zone: week.zone }).startOf('week');
  const label = `week of ${weekStart.toFormat('d LLL yyyy')}`;
  const scope = channelScope(week.channel);
  const [board, latestSlot, tallies, cohort] = await Promise.all([
    store.answers.leaderboard(scope, periodKey('week', week.slotMs, week.zone), 10),
    store.rounds.latestScheduledSlot(week.channelKey),
    store.insights.roundTallies(week.channelKey, weekStart.toMillis(), weekStart.plus({ weeks: 1 }).toMillis()),
    store.insights.members(scope, CHART_PEOPLE_LIMIT),
  ]);
  const [streaks, running, attempts] = await Promise.all([
    Promise.all(board.map((r) => store.answers.streak(week.channelKey, r.userKey, latestSlot))),
    latestSlot === null ? Promise.resolve([]) : store.insights.runningStreaks(week.channelKey, latestSlot, STREAK_NAMES + 1),
    store.insights.attempts(cohort.rows.map((m) => m.userKey)),
  ]);
  const rows: BoardRow[] = board.map((r, i) => ({ id: String(r.userKey), name: r.name, points: r.points, correct: r.correct, answered: r.answered, streak: streaks[i]?.current ?? 0 }));

  const progress = new Map<number, Map<string, EntryProgress>>();
  for (const a of attempts) {
    const of = progress.get(a.userKey) ?? new Map<string, EntryProgress>();
    of.set(a.entryId, { attempts: a.attempts, everCorrect: a.everCorrect, lastCorrect: a.lastCorrect });
    progress.set(a.userKey, of);
  }
  const people = [...cohort.rows].sort((a, b) => a.name.localeCompare(b.name));
  const heatmap = cohortHeatmap(deps.library.current().catalogue.banks, 'this channel', people, people.map((p) => progress.get(p.userKey) ?? new Map()));

  const blocks: Block[] = [{ type: 'header', text: `Weekly digest · ${label}` }];
  if (rows.length === 0) blocks.push({ type: 'text', text: 'Nobody scored this week: the board starts again on Monday.' });
  else {
    blocks.push({ type: 'text', text: "This week's board" });
    blocks.push({ type: 'table', header: ['#', 'Name', 'Points', 'Streak'], rows: rows.map((r, i) => [String(i + 1), quoteUserText(r.name, 40), String(r.points), String(r.streak)]) });
  }
  blocks.push({ type: 'text', text: hardestLine(deps.library.current().catalogue, tallies) });
  blocks.push({ type: 'text', text: streakLine(running.filter((s) => s.current >= 2)) });
  const cover = heatmap.people.length === 0 ? 'No one has answered here yet.' : `Cohort coverage: ${cohort.total} ${cohort.total === 1 ? 'person' : 'people'} × ${heatmap.questions.length} questions.`;
  blocks.push({ type: 'context', text: `${cover} /${deps.commandName} progress shows it as a table.` });

  const images = await Promise.all([
    leaderboardImage({ scopeName: 'this channel', period: 'week', periodLabel: label, rows }, 'weekly-board.png'),
    ...(heatmap.people.length > 0 ? [heatmapImage(heatmap, 'cohort-coverage.png')] : []),
  ]);
  const lead = rows[0];
  return { text: `Weekly digest · ${label}${lead ? `: 1. ${lead.name} ${lead.points} points` : ''}`, blocks, images };
}

/** The round this week with the smallest share of right answers (ties: the most answered). */
export function hardestThisWeek(tallies: readonly RoundTally[]): RoundTally | null {
  const answered = tallies.filter((t) => t.answered > 0);
  answered.sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered || a.slotMs - b.slotMs);
  return answered[0] ?? null;
}

function hardestLine(catalogue: Catalogue, tallies: readonly RoundTally[]): string {
  const hardest = hardestThisWeek(tallies);
  if (!hardest) return 'Hardest question this week: none yet (no round has closed with answers).';
  const entry = catalogue.entry(hardest.entryId);
  const name = entry ? `Q${entry.number} · ${entry.title}` : hardest.entryId;
  const share = Math.round((100 * hardest.correct) / hardest.answered);
  return `Hardest question this week: ${name}: ${hardest.correct} of ${hardest.answered} right (${share}%).`;
}

function streakLine(running: readonly { name: string; current: number }[]): string {
  if (running.length === 0) return 'Kept their streak: nobody yet. Answer the next round right to start one.';
  const names = running.slice(0, STREAK_NAMES).map((s) => `${quoteUserText(s.name, 40)} (${s.current} in a row)`);
  const more = running.length > STREAK_NAMES ? ' and more' : '';
  return `Kept their streak: ${names.join(', ')}${more}.`;
}
