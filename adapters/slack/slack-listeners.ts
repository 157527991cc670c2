import type { App, RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger, Message, OutgoingMessage } from '../../src/index.js';
import type { BotHandle, PlatformCallObserver } from '../platform-adapter.js';
import type { SlackPeople } from './admin-check.js';
import { BoundedCache } from './bounded-cache.js';
import type { Inflight } from './inflight.js';
import {
  actionDeliveryKey,
  actionFromBlockActions,
  commandDeliveryKey,
  commandFromSlash,
  commandNeedsAdmin,
  payloadUserName,
  workspaceOfAction,
  type BlockActionsPayload,
  type SlackIdentity,
  type SlashCommandPayload,
} from './map-payloads.js';
import { renderMessage } from './render-blocks.js';

/** The body of a slash command's ack, or of a response_url post. */
type SlackResponse = RespondArguments;

/** What the listeners need from the adapter. */
export interface ListenerDeps {
  /** The core, once built. */
  bot: BotHandle;
  /** Names and admin rights (users.info, cached). */
  people: SlackPeople;
  logger: Logger;
  /** Told of every response_url post (metrics). */
  observer: PlatformCallObserver;
  /** Work still running after the ack, for stop() to wait on. */
  inflight: Inflight;
  /** A slash command not answered by then is acked empty and answered through response_url (Slack allows 3 s). */
  ackDeadlineMs: number;
  /** A monotonic clock (ms) for timing response_url posts. */
  now: () => number;
}

/** Deliveries remembered to spot Slack's retries (which come within minutes): keys only, so this stays small. */
const SEEN_MEMORY = { entries: 10_000, ttlMs: 10 * 60_000 };
/** First answers kept to answer a retried slash command the same way: fewer and shorter, as they weigh more. */
const ANSWER_MEMORY = { entries: 1_000, ttlMs: 2 * 60_000 };

/** What the first delivery of a slash command answered in its ack (null: it answered through response_url). */
type FirstAnswer = Promise<OutgoingMessage | null>;

interface CommandMemory {
  seen: BoundedCache<true>;
  answers: BoundedCache<FirstAnswer>;
}

/**
 * Registers the slash command and button listeners. Commands are answered in the ack
 * itself (the fast path: no extra API call); clicks are acked at once and answered
 * through response_url. A delivery Slack repeats (X-Slack-Retry-Num, same trigger id or
 * action_ts) never runs twice.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const commands: CommandMemory = {
    seen: new BoundedCache<true>(SEEN_MEMORY.entries, SEEN_MEMORY.ttlMs),
    answers: new BoundedCache<FirstAnswer>(ANSWER_MEMORY.entries, ANSWER_MEMORY.ttlMs),
  };
  const actions = new BoundedCache<true>(SEEN_MEMORY.entries, SEEN_MEMORY.ttlMs);

  // Any slash command routed to this app is ours, whatever name the workspace gave it.
  app.command(/^\/.+/, ({ command, ack, respond }) => deps.inflight.track(onCommand(deps, commands, command, ack, respond)));
  app.action({ type: 'block_actions' }, ({ body, ack, respond }) =>
    deps.inflight.track(onAction(deps, actions, body as unknown as BlockActionsPayload, ack, respond)),
  );
}

async function onCommand(
  deps: ListenerDeps,
  memory: CommandMemory,
  command: SlashCommandPayload,
  ack: (body?: SlackResponse) => Promise<void>,
  respond: RespondFn,
): Promise<void> {
  const key = commandDeliveryKey(command);
  if (key && memory.seen.get(key)) {
    deps.logger.info({ channel: command.channel_id, trigger: command.trigger_id }, 'repeated slash command delivery: answered from the first, not run again');
    const first = memory.answers.get(key);
    const reply = first ? await settledWithin(first, deps.ackDeadlineMs) : undefined;
    await ack(reply ? toResponse(reply) : undefined);
    return;
  }
  let settle: (reply: OutgoingMessage | null) => void = () => {};
  if (key) {
    memory.seen.set(key, true);
    // The core's reply, not the rendered blocks: it is the smaller thing to keep.
    memory.answers.set(key, new Promise((resolve) => (settle = resolve)));
  }

  // Slack gives up after 3 s: past the deadline (users.info or the core being slow), ack empty and answer later.
  let acked = false;
  const late = setTimeout(() => {
    acked = true;
    deps.logger.warn({ channel: command.channel_id, text: command.text.slice(0, 80) }, 'slow command: acknowledged empty, answering through response_url');
    ack().catch((error: unknown) => deps.logger.warn({ err: error }, 'acknowledging a slow command failed'));
  }, deps.ackDeadlineMs);
  let replies: OutgoingMessage[];
  try {
    // The fast path never waits for Slack: users.info is awaited only when admin rights matter and are unknown.
    let who: SlackIdentity | undefined = deps.people.cached(command.team_id, command.user_id, command.user_name);
    if (!who && commandNeedsAdmin(command.text)) who = await deps.people.resolve(command.team_id, command.user_id, command.user_name);
    if (!who) {
      who = deps.people.guess(command.team_id, command.user_id, command.user_name);
      setImmediate(() => deps.people.warm(command.team_id, command.user_id));
    }
    replies = await deps.bot().handleCommand(commandFromSlash(command, who));
  } catch (error) {
    // The core never throws; this guards the adapter's own mistakes (e.g. no bot yet).
    deps.logger.error({ err: error, channel: command.channel_id }, 'slash command failed in the adapter');
    const text = 'Something went wrong on my side; it has been logged.';
    replies = [{ visibility: 'ephemeral', text, blocks: [{ type: 'text', text }] }];
  } finally {
    clearTimeout(late);
  }

  let rest = replies;
  if (!acked) {
    acked = true;
    const [first, ...others] = replies;
    settle(first ?? null);
    await ack(first ? toResponse(first) : undefined);
    rest = others;
  } else {
    settle(null);
  }
  for (const message of rest) await respondSafely(deps, respond, toResponse(message), command.channel_id);
}

async function onAction(
  deps: ListenerDeps,
  seen: BoundedCache<true>,
  body: BlockActionsPayload,
  ack: () => Promise<void>,
  respond: RespondFn,
): Promise<void> {
  // Checked and marked before the first await, so a retry arriving meanwhile is caught too.
  const key = actionDeliveryKey(body);
  const repeated = key !== null && seen.get(key) === true;
  if (key && !repeated) seen.set(key, true);
  await ack();
  const channel = body.channel?.id ?? '';
  if (repeated) {
    deps.logger.info({ channel, user: body.user.id, action: body.actions[0]?.action_id }, 'repeated click delivery: ignored');
    return;
  }
  const who = await deps.people.resolve(workspaceOfAction(body), body.user.id, payloadUserName(body));
  const input = actionFromBlockActions(body, who);
  if (!input) return;
  const reply = await deps.bot().handleAction(input);
  if (reply.replace) await respondSafely(deps, respond, { ...render(reply.replace), replace_original: true }, channel);
  for (const message of reply.messages) await respondSafely(deps, respond, { ...toResponse(message), replace_original: false }, channel);
}

function render(message: Message): SlackResponse {
  const { text, blocks } = renderMessage(message);
  return { text, blocks };
}

/** A core reply as Slack's response: ephemeral unless the core says the channel should see it. */
export function toResponse(message: OutgoingMessage): SlackResponse {
  return { ...render(message), response_type: message.visibility === 'channel' ? 'in_channel' : 'ephemeral' };
}

/** Posts to response_url; a failure is logged with the channel, never thrown into Bolt. */
async function respondSafely(deps: ListenerDeps, respond: RespondFn, response: SlackResponse, channel: string): Promise<void> {
  const started = deps.now();
  try {
    await respond(response);
    deps.observer.call('slack', 'response_url', 'ok', deps.now() - started);
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    deps.observer.call('slack', 'response_url', typeof status === 'number' ? String(status) : 'error', deps.now() - started);
    deps.logger.warn({ channel, err: error }, 'answering through response_url failed');
  }
}

/** The promise's value if it settles within `ms`, else undefined. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const value = await Promise.race([promise, timeout]);
  clearTimeout(timer);
  return value;
}
