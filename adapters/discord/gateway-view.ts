/**
 * Reads a discord.js interaction (gateway mode) into the view the mapping works on; the
 * raw API JSON of the interactions endpoint is read by interaction-view.ts.
 */
import type { Interaction } from 'discord.js';
import type { InteractionActor, InteractionView } from './interaction-view.js';

/** The view of a gateway interaction. */
export function viewOfGatewayInteraction(interaction: Interaction): InteractionView {
  if (interaction.isChatInputCommand()) {
    return {
      kind: 'command',
      actor: actorOf(interaction),
      commandName: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
      options: {
        string: (name) => interaction.options.getString(name, false),
        user: (name) => interaction.options.getUser(name, false)?.id ?? null,
      },
    };
  }
  if (interaction.isButton()) return { kind: 'button', actor: actorOf(interaction), customId: interaction.customId, messageId: interaction.message.id };
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      kind: 'autocomplete',
      actor: actorOf(interaction),
      commandName: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
      focused: { name: focused.name, value: String(focused.value) },
    };
  }
  return { kind: 'unsupported', type: interaction.type };
}

function actorOf(interaction: Interaction): InteractionActor {
  const member = interaction.member;
  // discord.js gives a GuildMember when the guild is cached, the raw API member otherwise.
  const nick = member && 'nickname' in member ? member.nickname : member && 'nick' in member ? (member.nick ?? null) : null;
  return {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    username: interaction.user.username,
    globalName: interaction.user.globalName,
    nick,
    permissions: interaction.memberPermissions,
  };
}
