/** Confirm and Cancel under a /corpus add preview. */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { CurationError } from '../../src/curation/curator.ts';
import type { BotContext, ComponentHandler } from '../../src/discord/context.ts';
import { checkModerator } from '../../src/discord/moderation.ts';
import { ADD_PREFIX } from '../../src/discord/render-moderation.ts';
import { renderNotice } from '../../src/discord/reply.ts';

/**
 * Confirm or Cancel under an add preview: checked again on the server (a moderator, the one who
 * previewed). Confirm writes the article and refreshes; Cancel writes nothing.
 */
async function handleAddButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const [action, id = ''] = interaction.customId.slice(ADD_PREFIX.length).split(':');
  const { moderator, refusal } = checkModerator(interaction, context);
  if (moderator === null) {
    await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
    return;
  }
  const draft = context.pending.take(id, interaction.user.id);
  if (draft === null) {
    await interaction.update({
      ...renderNotice('This preview has expired or was already used; run `/corpus add` again.'),
      embeds: [],
      components: [],
    });
    return;
  }
  if (action !== 'confirm') {
    await interaction.update({
      ...renderNotice('Cancelled: nothing was written.'),
      embeds: [],
      components: [],
    });
    return;
  }
  await interaction.deferUpdate();
  const before = context.live.engine.passageCount;
  try {
    const { report, file } = await context.curator.add(draft, moderator);
    const added = report.passages - before;
    context.logger.info('article added', { guild: interaction.guildId, user: moderator.id, file });
    await interaction.editReply({
      ...renderNotice(
        `Added “${draft.title}” as \`${file}\`: ${added} passages. ${report.articles} articles are served.`,
      ),
      embeds: [],
      components: [],
    });
  } catch (error) {
    if (!(error instanceof CurationError)) throw error;
    await interaction.editReply({ ...renderNotice(error.message), embeds: [], components: [] });
  }
}

/** The preview's buttons, for /corpus's `components`. */
export const ADD_COMPONENTS: Record<string, ComponentHandler> = {
  [ADD_PREFIX]: { kind: 'button', handle: handleAddButton },
};
