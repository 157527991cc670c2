/**
 * One verified interaction from the endpoint, answered: PING with PONG, then the same
 * mapping, core calls and reply logic as the gateway adapter, with the first response
 * going back as the HTTP response.
 *
 * Store-then-acknowledge: a click is acknowledged only after the core has recorded it
 * (`await bot.handleAction`), so an answer Discord showed as accepted survives a crash.
 * Commands keep the deferral after `deferAfterMs`: nothing they do must survive a crash.
 */
import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction } from 'discord.js';
import type { Logger } from '../../src/index.js';
import { suggestions } from '../discord/autocomplete.js';
import { viewOfApiInteraction } from '../discord/interaction-view.js';
import { mapInteraction, type DiscordRequest } from '../discord/map-interaction.js';
import { answerAction, answerCommand } from '../discord/respond.js';
import type { BotHandle } from '../platform-adapter.js';
import { httpResponder, type Acknowledge } from './http-responder.js';
import type { InteractionWebhook } from './interaction-webhook.js';

/** What answering an interaction needs. */
export interface AnswerDeps {
  /** The core, reached late (it is built after the adapter). */
  bot: BotHandle;
  /** Where refusals and dropped buttons are logged. */
  logger: Logger;
  /** Ids that may run admin commands anywhere (ADMIN_USER_IDS). */
  adminUserIds: ReadonlySet<string>;
  /** The base command name (default: the bot's). */
  commandName?: string;
  /** After this long without the core's answer a command is deferred (Discord allows 3 s). */
  deferAfterMs: number;
  /** The webhook for later calls of an interaction (its application id and token). */
  webhook(applicationId: string, token: string): InteractionWebhook;
  /** True once the adapter is stopping: new work is turned away politely. */
  stopping(): boolean;
}

const RESTARTING = 'meshbot is restarting: try again in a minute.';
const CANNOT_ANSWER = 'meshbot does not handle this here.';

/** Answers one interaction whose signature has been verified; resolves when every reply is sent. */
export async function answerInteraction(raw: APIInteraction, ack: Acknowledge, deps: AnswerDeps): Promise<void> {
  // Discord's check of the endpoint (when the URL is saved, and now and then after).
  if (raw.type === InteractionType.Ping) return ack({ type: InteractionResponseType.Pong });
  if (deps.stopping()) return ack(privateText(RESTARTING));
  const bot = deps.bot();
  const request = mapInteraction(viewOfApiInteraction(raw), { commandName: deps.commandName ?? bot.commandName, adminUserIds: deps.adminUserIds });
  const responder = httpResponder(ack, deps.webhook(raw.application_id, raw.token), deps.logger);
  switch (request.kind) {
    case 'command':
      return answerCommand(responder, bot.handleCommand(request.command), request.slow, { deferAfterMs: deps.deferAfterMs, deferClicks: false });
    case 'action':
      return answerAction(responder, bot.handleAction(request.action), { deferAfterMs: deps.deferAfterMs, deferClicks: false });
    case 'autocomplete': {
      // Only name and value: the rest of discord.js's choice type is camelCase and optional.
      const choices = suggestions(request.field, request.text, bot.lookup).map(({ name, value }) => ({ name, value }));
      return ack({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
    }
    case 'refused':
      return refuse(raw, request, ack, deps.logger);
  }
}

/** An interaction meshbot will not act on still needs an answer over HTTP, or Discord says it failed. */
function refuse(raw: Exclude<APIInteraction, { type: InteractionType.Ping }>, request: Extract<DiscordRequest, { kind: 'refused' }>, ack: Acknowledge, logger: Logger): Promise<void> {
  logger.info({ channel: raw.channel?.id, user: (raw.member?.user ?? raw.user)?.id, reason: request.reason }, 'Discord interaction refused');
  if (raw.type === InteractionType.ApplicationCommandAutocomplete) {
    return ack({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  return ack(privateText(request.reply ?? CANNOT_ANSWER));
}

function privateText(content: string): Parameters<Acknowledge>[0] {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } };
}
