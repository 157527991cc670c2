import type { Period } from '../quiz/scoring.js';

/** A command as the core understands it, parsed from the text after the slash command. */
export type Command =
  | { name: 'ask'; query: string }
  | { name: 'quiz'; bank: string | null }
  | { name: 'review' }
  | { name: 'leaderboard'; period: LeaderboardPeriod; scope: 'channel' | 'workspace' }
  | { name: 'progress'; userId: string | null }
  | { name: 'schedule'; args: string }
  | { name: 'post' }
  | { name: 'topics' }
  /** `banks` shows them; `banks use a,b` (`use` = the slugs) or `banks use all` (`use` = 'all') sets the channel's. */
  | { name: 'banks'; use: string[] | 'all' | null }
  | { name: 'gaps' }
  | { name: 'me' }
  | { name: 'dashboard' }
  | { name: 'digest'; args: string }
  | { name: 'help' };

export type LeaderboardPeriod = Period;

export type CommandName = Command['name'];

export type ParseFailure =
  | { ok: false; code: 'command.unknown'; word: string }
  | { ok: false; code: 'command.usage'; command: CommandName; usage: string };

export type ParseResult = { ok: true; command: Command } | ParseFailure;

/** Usage line of each command, without the slash command itself. */
export const USAGE: Readonly<Record<CommandName, string>> = {
  ask: 'ask <words>',
  quiz: 'quiz [bank]',
  review: 'review',
  leaderboard: 'leaderboard [week|month|all] [workspace]',
  progress: 'progress [@user]',
  schedule: 'schedule [<HH:MM> [time zone] [weekdays|daily|<cron expression>] | off]',
  post: 'post',
  topics: 'topics',
  banks: 'banks [use <bank>[,<bank>...] | use all]',
  gaps: 'gaps',
  me: 'me',
  dashboard: 'dashboard',
  digest: 'digest [<day> [HH:MM] | off]',
  help: 'help',
};

const MAX_TEXT = 2000;
/** A bank slug, as metadata allows it (src/bank/meta-schema.ts). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,30}$/;
const MENTION = /^<@!?([A-Za-z0-9_.-]+)(?:\|[^>]*)?>$/;
const HANDLE = /^@?([A-Za-z0-9_.-]{1,80})$/;

/**
 * Parses command text (`ask circuit breaking`, `leaderboard week`). Pure: never throws;
 * unknown or malformed input comes back as a coded failure the adapter renders.
 */
export function parseCommand(input: string): ParseResult {
  // Control characters never mean anything in a command; collapse them with whitespace.
  const text = input.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_TEXT);
  const [head = '', ...rest] = text.split(/\s+/);
  const word = head.toLowerCase();
  const args = rest.join(' ');
  const lower = rest.map((r) => r.toLowerCase());
  const usage = (command: CommandName): ParseFailure => ({ ok: false, code: 'command.usage', command, usage: USAGE[command] });
  const ok = (command: Command): ParseResult => ({ ok: true, command });
  const noArgs = (command: Command): ParseResult => (rest.length === 0 ? ok(command) : usage(command.name));

  switch (word) {
    case '':
    case 'help':
    case '?':
      return ok({ name: 'help' });
    case 'ask':
    case 'search':
    case 'lookup':
      return args === '' ? usage('ask') : ok({ name: 'ask', query: args });
    case 'quiz':
    case 'practice': {
      if (rest.length === 0) return ok({ name: 'quiz', bank: null });
      return rest.length === 1 && SLUG.test(lower[0]!) ? ok({ name: 'quiz', bank: lower[0]! }) : usage('quiz');
    }
    case 'review':
      return noArgs({ name: 'review' });
    case 'topics':
    case 'paths':
      return noArgs({ name: 'topics' });
    case 'banks':
    case 'bank': {
      if (rest.length === 0) return ok({ name: 'banks', use: null });
      if (lower[0] !== 'use' || rest.length === 1) return usage('banks');
      // "use a,b", "use a, b" and "use a b" all name the same banks.
      const slugs = lower.slice(1).join(',').split(',').map((x) => x.trim()).filter((x) => x !== '');
      if (slugs.length === 1 && slugs[0] === 'all') return ok({ name: 'banks', use: 'all' });
      return slugs.length > 0 && slugs.every((x) => SLUG.test(x)) ? ok({ name: 'banks', use: slugs }) : usage('banks');
    }
    case 'post':
      return noArgs({ name: 'post' });
    case 'gaps':
      return noArgs({ name: 'gaps' });
    case 'me':
    case 'home':
      return noArgs({ name: 'me' });
    case 'dashboard':
      return noArgs({ name: 'dashboard' });
    case 'digest':
      return ok({ name: 'digest', args });
    case 'schedule':
      return ok({ name: 'schedule', args });
    case 'leaderboard':
    case 'scores':
    case 'top': {
      let period: LeaderboardPeriod = 'all';
      let scope: 'channel' | 'workspace' = 'channel';
      for (const arg of lower) {
        if (arg === 'week' || arg === 'month' || arg === 'all') period = arg;
        else if (arg === 'workspace' || arg === 'server' || arg === 'global') scope = 'workspace';
        else return usage('leaderboard');
      }
      return ok({ name: 'leaderboard', period, scope });
    }
    case 'progress': {
      if (rest.length === 0) return ok({ name: 'progress', userId: null });
      if (rest.length > 1) return usage('progress');
      const target = rest[0]!;
      const id = MENTION.exec(target)?.[1] ?? HANDLE.exec(target)?.[1];
      return id ? ok({ name: 'progress', userId: id }) : usage('progress');
    }
    default:
      return { ok: false, code: 'command.unknown', word: head.slice(0, 40) };
  }
}
