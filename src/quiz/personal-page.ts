import type { LibraryView } from '../library/library.js';
import type { Platform } from '../chat-port.js';
import type { Block, Button, Message } from '../messages/model.js';
import { quoteUserText } from '../messages/safe-text.js';
import type { EntryProgress, Repositories } from '../store/ports/index.js';
import { formatInZone } from './format-time.js';
import { PRACTICE_ACTIONS } from './practice.js';
import { nextStepLine, nextSteps } from './next-step.js';
import { coverage } from './progress.js';
import { periodKey, workspaceScope } from './scoring.js';

/** What a person's page reads. */
export interface PersonalPageDeps {
  /** The live banks (a reload replaces them). */
  library: LibraryView;
  store: Pick<Repositories, 'people' | 'learning' | 'answers' | 'rounds' | 'insights' | 'schedules'>;
  /** The slash command's name, for hints. */
  commandName: string;
  /** Share of a bank (0-1) answered right once before its next step is suggested. */
  nextStepCoverage: number;
}

/** Whose page, where. */
export interface PagePerson {
  platform: Platform;
  workspaceId: string;
  userId: string;
  userName: string;
}

/** Reviews counted one by one up to this; more reads "50+". */
const DUE_COUNT_LIMIT = 50;
const BOARD_ROWS = 5;

/**
 * A person's own page (docs/design.md, "A home for each person"): points this week and in
 * all, their streaks, coverage of each bank, reviews due with a "Review now" button, and
 * this week's board of the workspace. Slack shows it in the App Home tab; Discord and the
 * console answer `/mesh me` with it, privately. Read-only: a person who never used the
 * bot gets the page with zeros, and no row is written for them. `zone` is the zone weeks
 * are counted in (the channel's for `/mesh me`); without it, that of the channel the
 * person last kept a streak in, or UTC.
 */
export async function personalPage(deps: PersonalPageDeps, person: PagePerson, nowMs: number, zone?: string): Promise<Message> {
  const { store } = deps;
  const found = await store.people.findUser(person.platform, person.workspaceId, person.userId);
  const userKey = found?.key ?? null;
  const name = found?.name ?? person.userName;
  const [progress, streakRows, due, next] = await Promise.all([
    userKey === null ? new Map<string, EntryProgress>() : store.learning.progress(userKey),
    userKey === null ? [] : store.insights.streaksOf(userKey),
    userKey === null ? [] : store.learning.dueCards(userKey, nowMs, DUE_COUNT_LIMIT),
    userKey === null ? undefined : store.learning.nextDue(userKey),
  ]);
  // A stored streak is current only if its last round is the channel's latest streak round.
  const latest = await Promise.all(streakRows.map((s) => store.rounds.latestScheduledSlot(s.channelKey)));
  const running = streakRows.map((s, i) => ({ ...s, current: s.lastSlotMs === latest[i] ? s.current : 0 }));
  const weekZone = zone ?? (await zoneOfLatest(deps, running)) ?? 'UTC';
  const scope = workspaceScope(person);
  const week = periodKey('week', nowMs, weekZone);
  const [points, board] = await Promise.all([
    userKey === null ? new Map() : store.insights.points(scope, [week, 'all'], userKey),
    store.answers.leaderboard(scope, week, BOARD_ROWS),
  ]);

  const current = Math.max(0, ...running.map((s) => s.current));
  const best = Math.max(0, ...running.map((s) => s.best));
  const dueText = due.length === 0 ? (next ? `none now; next ${formatInZone(next.dueMs, weekZone)}` : 'none yet') : due.length >= DUE_COUNT_LIMIT ? `${DUE_COUNT_LIMIT}+` : String(due.length);
  const blocks: Block[] = [
    { type: 'header', text: `Your progress · ${quoteUserText(name, 60)}` },
    {
      type: 'fields',
      fields: [
        { label: 'Points this week', value: String(points.get(week)?.points ?? 0) },
        { label: 'Points in all', value: String(points.get('all')?.points ?? 0) },
        { label: 'Streak', value: current > 0 ? `${current} in a row (best ${best})` : best > 0 ? `none running (best ${best})` : 'none yet' },
        { label: 'Reviews due', value: dueText },
      ],
    },
  ];
  const { banks } = deps.library.current().catalogue;
  for (const bank of banks) {
    const c = coverage(bank.entries, progress);
    blocks.push({ type: 'text', text: `${bank.title}: ${c.covered}/${c.total} covered, ${c.retry} to retry, ${c.unseen} not yet seen` });
  }
  // The same next step progress suggests (docs/design.md, "Curriculum").
  const steps = nextSteps(banks, progress, deps.nextStepCoverage);
  if (steps.length > 0) blocks.push({ type: 'text', text: steps.map((step) => nextStepLine(step, deps.commandName)).join('\n') });
  const button: Button =
    due.length > 0
      ? { label: 'Review now', actionId: PRACTICE_ACTIONS.next, value: 'review', style: 'primary' }
      : { label: 'Practise a question', actionId: PRACTICE_ACTIONS.next, value: 'practice' };
  blocks.push({ type: 'buttons', buttons: [button] });
  blocks.push({ type: 'divider' });
  if (board.length === 0) blocks.push({ type: 'text', text: "This week's board: nobody has scored yet." });
  else {
    blocks.push({ type: 'text', text: "This week's board (whole workspace)" });
    blocks.push({ type: 'table', header: ['#', 'Name', 'Points'], rows: board.map((r, i) => [String(i + 1), quoteUserText(r.name, 40), String(r.points)]) });
  }
  blocks.push({ type: 'context', text: `/${deps.commandName} progress @you lists every question; /${deps.commandName} review and /${deps.commandName} quiz drill privately.` });
  const summary = coverage(deps.library.current().catalogue.allEntries(), progress);
  return { text: `${name}: ${summary.covered}/${summary.total} covered, ${points.get('all')?.points ?? 0} points, ${due.length} review(s) due`, blocks };
}

/** The zone of the channel where the person's most recent streak round was, if any. */
async function zoneOfLatest(deps: PersonalPageDeps, streaks: readonly { channelKey: number; lastSlotMs: number }[]): Promise<string | undefined> {
  const last = [...streaks].sort((a, b) => b.lastSlotMs - a.lastSlotMs)[0];
  return last ? (await deps.store.schedules.get(last.channelKey))?.spec.zone : undefined;
}
