import type { Actor } from '../chat-port.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import { ephemeral, toChannel, type OutgoingMessage } from '../messages/model.js';
import { formatInZone } from '../quiz/format-time.js';
import type { RoundDeps } from '../quiz/quiz-deps.js';
import { openRound, ROUND_MAX_OPEN_MS } from '../quiz/round-lifecycle.js';
import type { StoreView } from '../store/ports/index.js';
import { DEFAULT_DIGEST, nextDigestSlot } from './digest-slots.js';
import { nextFire } from './next-fire.js';
import { parseSchedule } from './parse-schedule.js';

/** What the schedule and post commands touch. */
export interface ScheduleDeps extends Omit<RoundDeps, 'store'> {
  store: StoreView<'rounds' | 'answers' | 'schedules' | 'people' | 'channelBanks' | 'insights' | 'digests'>;
  /** The slash command's name, for usage lines. */
  commandName: string;
}

/** `schedule`, `schedule off`, `schedule <HH:MM> [zone] [days]`: show, stop or set the daily quiz. */
export async function scheduleCommand(deps: ScheduleDeps, actor: Actor, args: string, nowMs: number): Promise<OutgoingMessage> {
  const channelKey = await deps.store.people.channelKey(actor);
  const current = await deps.store.schedules.get(channelKey);
  const parsed = parseSchedule(args, current?.spec.zone ?? 'UTC');
  const usage = `Usage: /${deps.commandName} schedule 10:00 Europe/Berlin weekdays`;
  if (!parsed.ok) {
    switch (parsed.code) {
      case 'schedule.bad_time':
        return failureReply(parsed.code, `"${quoteUserText(parsed.given, 60)}" is not a time of day: use HH:MM, 24-hour (e.g. 09:30). ${usage}`);
      case 'schedule.bad_zone':
        return failureReply(parsed.code, `"${quoteUserText(parsed.given, 60)}" is not a time zone I know: use an IANA name like Europe/Berlin, America/New_York or UTC.`);
      case 'schedule.bad_days':
        return failureReply(parsed.code, `"${quoteUserText(parsed.given, 60)}": ${parsed.reason}.`);
      case 'schedule.too_frequent':
        return failureReply(parsed.code, `"${quoteUserText(parsed.given, 60)}" would start more than one round an hour: pick at most one round a day or so.`);
    }
  }
  const request = parsed.request;
  if (request.kind !== 'show' && !actor.isAdmin) return failureReply('command.admin_only');
  if (request.kind === 'show') {
    if (!current) {
      return ephemeral({ text: 'No daily quiz here yet.', blocks: [{ type: 'text', text: `No daily quiz in this channel yet. An admin can start one: /${deps.commandName} schedule 10:00 Europe/Berlin weekdays` }] });
    }
    const { spec } = current;
    const text = `Daily quiz: ${spec.time} ${spec.zone}, ${spec.days}. Next round: ${formatInZone(current.nextFireMs, spec.zone)}.`;
    return ephemeral({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Set by ${current.updatedBy}.` }] });
  }
  if (request.kind === 'off') {
    const removed = await deps.store.schedules.remove(channelKey);
    deps.logger.info({ channel: actor.channelId, by: actor.userId }, 'schedule turned off');
    const text = removed ? 'Daily quiz turned off for this channel. An open round still closes as planned.' : 'This channel had no daily quiz.';
    return removed ? toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Turned off by ${actor.userName}.` }] }) : ephemeral({ text, blocks: [{ type: 'text', text }] });
  }
  const spec = request.spec;
  const next = nextFire(spec.cron, spec.zone, nowMs);
  await deps.store.schedules.upsert(channelKey, spec, next, actor.userName, nowMs);
  // The digest goes out in the quiz's zone, by default at its time: move its next slot with it.
  const digest = (await deps.store.digests.settings(channelKey)) ?? DEFAULT_DIGEST;
  if (digest.enabled) await deps.store.digests.setNextFire(channelKey, nextDigestSlot(digest, spec, nowMs));
  deps.logger.info({ channel: actor.channelId, by: actor.userId, cron: spec.cron, zone: spec.zone, nextFireMs: next }, 'schedule set');
  const text = `Daily quiz set: ${spec.time} ${spec.zone}, ${spec.days}. First round: ${formatInZone(next, spec.zone)}.`;
  return toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Set by ${actor.userName}. /${deps.commandName} schedule off stops it.` }] });
}

/** `post`: opens a round in this channel now (admins). */
export async function postCommand(deps: ScheduleDeps, actor: Actor, nowMs: number): Promise<OutgoingMessage> {
  const channelKey = await deps.store.people.channelKey(actor);
  const schedule = await deps.store.schedules.get(channelKey);
  const closesMs = Math.min(nowMs + ROUND_MAX_OPEN_MS, schedule ? schedule.nextFireMs : Number.POSITIVE_INFINITY);
  const outcome = await openRound(deps, { channel: actor, channelKey, slotMs: nowMs, kind: 'manual', closesMs }, nowMs);
  if (outcome.kind === 'taken') return failureReply('quiz.no_round', 'A round was just opened here; try again in a moment.');
  if (outcome.kind === 'no_questions') return failureReply('quiz.empty_bank', `None of this channel's banks is loaded: see /${deps.commandName} banks.`);
  const posted = await deps.store.rounds.get(outcome.round.id);
  const text = posted?.status === 'open' ? 'Round posted.' : 'The round could not be posted yet; I will retry shortly.';
  return ephemeral({ text, blocks: [{ type: 'text', text }] });
}
