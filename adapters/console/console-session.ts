import type { Bot, IncomingCommand } from '../../src/index.js';
import type { ConsoleMessage, Transcript } from './transcript.js';

export const CONSOLE_WORKSPACE = 'local';

/** What one console line did, for the caller to report. */
export type LineOutcome = { ok: true } | { ok: false; error: string };

/**
 * A chat room in the terminal: users type slash commands and click buttons, the bot
 * answers through the same core that Slack and Discord use. In the console a user's
 * id and name are the handle typed.
 */
export class ConsoleSession {
  channel = 'general';
  private readonly admins: Set<string>;

  constructor(
    private readonly bot: Bot,
    private readonly transcript: Transcript,
    admins: Iterable<string> = [],
  ) {
    this.admins = new Set(admins);
  }

  makeAdmin(user: string): void {
    this.admins.add(user);
  }

  /** A user types a line: a slash command (`/mesh ask x`), or `click N`. */
  async say(user: string, line: string): Promise<LineOutcome> {
    const text = line.trim();
    const click = /^click\s+(\d+)$/i.exec(text);
    if (click) return this.click(user, Number(click[1]));
    const slash = /^\/(\S+)\s*(.*)$/s.exec(text);
    if (!slash) return { ok: false, error: `expected a slash command like "/${this.bot.commandName} help" or "click N"` };
    if (slash[1]!.toLowerCase() !== this.bot.commandName) {
      return { ok: false, error: `unknown slash command "/${slash[1]}": this bot answers /${this.bot.commandName}` };
    }
    const replies = await this.bot.handleCommand({ ...this.actor(user), text: slash[2] ?? '' });
    for (const reply of replies) await this.transcript.add(this.channel, reply.visibility === 'ephemeral' ? user : null, reply);
    // Pictures come after the text, as on the platforms (docs/design.md, "Replies first").
    for (const reply of replies) {
      if (!reply.followUp) continue;
      try {
        const next = await reply.followUp();
        if (next) await this.transcript.add(this.channel, next.visibility === 'ephemeral' ? user : null, next);
      } catch (error) {
        return { ok: false, error: `the picture after the reply failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    return { ok: true };
  }

  /** Clicks button `n` (1-based) of the newest message with buttons the user can see. */
  async click(user: string, n: number): Promise<LineOutcome> {
    const target: ConsoleMessage | undefined = this.transcript.newestWithButtons(this.channel, user);
    if (!target) return { ok: false, error: `${user} can see no message with buttons in #${this.channel}` };
    const button = target.buttons[n - 1];
    if (!button) return { ok: false, error: `the newest message with buttons has ${target.buttons.length} button(s), not ${n}` };
    const reply = await this.bot.handleAction({ ...this.actor(user), actionId: button.actionId, value: button.value, messageId: target.id });
    if (reply.replace) await this.transcript.replace(target.id, target.channel, target.visibleTo, reply.replace);
    for (const m of reply.messages) await this.transcript.add(this.channel, m.visibility === 'ephemeral' ? user : null, m);
    return { ok: true };
  }

  private actor(user: string): Omit<IncomingCommand, 'text'> {
    return {
      platform: 'console',
      workspaceId: CONSOLE_WORKSPACE,
      channelId: this.channel,
      userId: user,
      userName: user,
      isAdmin: this.admins.has(user),
    };
  }
}
