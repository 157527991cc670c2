import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom, type ChannelRef, type Message } from '../../src/index.js';
import { RecordingChat, tempDir, testBot, type TestBot } from '../helpers/fixtures.js';
import { admin, latestUpdate, roundPosts, say, storedRound } from '../helpers/quiz.js';

const SLOT = '2026-12-01T09:00:00Z'; // Tue 1 Dec, 10:00 in Berlin

/** A chat whose posts hang until released: a process that dies mid-post never hears back. */
class HangingChat extends RecordingChat {
  private readonly waiting: (() => void)[] = [];

  override async post(channel: ChannelRef, message: Message): Promise<{ messageId: string }> {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.post(channel, message);
  }

  /** Lets every hanging post through. */
  release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  get hanging(): number {
    return this.waiting.length;
  }
}

/** A bot over a database file, with Berlin's weekday quiz at 10:00. */
async function scheduledBot(path: string, chat?: RecordingChat): Promise<TestBot> {
  const t = testBot({ path, start: '2026-12-01T08:00:00Z', random: seededRandom(11), ...(chat ? { chat } : {}) });
  await say(t, 'schedule 10:00 Europe/Berlin weekdays', admin('lead'));
  return t;
}

/** A second process on the same database file, starting at `at`. */
function restart(path: string, at: string): TestBot {
  return testBot({ path, start: at, random: seededRandom(12) });
}

describe('restarts around a round', () => {
  it('GIVEN the post failed after the claim WHEN a new process ticks within the window THEN it posts the round once, late', async () => {
    const path = join(tempDir(), 'bot.db');
    const chat = new RecordingChat();
    const first = await scheduledBot(path, chat);
    chat.failNext = 1;
    first.clock.set(new Date(SLOT));
    expect(await first.bot.tick()).toMatchObject({ opened: 1 });
    expect(roundPosts(first.chat)).toHaveLength(0);
    await first.store.close();

    const second = restart(path, '2026-12-01T09:40:00Z');
    expect(await second.bot.tick()).toMatchObject({ retried: 1, opened: 0 });
    const [post] = roundPosts(second.chat);
    const round = await storedRound(second, post!.roundId);
    expect(round).toMatchObject({ status: 'open', slotMs: Date.parse(SLOT), openedMs: Date.parse('2026-12-01T09:40:00Z') });
    // Later ticks neither repost it nor open another round for the same slot.
    second.clock.set(new Date('2026-12-01T09:45:00Z'));
    await second.bot.tick();
    expect(roundPosts(second.chat)).toHaveLength(1);
  });

  it('GIVEN the process died between the claim and the post WHEN a new process starts within the window THEN the round is posted once, late', async () => {
    const path = join(tempDir(), 'bot.db');
    const chat = new HangingChat();
    const first = await scheduledBot(path, chat);
    first.clock.set(new Date(SLOT));
    void first.bot.tick(); // claims, then hangs in the post: as good as dead
    await new Promise((resolve) => setImmediate(resolve));
    expect(chat.hanging).toBe(1);

    const second = restart(path, '2026-12-01T10:30:00Z');
    expect(await second.bot.tick()).toMatchObject({ retried: 1 });
    expect(roundPosts(second.chat)).toHaveLength(1);
    second.clock.set(new Date('2026-12-01T10:31:00Z'));
    expect(await second.bot.tick()).toMatchObject({ retried: 0, opened: 0 });
    expect(roundPosts(second.chat)).toHaveLength(1);
  });

  it('GIVEN the process died between the claim and the post WHEN a new process starts after the window THEN the round is marked missed, not posted', async () => {
    const path = join(tempDir(), 'bot.db');
    const chat = new HangingChat();
    const first = await scheduledBot(path, chat);
    first.clock.set(new Date(SLOT));
    void first.bot.tick();
    await new Promise((resolve) => setImmediate(resolve));

    // Back at 18:30 in Berlin: the 10:00 round's 8-hour window closed at 18:00.
    const second = restart(path, '2026-12-01T17:30:00Z');
    expect(await second.bot.tick()).toMatchObject({ missed: 1, retried: 0, opened: 0 });
    expect(second.chat.calls).toHaveLength(0);
    // The next weekday's round opens as usual.
    second.clock.set(new Date('2026-12-02T09:00:00Z'));
    expect(await second.bot.tick()).toMatchObject({ opened: 1 });
    expect(roundPosts(second.chat)).toHaveLength(1);
  });

  it('GIVEN the round was posted WHEN the process restarts THEN it is not posted again, and it still closes and reveals', async () => {
    const path = join(tempDir(), 'bot.db');
    const first = await scheduledBot(path);
    first.clock.set(new Date(SLOT));
    await first.bot.tick();
    const [post] = roundPosts(first.chat);
    await first.store.close();

    const second = restart(path, '2026-12-01T09:00:30Z');
    for (const at of ['2026-12-01T09:00:30Z', '2026-12-01T09:01:00Z', '2026-12-01T12:00:00Z']) {
      second.clock.set(new Date(at));
      await second.bot.tick();
    }
    expect(second.chat.calls.filter((c) => c.kind === 'post')).toHaveLength(0);
    second.clock.set(new Date('2026-12-01T17:00:00Z'));
    expect(await second.bot.tick()).toMatchObject({ closed: 1 });
    expect(latestUpdate(second.chat, post!.messageId)).toBeDefined();
  });

  it('GIVEN a manual post is still in flight WHEN the tick runs THEN it does not post the same round a second time', async () => {
    const chat = new HangingChat();
    const t = testBot({ chat, random: seededRandom(13) });
    const posting = t.bot.handleCommand({ platform: 'console', workspaceId: 'w1', channelId: 'general', userId: 'lead', userName: 'lead', isAdmin: true, text: 'post' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(chat.hanging).toBe(1);
    t.clock.advance(60_000);
    void t.bot.tick();
    await new Promise((resolve) => setImmediate(resolve));
    chat.release();
    await posting;
    await t.bot.tick();
    expect(roundPosts(chat)).toHaveLength(1);
  });

  it('GIVEN two processes on one database WHEN both tick at the slot THEN the round is posted once', async () => {
    const path = join(tempDir(), 'bot.db');
    const a = await scheduledBot(path);
    const b = restart(path, SLOT);
    a.clock.set(new Date(SLOT));
    const reports = await Promise.all([a.bot.tick(), b.bot.tick()]);
    expect(reports.map((r) => r.opened).sort()).toEqual([0, 1]);
    expect(roundPosts(a.chat).length + roundPosts(b.chat).length).toBe(1);
  });
});
