import { ephemeral, type OutgoingMessage } from '../messages/model.js';
import { USAGE, type CommandName } from './parse-command.js';

const WHAT: Readonly<Record<CommandName, string>> = {
  ask: "look something up (this channel's banks first)",
  quiz: "a private practice question from this channel's banks, or from the bank named",
  review: 'your next spaced-repetition card',
  leaderboard: "this channel's top scorers",
  progress: 'which questions someone has covered',
  schedule: 'show or set the daily quiz (admins)',
  post: 'post a quiz round now (admins)',
  topics: 'topics, their levels and the path between banks',
  banks: "the loaded banks and which this channel uses (admins: banks use ...)",
  gaps: 'lookups the bank could not answer (admins)',
  me: 'your points, streak, coverage and reviews due',
  dashboard: 'a private link to the onboarding dashboard (admins)',
  digest: "show or set this channel's weekly digest (admins)",
  help: 'this list',
};

/** Usage for every command, under the configured slash command name. */
export function helpReply(commandName: string, lead?: string): OutgoingMessage {
  const lines = (Object.keys(USAGE) as CommandName[]).map((c) => `/${commandName} ${USAGE[c]} — ${WHAT[c]}`);
  const blocks = [
    ...(lead ? [{ type: 'text' as const, text: lead }] : []),
    { type: 'header' as const, text: `/${commandName} commands` },
    { type: 'text' as const, text: lines.join('\n') },
    { type: 'context' as const, text: `Example: /${commandName} ask circuit breaking` },
  ];
  return ephemeral({ text: lead ?? `/${commandName} commands`, blocks });
}
