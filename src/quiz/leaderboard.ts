import type { Actor } from '../chat-port.js';
import type { CoreDeps } from '../commands/deps.js';
import type { LeaderboardPeriod } from '../commands/parse-command.js';
import { ephemeral, type Block, type OutgoingMessage } from '../messages/model.js';
import { channelZone } from './round-lifecycle.js';
import { channelScope, periodKey, workspaceScope } from './scoring.js';

const PERIOD_TEXT: Readonly<Record<LeaderboardPeriod, string>> = { week: 'this week', month: 'this month', all: 'all time' };

/** Top scorers with rank, name, points and streak; weeks and months in the channel's zone. */
export function leaderboardCommand(deps: CoreDeps, actor: Actor, period: LeaderboardPeriod, scope: 'channel' | 'workspace', nowMs: number, limit = 10): OutgoingMessage {
  const channelKey = deps.store.people.channelKey(actor);
  const zone = channelZone(deps, channelKey);
  const scopeKey = scope === 'channel' ? channelScope(actor) : workspaceScope(actor);
  const rows = deps.store.answers.leaderboard(scopeKey, periodKey(period, nowMs, zone), limit);
  const where = scope === 'channel' ? 'this channel' : 'the whole workspace';
  const title = `Leaderboard · ${where} · ${PERIOD_TEXT[period]}`;
  if (rows.length === 0) {
    const text = `No points yet in ${where} (${PERIOD_TEXT[period]}). Answer a quiz round to get on the board.`;
    return ephemeral({ text, blocks: [{ type: 'header', text: title }, { type: 'text', text }] });
  }
  const latest = deps.store.rounds.latestScheduledSlot(channelKey);
  const table: Block = {
    type: 'table',
    header: scope === 'channel' ? ['#', 'Name', 'Points', 'Streak'] : ['#', 'Name', 'Points', 'Right'],
    rows: rows.map((r, i) => [
      String(i + 1),
      r.name,
      String(r.points),
      scope === 'channel' ? String(deps.store.answers.streak(channelKey, r.userKey, latest).current) : `${r.correct}/${r.answered}`,
    ]),
  };
  const lead = rows[0]!;
  return ephemeral({
    text: `${title}: 1. ${lead.name} ${lead.points} points`,
    blocks: [{ type: 'header', text: title }, table, { type: 'context', text: 'Ties go to whoever reached the score first.' }],
  });
}
