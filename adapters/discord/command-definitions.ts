/**
 * The slash commands meshbot registers on Discord, and how each subcommand turns back
 * into the command text the core parses. One table serves both, so what is registered
 * and what is understood cannot drift apart.
 *
 * Two top-level commands, because Discord applies `default_member_permissions` per
 * top-level command, not per subcommand:
 * - `/mesh` (everyone): ask, quiz, review, leaderboard, progress, me, schedule (show), digest (show), topics, banks (show), help;
 * - `/mesh-admin` (default: members with Manage Channels): schedule (set), schedule-off, post, gaps, banks (use), dashboard,
 *   digest (set), digest-off.
 * Server admins can change who sees `/mesh-admin` under Server Settings > Integrations; the
 * core still checks admin rights on every admin command (see map-interaction.ts).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** Which top-level command a subcommand lives under. */
export type CommandGroup = 'user' | 'admin';

/** Reads a subcommand's typed options (a discord.js option resolver, or a test double). */
export interface OptionReader {
  /** A string option's value, or null when not given. */
  string(name: string): string | null;
  /** A user option's id, or null when not given. */
  user(name: string): string | null;
}

/** One subcommand: how it is registered and the core command text it stands for. */
export interface SubcommandSpec {
  group: CommandGroup;
  name: string;
  description: string;
  options: APIApplicationCommandBasicOption[];
  /** Whether the core's work may be slow (it posts to the channel): answer with a deferred reply. */
  slow?: boolean;
  /** The text after the slash command that the core parses, e.g. `ask circuit breaking`. */
  toText(options: OptionReader): string;
}

const S = ApplicationCommandOptionType.String;

/** Every subcommand, in the order Discord shows them. */
export const SUBCOMMANDS: readonly SubcommandSpec[] = [
  {
    group: 'user',
    name: 'ask',
    description: 'Look something up in the bank (only you see the answer)',
    options: [{ type: S, name: 'query', description: 'What to look up, e.g. circuit breaking', required: true, autocomplete: true, min_length: 1, max_length: 200 }],
    toText: (o) => `ask ${o.string('query') ?? ''}`,
  },
  {
    group: 'user',
    name: 'quiz',
    description: 'A private practice question',
    options: [{ type: S, name: 'bank', description: "One bank's name, e.g. serverless-junior (default: this channel's banks)", min_length: 1, max_length: 31 }],
    toText: (o) => ['quiz', word(o.string('bank'))].filter(Boolean).join(' '),
  },
  { group: 'user', name: 'review', description: 'Your next spaced-repetition card', options: [], toText: () => 'review' },
  {
    group: 'user',
    name: 'leaderboard',
    description: 'Top scorers, with streaks',
    options: [
      {
        type: S,
        name: 'period',
        description: 'Which period (default: all time)',
        choices: [
          { name: 'This week', value: 'week' },
          { name: 'This month', value: 'month' },
          { name: 'All time', value: 'all' },
        ],
      },
      {
        type: S,
        name: 'scope',
        description: 'This channel or the whole server (default: this channel)',
        choices: [
          { name: 'This channel', value: 'channel' },
          { name: 'Whole server', value: 'server' },
        ],
      },
    ],
    toText: (o) => ['leaderboard', o.string('period') ?? '', o.string('scope') === 'server' ? 'workspace' : ''].filter(Boolean).join(' '),
  },
  {
    group: 'user',
    name: 'progress',
    description: "Which questions someone has covered (default: this channel's cohort)",
    options: [{ type: ApplicationCommandOptionType.User, name: 'user', description: 'Whose progress' }],
    toText: (o) => {
      const id = o.user('user');
      return id ? `progress <@${id}>` : 'progress';
    },
  },
  { group: 'user', name: 'me', description: 'Your points, streak, coverage and reviews due (only you see it)', options: [], toText: () => 'me' },
  { group: 'user', name: 'schedule', description: "Show this channel's daily quiz", options: [], toText: () => 'schedule' },
  { group: 'user', name: 'digest', description: "Show this channel's weekly digest", options: [], toText: () => 'digest' },
  { group: 'user', name: 'topics', description: 'Topics, their levels and the path between banks', options: [], toText: () => 'topics' },
  { group: 'user', name: 'banks', description: 'The loaded banks and which this channel uses', options: [], toText: () => 'banks' },
  { group: 'user', name: 'help', description: 'How to use meshbot', options: [], toText: () => 'help' },
  {
    group: 'admin',
    name: 'schedule',
    description: 'Turn the daily quiz on in this channel, or change it',
    options: [
      { type: S, name: 'time', description: 'Time of day, 24-hour HH:MM, e.g. 10:00', required: true, min_length: 3, max_length: 5 },
      { type: S, name: 'zone', description: 'IANA time zone, e.g. Europe/Berlin (default: UTC or the current one)', autocomplete: true, max_length: 64 },
      { type: S, name: 'days', description: 'weekdays (default), daily, weekends, mon,wed,fri, or a cron expression', autocomplete: true, max_length: 100 },
    ],
    // Each option is one word to the core: stray spaces inside a value must not shift the others.
    toText: (o) => ['schedule', word(o.string('time')), word(o.string('zone')), o.string('days')?.trim() ?? ''].filter(Boolean).join(' '),
  },
  { group: 'admin', name: 'schedule-off', description: 'Turn the daily quiz off in this channel', options: [], toText: () => 'schedule off' },
  { group: 'admin', name: 'post', description: 'Post a quiz round in this channel now', options: [], slow: true, toText: () => 'post' },
  { group: 'admin', name: 'gaps', description: 'Lookups the bank could not answer', options: [], toText: () => 'gaps' },
  {
    group: 'admin',
    name: 'banks',
    description: 'Choose the banks this channel quizzes from and looks up first',
    options: [{ type: S, name: 'use', description: 'Bank names separated by commas (e.g. mesh,serverless-junior), or all', required: true, min_length: 1, max_length: 200 }],
    toText: (o) => `banks use ${o.string('use')?.trim() ?? ''}`,
  },
  { group: 'admin', name: 'dashboard', description: 'A private link to the onboarding dashboard (24 hours)', options: [], toText: () => 'dashboard' },
  {
    group: 'admin',
    name: 'digest',
    description: "Set this channel's weekly digest (default: Fridays at the quiz's time)",
    options: [
      {
        type: S,
        name: 'day',
        description: 'Day of the week',
        required: true,
        choices: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => ({ name: d[0]!.toUpperCase() + d.slice(1), value: d })),
      },
      { type: S, name: 'time', description: "Time of day, 24-hour HH:MM (default: the quiz's time)", min_length: 3, max_length: 5 },
    ],
    toText: (o) => ['digest', word(o.string('day')), word(o.string('time'))].filter(Boolean).join(' '),
  },
  { group: 'admin', name: 'digest-off', description: "Turn this channel's weekly digest off", options: [], toText: () => 'digest off' },
];

function word(value: string | null): string {
  return (value ?? '').trim().replace(/\s+/g, '_');
}

/** The two top-level command names for a configured base name (Discord allows 32 characters). */
export function commandNames(base: string): Record<CommandGroup, string> {
  return { user: base, admin: `${base.slice(0, 26)}-admin` };
}

/** Finds the subcommand an interaction names. */
export function findSubcommand(group: CommandGroup, name: string): SubcommandSpec | undefined {
  return SUBCOMMANDS.find((s) => s.group === group && s.name === name);
}

/**
 * The body of the registration PUT: `/mesh` for everyone and `/mesh-admin` visible by
 * default only to members with Manage Channels. Both work in servers only (a command
 * belongs to a guild's channel: the core keys everything by guild and channel).
 */
export function discordCommandDefinitions(base = 'mesh'): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const names = commandNames(base);
  const subcommands = (group: CommandGroup) =>
    SUBCOMMANDS.filter((s) => s.group === group).map((s) => ({
      type: ApplicationCommandOptionType.Subcommand as const,
      name: s.name,
      description: s.description,
      ...(s.options.length > 0 ? { options: s.options } : {}),
    }));
  const common = {
    type: ApplicationCommandType.ChatInput as const,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  return [
    { ...common, name: names.user, description: "Look things up in the team's Q&A bank, practise, and follow the daily quiz", options: subcommands('user') },
    {
      ...common,
      name: names.admin,
      description: "Manage this channel's daily quiz (channel managers)",
      default_member_permissions: String(PermissionFlagsBits.ManageChannels),
      options: subcommands('admin'),
    },
  ];
}
