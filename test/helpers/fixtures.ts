import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createBot, loadBanks, ManualClock, openSqliteStore, type Bank, type Bot, type ChannelRef, type ChatPort, type DashboardLinkConfig, type IncomingAction, type IncomingCommand, type Library, type Logger, type Message, type Random, type RateLimits, type Store } from '../../src/index.js';

let seedBanks: Bank[] | null = null;

/** The shipped banks, parsed once per test file. */
export function seed(): Bank[] {
  if (!seedBanks) seedBanks = loadBanks('data/banks');
  return seedBanks;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshbot-test-'));
  dirs.push(dir);
  return dir;
}

/** A recording ChatPort: what the core posted, updated and replied, in order. */
export class RecordingChat implements ChatPort {
  readonly calls: { kind: 'post' | 'update' | 'reply'; channel: ChannelRef; messageId: string; message: Message }[] = [];
  private next = 1;
  failNext = 0;

  async post(channel: ChannelRef, message: Message): Promise<{ messageId: string }> {
    this.maybeFail();
    const messageId = `posted-${this.next++}`;
    this.calls.push({ kind: 'post', channel, messageId, message });
    return { messageId };
  }

  async update(channel: ChannelRef, messageId: string, message: Message): Promise<void> {
    this.maybeFail();
    this.calls.push({ kind: 'update', channel, messageId, message });
  }

  async reply(channel: ChannelRef, messageId: string, message: Message): Promise<{ messageId: string }> {
    this.maybeFail();
    const id = `reply-${this.next++}`;
    this.calls.push({ kind: 'reply', channel, messageId, message });
    return { messageId: id };
  }

  private maybeFail(): void {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('platform unavailable');
    }
  }
}

export interface TestBot {
  bot: Bot;
  store: Store;
  clock: ManualClock;
  chat: RecordingChat;
}

/**
 * A bot over the seed banks and a real SQLite database (in memory unless a path is given).
 * Rate limits are off unless asked for: scenario tests click faster than people do.
 */
export function testBot(
  options: { path?: string; start?: string; banks?: Bank[]; library?: Library; random?: Random; chat?: RecordingChat; rateLimits?: Partial<RateLimits>; logger?: Logger; dashboard?: DashboardLinkConfig } = {},
): TestBot {
  const clock = new ManualClock(new Date(options.start ?? '2026-12-01T08:00:00Z'));
  const store = openSqliteStore(options.path ?? ':memory:', clock.now().getTime());
  const chat = options.chat ?? new RecordingChat();
  const rateLimits = { lookupsPerMinute: 0, answersPerMinute: 0, ...options.rateLimits };
  const banks = options.library ? { library: options.library } : { banks: options.banks ?? seed() };
  const bot = createBot({ ...banks, store, clock, chat, rateLimits, ...(options.random ? { random: options.random } : {}), ...(options.logger ? { logger: options.logger } : {}), ...(options.dashboard ? { dashboard: options.dashboard } : {}) });
  return { bot, store, clock, chat };
}

/** A command from a person in a channel. */
export function command(text: string, who: Partial<IncomingCommand> = {}): IncomingCommand {
  return { platform: 'console', workspaceId: 'w1', channelId: 'general', userId: 'alice', userName: 'alice', isAdmin: false, text, ...who };
}

/** A click from a person in a channel. */
export function click(actionId: string, value: string, who: Partial<IncomingAction> = {}): IncomingAction {
  return { platform: 'console', workspaceId: 'w1', channelId: 'general', userId: 'alice', userName: 'alice', isAdmin: false, actionId, value, ...who };
}

/** Every text in a message's blocks, joined: for assertions on what a person reads. */
export function textOf(message: Message): string {
  return message.blocks
    .map((b) => {
      switch (b.type) {
        case 'header':
        case 'text':
        case 'context':
          return b.text;
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n');
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'buttons':
          return b.buttons.map((x) => `[${x.label}]`).join(' ');
        default:
          return '';
      }
    })
    .join('\n');
}
