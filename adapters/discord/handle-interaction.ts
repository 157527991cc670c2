/**
 * One interaction from arrival to answer: map it to the core's plain data, run the core,
 * deliver the replies. Never throws: a failure is logged with the channel and user (the
 * person sees Discord's "interaction failed", never a stack trace).
 */
import { MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from '../../src/index.js';
import type { BotHandle, PlatformCallObserver } from '../platform-adapter.js';
import { suggestions } from './autocomplete.js';
import { viewOfGatewayInteraction } from './gateway-view.js';
import { mapInteraction, type MappingContext } from './map-interaction.js';
import { observed } from './observe-call.js';
import { gatewayClickResponder, gatewayCommandResponder } from './gateway-responder.js';
import { answerAction, answerCommand } from './respond.js';

/** What handling an interaction needs. */
export interface InteractionDeps {
  bot: BotHandle;
  logger: Logger;
  observer: PlatformCallObserver;
  adminUserIds: ReadonlySet<string>;
  /** The base command name (default: the bot's). */
  commandName?: string;
  deferAfterMs: number;
}

/** Handles one interaction; resolves when its answer is delivered (or has failed and been logged). */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const bot = deps.bot();
  const context: MappingContext = { commandName: deps.commandName ?? bot.commandName, adminUserIds: deps.adminUserIds };
  const request = mapInteraction(viewOfGatewayInteraction(interaction), context);
  // Store, then acknowledge: the click's answer is recorded before the reply goes out.
  // Only a click the core has not answered within deferAfterMs is acknowledged first
  // (deferUpdate), since Discord drops interactions not acknowledged within 3 s; the Slack
  // adapter does the same at its deadline.
  const timing = { deferAfterMs: deps.deferAfterMs, deferClicks: true };
  try {
    switch (request.kind) {
      case 'command':
        if (interaction.isChatInputCommand()) await answerCommand(gatewayCommandResponder(interaction, deps), bot.handleCommand(request.command), request.slow, timing);
        return;
      case 'action':
        if (interaction.isButton()) await answerAction(gatewayClickResponder(interaction, deps), bot.handleAction(request.action), timing);
        return;
      case 'autocomplete':
        if (interaction.isAutocomplete()) {
          const choices = suggestions(request.field, request.text, bot.lookup);
          await observed(deps.observer, 'interactions.autocomplete', () => interaction.respond(choices));
        }
        return;
      case 'refused':
        deps.logger.info({ channel: interaction.channelId, user: interaction.user.id, reason: request.reason }, 'Discord interaction refused');
        if (request.reply && interaction.isRepliable()) {
          const reply = request.reply;
          await observed(deps.observer, 'interactions.reply', () => interaction.reply({ content: reply, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }));
        }
        return;
    }
  } catch (error) {
    deps.logger.warn(
      { err: error, channel: interaction.channelId, guild: interaction.guildId, user: interaction.user.id, kind: request.kind },
      'answering a Discord interaction failed',
    );
  }
}
