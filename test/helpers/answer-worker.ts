/**
 * A second (third, ...) bot process for concurrency tests: opens the database file given,
 * waits for a shared start time so the processes overlap, then clicks every choice of a
 * round for each user at once and prints how the clicks were answered, as one JSON line.
 *
 *   tsx test/helpers/answer-worker.ts DB ROUND_ID USERS(comma-separated) START_EPOCH_MS
 */
import { createBot, loadBanks, ManualClock, openSqliteStore, type ChatPort } from '../../src/index.js';

const [path, roundArg, usersArg, startArg] = process.argv.slice(2);
if (!path || !roundArg || !usersArg || !startArg) {
  process.stderr.write('usage: answer-worker DB ROUND_ID USERS START_EPOCH_MS\n');
  process.exit(2);
}

const silentChat: ChatPort = {
  post: async () => ({ messageId: 'unused' }),
  update: async () => {},
  reply: async () => ({ messageId: 'unused' }),
};

const store = openSqliteStore(path);
const round = await store.rounds.get(Number(roundArg));
if (!round) throw new Error(`round ${roundArg} not found`);
const bot = createBot({ banks: loadBanks('data/banks'), store, clock: new ManualClock(new Date(round.slotMs + 60_000)), chat: silentChat });

// A shared wall-clock start makes the processes' transactions overlap.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startArg) - Date.now())));

const users = usersArg.split(',');
const clicks = users.flatMap((user) =>
  [0, 1, 2, 3].map((index) =>
    bot.handleAction({ platform: 'console', workspaceId: 'w1', channelId: round.channel.channelId, userId: user, userName: user, isAdmin: false, actionId: 'quiz.answer', value: `${round.id}:${index}` }),
  ),
);
const counts: Record<string, number> = {};
for (const reply of await Promise.all(clicks)) {
  const message = reply.messages[0];
  const kind = message?.failure ?? (message?.text.startsWith('Locked in') ? 'recorded' : 'other');
  counts[kind] = (counts[kind] ?? 0) + 1;
}
await store.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
