import type { App, RespondArguments, RespondFn } from '@slack/bolt';
import type { Message, OutgoingMessage } from '../../src/index.js';
import type { BotHandle } from '../platform-adapter.js';
import type { ListenerDeps } from './listener-deps.js';
import {
  actionFromBlockActions,
  commandFromSlash,
  commandNeedsAdmin,
  payloadUserName,
  workspaceOfAction,
  type BlockActionsPayload,
  type SlackIdentity,
  type SlashCommandPayload,
} from './map-payloads.js';
import { renderMessage } from './render-blocks.js';
import { postWithImages } from './slack-chat.js';
import { answerHomeClick, registerHomeTab } from './slack-home.js';

export type { ListenerDeps };

/** The body of a slash command's ack, or of a response_url post. */
type SlackResponse = RespondArguments;


/**
 * Registers the slash command and button listeners. Commands are answered in the ack
 * itself (the fast path: no extra API call). Clicks are stored before they are acked,
 * then answered through response_url. A delivery Slack repeats (X-Slack-Retry-Num) is
 * recognised by the core through the store, on whichever replica it lands
 * (docs/design.md, "Replicas").
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Any slash command routed to this app is ours, whatever name the workspace gave it.
  app.command(/^\/.+/, ({ command, ack, respond }) => deps.inflight.track(onCommand(deps, command, ack, respond)));
  app.action({ type: 'block_actions' }, ({ body, ack, respond }) => {
    const payload = body as unknown as BlockActionsPayload;
    // A click in the Home tab has no channel and no response_url: its answer goes to the person's messages.
    const work = payload.container?.type === 'view' ? answerHomeClick(deps, payload, ack) : onAction(deps, payload, ack, respond);
    return deps.inflight.track(work);
  });
  registerHomeTab(app, deps);
}

async function onCommand(deps: ListenerDeps, command: SlashCommandPayload, ack: (body?: SlackResponse) => Promise<void>, respond: RespondFn): Promise<void> {
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
    await ack(first ? toResponse(first) : undefined);
    rest = others;
  }
  for (const message of rest) await respondSafely(deps, respond, toResponse(message), command.channel_id);
  // Pictures follow the text, never delay it (docs/design.md, "Replies first").
  for (const message of replies) if (message.followUp) await sendFollowUp(deps, message.followUp, respond, command);
}

/**
 * Sends what follows a reply. A picture is an upload: into the channel for a channel
 * reply, else into the person's direct messages with the app (Slack cannot upload to one
 * person in a channel). Anything else goes through response_url like the reply. A
 * failure is logged; the person already has the text.
 */
async function sendFollowUp(deps: ListenerDeps, followUp: () => Promise<OutgoingMessage | null>, respond: RespondFn, command: SlashCommandPayload): Promise<void> {
  try {
    const next = await followUp();
    if (!next) return;
    if (!next.images?.length) return await respondSafely(deps, respond, toResponse(next), command.channel_id);
    const target = next.visibility === 'channel' ? { channelId: command.channel_id } : { userId: command.user_id };
    await postWithImages(deps.upload, target, next);
  } catch (error) {
    deps.logger.warn({ err: error, channel: command.channel_id, user: command.user_id }, 'the picture after a reply could not be sent');
  }
}

async function onAction(deps: ListenerDeps, body: BlockActionsPayload, ack: () => Promise<void>, respond: RespondFn): Promise<void> {
  const channel = body.channel?.id ?? '';
  const workspace = workspaceOfAction(body);
  // Clicks never wait for users.info: the payload's name stands in until the cache is warm.
  let who = deps.people.cached(workspace, body.user.id, payloadUserName(body));
  if (!who) {
    who = deps.people.guess(workspace, body.user.id, payloadUserName(body));
    setImmediate(() => deps.people.warm(workspace, body.user.id));
  }
  const input = actionFromBlockActions(body, who);
  if (!input) {
    await ack();
    return;
  }
  // Store, then acknowledge: Slack never redelivers an acked click, so an answer acked
  // before it was written would be lost to a crash in between. Past the deadline (a slow
  // database), ack anyway so Slack does not show the person an error; the answer follows.
  let acked = false;
  const late = setTimeout(() => {
    acked = true;
    deps.logger.warn({ channel, action: input.actionId }, 'slow click: acknowledged before the answer was stored');
    ack().catch((error: unknown) => deps.logger.warn({ err: error }, 'acknowledging a slow click failed'));
  }, deps.ackDeadlineMs);
  let reply: Awaited<ReturnType<ReturnType<BotHandle>['handleAction']>>;
  try {
    reply = await deps.bot().handleAction(input);
  } finally {
    clearTimeout(late);
    if (!acked) await ack();
  }
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

