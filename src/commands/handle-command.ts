import type { IncomingCommand } from '../chat-port.js';
import { asBotError } from '../errors.js';
import { failureReply } from '../messages/failures.js';
import { quoteUserText } from '../messages/safe-text.js';
import type { OutgoingMessage } from '../messages/model.js';
import { ask } from './ask.js';
import { banksCommand } from './banks.js';
import type { CoreDeps } from './deps.js';
import { gapReport, gapsReply } from './gaps.js';
import { helpReply } from './help.js';
import { parseCommand, type Command } from './parse-command.js';
import { deliveryKey, readOnly, runOnce } from './run-once.js';
import { topicsReply } from './topics.js';
import { leaderboardCommand } from '../quiz/leaderboard.js';
import { practiceCommand, reviewCommand } from '../quiz/practice.js';
import { progressCommand } from '../quiz/progress.js';
import { banksOfChannel } from '../quiz/channel-banks.js';
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

const ADMIN_ONLY = new Set<Command['name']>(['schedule', 'post', 'gaps', 'banks', 'dashboard', 'digest']);

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
    if (ADMIN_ONLY.has(command.name) && !input.isAdmin && !readOnly(command)) {
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
      const { reply, answered } = await ask(deps, input, command.query, nowMs, deliveryKey(input));
      const seconds = (performance.now() - started) / 1000;
      deps.afterReply.run('lookup metrics', () => deps.telemetry.lookup(answered, seconds));
      // Evidence older than the refresh interval is reloaded after the reply, never in front of it.
      if (deps.learned.due(nowMs)) deps.afterReply.run('learned evidence', () => deps.learned.refresh(nowMs));
      return [reply];
    }
    case 'topics': {
      const { catalogue } = deps.library.current();
      const { banks } = await banksOfChannel(deps.store, catalogue, await deps.store.people.channelKey(input));
      return [topicsReply(catalogue, banks, deps.commandName)];
    }
    case 'banks':
      return [await banksCommand(deps, input, command.use, nowMs)];
    case 'help':
      return [helpReply(deps.commandName)];
    case 'quiz':
      return [await practiceCommand(deps, input, nowMs, command.bank)];
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
      return [gapsReply(await gapReport({ lookups: deps.store.lookups, lookup: deps.library.current().lookup }, nowMs), deps.library.current().catalogue)];
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
