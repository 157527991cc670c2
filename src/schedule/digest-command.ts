import type { Actor } from '../chat-port.js';
import type { Logger } from '../logger.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, toChannel, type OutgoingMessage } from '../messages/model.js';
import { quoteUserText } from '../messages/safe-text.js';
import { formatInZone } from '../quiz/format-time.js';
import type { StoreView } from '../store/ports/index.js';
import { DAY_NAMES, DEFAULT_DIGEST, digestTime, nextDigestSlot, parseDigest } from './digest-slots.js';

/** What the digest command touches. */
export interface DigestCommandDeps {
  store: StoreView<'people' | 'schedules' | 'digests'>;
  logger: Logger;
  /** The slash command's name, for usage lines. */
  commandName: string;
}

/**
 * `digest` (show), `digest off`, `digest <day> [HH:MM]`: the channel's weekly digest
 * (docs/design.md, "Weekly digest"). A digest belongs to a channel's quiz: it goes out
 * in the quiz's zone, by default on Fridays at the quiz's time.
 */
export async function digestCommand(deps: DigestCommandDeps, actor: Actor, args: string, nowMs: number): Promise<OutgoingMessage> {
  const parsed = parseDigest(args);
  const usage = `Usage: /${deps.commandName} digest friday 16:00, or /${deps.commandName} digest off`;
  if (!parsed.ok) {
    return parsed.code === 'digest.bad_day'
      ? failureReply(parsed.code, `"${quoteUserText(parsed.given, 40)}" is not a day: use monday ... sunday (or mon ... sun). ${usage}`)
      : failureReply(parsed.code, `"${quoteUserText(parsed.given, 40)}" is not a time of day: use HH:MM, 24-hour (e.g. 16:00). ${usage}`);
  }
  const request = parsed.request;
  if (request.kind !== 'show' && !actor.isAdmin) return failureReply('command.admin_only');
  const channelKey = await deps.store.people.channelKey(actor);
  const quiz = await deps.store.schedules.get(channelKey);
  if (!quiz) return failureReply('digest.no_quiz', `A channel gets a weekly digest once it has a daily quiz: /${deps.commandName} schedule 10:00 Europe/Berlin weekdays`);
  const current = (await deps.store.digests.settings(channelKey)) ?? DEFAULT_DIGEST;
  const zone = quiz.spec.zone;
  const when = (day: number, time: string | null): string => `${DAY_NAMES[day]}s at ${digestTime({ time }, quiz.spec)} ${zone}${time === null ? " (the quiz's time)" : ''}`;

  if (request.kind === 'show') {
    const text = current.enabled
      ? `Weekly digest: ${when(current.day, current.time)}.${current.nextFireMs === null ? '' : ` Next: ${formatInZone(current.nextFireMs, zone)}.`}`
      : `The weekly digest is off in this channel. An admin can turn it on: /${deps.commandName} digest friday`;
    return ephemeral({ text, blocks: [{ type: 'text', text }] });
  }
  if (request.kind === 'off') {
    await deps.store.digests.configure(channelKey, { ...current, enabled: false, nextFireMs: null });
    deps.logger.info({ channel: actor.channelId, by: actor.userId }, 'digest turned off');
    const text = 'Weekly digest turned off for this channel.';
    return toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Turned off by ${actor.userName}. /${deps.commandName} digest friday turns it back on.` }] });
  }
  const settings = { day: request.day, time: request.time, enabled: true };
  const next = nextDigestSlot(settings, quiz.spec, nowMs);
  await deps.store.digests.configure(channelKey, { ...settings, nextFireMs: next });
  deps.logger.info({ channel: actor.channelId, by: actor.userId, day: request.day, time: request.time, nextFireMs: next }, 'digest set');
  const text = `Weekly digest set: ${when(request.day, request.time)}. Next: ${formatInZone(next, zone)}.`;
  return toChannel({ text, blocks: [{ type: 'text', text }, { type: 'context', text: `Set by ${actor.userName}. It posts the week's board, the cohort's coverage, the hardest question and the streaks kept.` }] });
}
