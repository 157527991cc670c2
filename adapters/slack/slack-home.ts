/**
 * The App Home tab: when a person opens it (`app_home_opened`), the core's page for that
 * person (points, streaks, coverage of each bank, reviews due, this week's board) is
 * published as their Home view with views.publish. A click in the Home tab has no channel
 * and no response_url, so its answer (a review question) goes to the person's direct
 * messages with the app. Needs the `app_home_opened` event and the Home tab in the
 * manifest (adapters/slack/manifest*.yml). See docs/design.md, "A home for each person".
 */
import type { App } from '@slack/bolt';
import type { Message } from '../../src/index.js';
import { actionFromBlockActions, payloadUserName, workspaceOfAction, type BlockActionsPayload } from './map-payloads.js';
import { renderMessage, SLACK_LIMITS } from './render-blocks.js';
import type { ListenerDeps } from './listener-deps.js';
import { slackFailure } from './slack-chat.js';

/** Block Kit allows 100 blocks in a Home view (50 in a message; renderMessage keeps to that). */
export const HOME_BLOCKS_MAX = 100;

/** A Home tab view of a core message. */
export function homeView(message: Message): { type: 'home'; blocks: unknown[] } {
  const { blocks } = renderMessage(message);
  return { type: 'home', blocks: blocks.slice(0, Math.min(HOME_BLOCKS_MAX, SLACK_LIMITS.blocks)) };
}

/** Listens for people opening the Home tab, and publishes their page. */
export function registerHomeTab(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body }) => {
    // The Messages tab opens the same event; only the Home tab has a page to show.
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    await deps.inflight.track(publishHome(deps, teamId, event.user));
  });
}

/** Builds and publishes one person's Home view; a failure is logged (Slack shows the last view or an empty tab). */
export async function publishHome(deps: ListenerDeps, teamId: string, userId: string): Promise<void> {
  try {
    const who = deps.people.cached(teamId, userId, userId) ?? (await deps.people.resolve(teamId, userId, userId));
    const page = await deps.bot().home({ platform: 'slack', workspaceId: teamId, userId, userName: who.userName });
    await deps.calls.call('views.publish', { user_id: userId, view: homeView(page) });
  } catch (error) {
    deps.logger.warn({ err: slackFailure('chat.post_failed', 'views.publish', userId, error), user: userId }, 'publishing the Home tab failed');
  }
}

/**
 * A button in the Home tab ("Review now"): acknowledged at once (it records nothing a
 * crash could lose: a review question is created, not answered), then answered in the
 * person's direct messages with the app, where its own buttons work as anywhere else.
 */
export async function answerHomeClick(deps: ListenerDeps, body: BlockActionsPayload, ack: () => Promise<void>): Promise<void> {
  await ack();
  const workspace = workspaceOfAction(body);
  const who = deps.people.guess(workspace, body.user.id, payloadUserName(body));
  const input = actionFromBlockActions(body, who);
  if (!input) return;
  // The person's direct messages stand in for the channel: that is where the answer goes.
  const reply = await deps.bot().handleAction({ ...input, channelId: body.user.id });
  for (const message of reply.messages) {
    const { text, blocks } = renderMessage(message);
    try {
      await deps.calls.call('chat.postMessage', { channel: body.user.id, text, blocks, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      deps.logger.warn({ err: slackFailure('chat.post_failed', 'chat.postMessage', body.user.id, error), user: body.user.id }, 'answering a Home tab click failed');
    }
  }
}
