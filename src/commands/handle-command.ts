import type { IncomingCommand } from '../chat-port.js';
import { asBotError } from '../errors.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import type { OutgoingMessage } from '../messages/model.js';
import { ask } from './ask.js';
import type { CoreDeps } from './deps.js';
import { gapReport, gapsReply } from './gaps.js';
import { helpReply } from './help.js';
import { parseCommand, type Command } from './parse-command.js';
import { deliveryKey, runOnce } from './run-once.js';
import { topicsReply } from './topics.js';
import { leaderboardCommand } from '../quiz/leaderboard.js';
import { practiceCommand, reviewCommand } from '../quiz/practice.js';
import { progressCommand } from '../quiz/progress.js';
import { postCommand, scheduleCommand } from '../schedule/schedule-command.js';
import { digestCommand } from '../schedule/digest-command.js';
import { personalPage } from '../quiz/personal-page.js';
import { channelZone } from '../quiz/channel-zone.js';
import { ephemeral } from '../messages/model.js';
import { dashboardLinkReply } from './dashboard-link.js';

/** A person on a platform, as rate limits count them. */
export function personKey(actor: IncomingCommand | { platform: string; workspaceId: string; userId: string }): string {
  return `${actor.platform}:${actor.workspaceId}:${actor.userId}`;
}

const ADMIN_ONLY = new Set<Command['name']>(['schedule', 'post', 'gaps', 'dashboard', 'digest']);

/** Admin commands that anyone may run without arguments, to see the current setting. */
const SHOW_FOR_ALL = new Set<Command['name']>(['schedule', 'digest']);

/**
 * Runs one slash command and returns the replies. Never throws: an unexpected error is
 * logged with its code and the person gets a short apology instead of a stack trace.
 */
export async function handleCommand(deps: CoreDeps, input: IncomingCommand): Promise<OutgoingMessage[]> {
  try {
    const parsed = parseCommand(input.text);
    if (!parsed.ok) {
      if (parsed.code === 'command.unknown') {
        return [{ ...helpReply(deps.commandName, `I don't know "${quoteUserText(parsed.word, 40)}".`), failure: 'command.unknown' }];
      }
      return [failureReply('command.usage', `Usage: /${deps.commandName} ${parsed.usage}`)];
    }
    const command = parsed.command;
    const showing = SHOW_FOR_ALL.has(command.name) && 'args' in command && command.args.trim() === '';
    if (ADMIN_ONLY.has(command.name) && !input.isAdmin && !showing) {
      return [failureReply('command.admin_only')];
    }
    return await runOnce(deps.store.deliveries, input, command, deps.clock.now().getTime(), () => run(deps, input, command));
  } catch (error) {
    const botError = asBotError(error);
    deps.logger.error({ err: botError, code: botError.code, channel: input.channelId, user: input.userId }, 'command failed');
    return [failureReply('internal', `Something went wrong on my side (${botError.code}); it has been logged.`)];
  }
}

async function run(deps: CoreDeps, input: IncomingCommand, command: Command): Promise<OutgoingMessage[]> {
  const nowMs = deps.clock.now().getTime();
  switch (command.name) {
    case 'ask': {
      if (!deps.limits.lookups.allow(personKey(input), nowMs)) {
        deps.telemetry.rateLimited('lookup');
        return [failureReply('rate.limited')];
      }
      // performance.now() times the lookup for metrics only.
      const started = performance.now();
      const { reply, answered } = ask({ lookup: deps.lookup, lookups: deps.store.lookups, afterReply: deps.afterReply, random: deps.random }, input, command.query, nowMs, deliveryKey(input));
      const seconds = (performance.now() - started) / 1000;
      deps.afterReply.run('lookup metrics', () => deps.telemetry.lookup(answered, seconds));
      return [reply];
    }
    case 'topics':
      return [topicsReply(deps.catalogue.banks)];
    case 'help':
      return [helpReply(deps.commandName)];
    case 'quiz':
      return [await practiceCommand(deps, input, nowMs)];
    case 'review':
      return [await reviewCommand(deps, input, nowMs)];
    case 'leaderboard':
      return [await leaderboardCommand(deps, input, command.period, command.scope, nowMs)];
    case 'progress':
      return [await progressCommand(deps, input, command.userId)];
    case 'schedule':
      return [await scheduleCommand(deps, input, command.args, nowMs)];
    case 'post': {
      const reply = await postCommand(deps, input, nowMs);
      if (reply.failure === undefined) deps.telemetry.round('opened');
      return [reply];
    }
    case 'gaps':
      return [gapsReply(await gapReport(deps.store.lookups, nowMs), deps.catalogue)];
    case 'me': {
      const zone = await channelZone(deps.store, await deps.store.people.channelKey(input));
      return [ephemeral(await personalPage(deps, input, nowMs, zone))];
    }
    case 'dashboard':
      return [dashboardLinkReply(deps.dashboard, input, nowMs)];
    case 'digest':
      return [await digestCommand(deps, input, command.args, nowMs)];
  }
}
