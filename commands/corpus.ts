/** /corpus refresh and /corpus status: moderators keep the corpus fresh from Discord. */
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { commandBuilder } from '../src/discord/builders.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { isModerator } from '../src/discord/permissions.ts';
import { renderNotice, renderRefresh, renderStatus } from '../src/discord/render.ts';

export const command: SlashCommand = {
  data: commandBuilder('corpus', 'Moderators: refresh the coverage or see its status')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s.setName('refresh').setDescription('Re-read the corpus folder and swap in the new index'),
    )
    .addSubcommand((s) => s.setName('status').setDescription('What the corpus holds now, and its problems')),

  async execute(interaction, context) {
    // Checked here too: default permissions only hide the command, and server admins can change them.
    const roles = interaction.inCachedGuild()
      ? [...interaction.member.roles.cache.keys()]
      : rawRoleIds(interaction.member);
    const allowed =
      interaction.inGuild() &&
      isModerator(
        { permissions: interaction.memberPermissions, roleIds: roles },
        context.config.moderatorRoleIds,
      );
    if (!allowed) {
      context.logger.warn('refused a moderator command', {
        command: 'corpus',
        guild: interaction.guildId,
        user: interaction.user.id,
      });
      await interaction.reply({
        ...renderNotice(
          'Only moderators (Manage Server, or a moderator role) can manage the corpus, and only inside a server.',
        ),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const live = context.live;
    if (interaction.options.getSubcommand() === 'status') {
      const index = live.index;
      await interaction.reply({
        ...renderStatus({
          documents: index.corpus.articles.length,
          passages: index.passageCount,
          events: index.corpus.events.length,
          from: `${live.opened.from} in ${live.opened.ms.toFixed(0)} ms`,
          problems: index.corpus.problems,
          lastRefresh: live.lastReport,
        }),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    // A refresh may take longer than Discord's three seconds: acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report = await live.refresh();
    context.logger.info('corpus refreshed', {
      guild: interaction.guildId,
      user: interaction.user.id,
      ok: report.ok,
      documents: report.documents,
      problems: report.problems.length,
    });
    await interaction.editReply(renderRefresh(report));
  },
};

function rawRoleIds(member: unknown): string[] {
  const roles = (member as { roles?: unknown } | null)?.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}
