/**
 * /settings: a server's own choices, set by its moderators (Manage Server, or a moderator role)
 * and kept in the store: whether /ask answers privately by default. Without options it shows them.
 */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { commandBuilder } from '../src/discord/builders.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { MODERATORS_ONLY } from '../src/discord/moderation.ts';
import { isModerator } from '../src/discord/permissions.ts';
import { renderNotice } from '../src/discord/reply.ts';
import type { ServerSettings } from '../src/store/member-data.ts';

/** The settings in words. */
function describe(settings: ServerSettings): string {
  return settings.privateAnswers
    ? '`private_answers`: **on**. /ask answers privately, with a Share button to post the answer in the channel; `/ask private:False` answers publicly.'
    : '`private_answers`: **off**. /ask answers in the channel; `/ask private:True` answers privately, with a Share button.';
}

export const command: SlashCommand = {
  data: commandBuilder('settings', 'Moderators: this server’s defaults for the bot', { guildOnly: true })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addBooleanOption((o) =>
      o
        .setName('private_answers')
        .setDescription('Answer /ask privately unless the member asks for a public answer (default off)'),
    ),

  async execute(interaction, context) {
    const reply = (text: string) =>
      interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
    const roleIds = Array.isArray(interaction.member?.roles)
      ? interaction.member.roles
      : [...(interaction.member?.roles.cache.keys() ?? [])];
    // Each server's moderators set their own server's defaults; no home-server rule applies.
    if (
      !interaction.inGuild() ||
      !isModerator({ permissions: interaction.memberPermissions, roleIds }, context.config.moderatorRoleIds)
    ) {
      await reply(MODERATORS_ONLY.replace('manage the corpus', 'change the settings'));
      return;
    }
    const current = await context.memberData.settings(interaction.guildId);
    const privateAnswers = interaction.options.getBoolean('private_answers');
    if (privateAnswers === null) {
      await reply(`This server’s settings:\n${describe(current)}`);
      return;
    }
    const next: ServerSettings = { ...current, privateAnswers };
    await context.memberData.saveSettings(interaction.guildId, next);
    context.logger.info('server settings changed', {
      guild: interaction.guildId,
      user: interaction.user.id,
      privateAnswers,
    });
    await reply(`Saved. ${describe(next)}`);
  },
};
