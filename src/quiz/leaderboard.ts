import type { Actor } from '../chat-port.js';
import { leaderboardImage } from '../charts/chart-images.js';
import type { BoardRow } from '../charts/types.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import type { Repositories } from '../store/ports/index.js';
import { channelZone } from './channel-zone.js';
import { channelScope, periodKey, workspaceScope, type Period } from './scoring.js';

/** What a leaderboard reads. */
export interface LeaderboardDeps {
  store: Pick<Repositories, 'people' | 'schedules' | 'answers' | 'rounds'>;
}

const PERIOD_TEXT: Readonly<Record<Period, string>> = { week: 'this week', month: 'this month', all: 'all time' };

/** Top scorers with rank, name, points and streak; weeks and months in the channel's zone. */
export async function leaderboardCommand(deps: LeaderboardDeps, actor: Actor, period: Period, scope: 'channel' | 'workspace', nowMs: number, limit = 10): Promise<OutgoingMessage> {
  const channelKey = await deps.store.people.channelKey(actor);
  const zone = await channelZone(deps.store, channelKey);
  const scopeKey = scope === 'channel' ? channelScope(actor) : workspaceScope(actor);
  const rows = await deps.store.answers.leaderboard(scopeKey, periodKey(period, nowMs, zone), limit);
  const where = scope === 'channel' ? 'this channel' : 'the whole workspace';
  const title = `Leaderboard · ${where} · ${PERIOD_TEXT[period]}`;
  if (rows.length === 0) {
    const text = `No points yet in ${where} (${PERIOD_TEXT[period]}). Answer a quiz round to get on the board.`;
    return ephemeral({ text, blocks: [{ type: 'header', text: title }, { type: 'text', text }] });
  }
  const latest = await deps.store.rounds.latestScheduledSlot(channelKey);
  const streaks = scope === 'channel' ? await Promise.all(rows.map((r) => deps.store.answers.streak(channelKey, r.userKey, latest))) : [];
  const table: Block = {
    type: 'table',
    header: scope === 'channel' ? ['#', 'Name', 'Points', 'Streak'] : ['#', 'Name', 'Points', 'Right'],
    rows: rows.map((r, i) => [String(i + 1), r.name, String(r.points), scope === 'channel' ? String(streaks[i]?.current ?? 0) : `${r.correct}/${r.answered}`]),
  };
  const lead = rows[0]!;
  const board: BoardRow[] = rows.map((r, i) => ({ id: String(r.userKey), name: r.name, points: r.points, correct: r.correct, answered: r.answered, streak: streaks[i]?.current ?? 0 }));
  return {
    ...ephemeral({
      text: `${title}: 1. ${lead.name} ${lead.points} points`,
      blocks: [{ type: 'header', text: title }, table, { type: 'context', text: 'Ties go to whoever reached the score first.' }],
    }),
    // The chart follows the text: drawing it must not delay the answer (docs/design.md, "Replies first").
    followUp: async () => {
      const image = await leaderboardImage({ scopeName: where, period, rows: board });
      return ephemeral({ text: image.alt, blocks: [{ type: 'context', text: image.alt }], images: [image] });
    },
  };
}
