/**
 * /corpus add: a file or a link read into a draft (by the rules of src/curation/ingest.ts), shown
 * as a preview with Confirm and Cancel; Confirm writes the article.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { CurationError } from '../../src/curation/curator.ts';
import type { DraftOverrides } from '../../src/curation/draft.ts';
import { draftFromAddress, draftFromAttachment } from '../../src/curation/ingest.ts';
import type { BotContext, ComponentHandler } from '../../src/discord/context.ts';
import { checkModerator } from '../../src/discord/moderation.ts';
import { ADD_PREFIX, renderAddPreview } from '../../src/discord/render-moderation.ts';
import { renderNotice } from '../../src/discord/reply.ts';
import { type CorpusSubcommand, eventOption } from './subcommand.ts';

export const add: CorpusSubcommand = {
  name: 'add',
  define: (s) =>
    s
      .setDescription('Add an article from a file (.md, .txt, .html) or a link; you confirm after a preview')
      .addStringOption((o) => eventOption(o, true))
      .addAttachmentOption((o) =>
        o.setName('file').setDescription('The article: .md with front matter, .txt, or a saved .html page'),
      )
      .addStringOption((o) => o.setName('url').setDescription('The article’s address (http or https)'))
      .addStringOption((o) =>
        o.setName('source').setDescription('The outlet, if the page does not say or says it wrong'),
      )
      .addStringOption((o) =>
        o.setName('date').setDescription('Publication date, YYYY-MM-DD').setMaxLength(10),
      )
      .addStringOption((o) => o.setName('title').setDescription('The title, if the page’s is wrong')),
  deferred: true,
  /** Reads the file or page, makes a draft, refuses duplicates, and shows the preview with Confirm / Cancel. */
  async run(interaction, context) {
    // Refused before any fetch: each preview costs the host a download and an extraction.
    const wait = context.addRateLimiter.take(interaction.user.id);
    if (wait > 0) {
      const { previews, windowSeconds } = context.config.addRateLimit;
      await interaction.editReply(
        renderNotice(
          `You have previewed ${previews} articles in the last ${windowSeconds} seconds. Please wait ${wait} s and add again.`,
        ),
      );
      return;
    }
    const full = context.pending.room(interaction.user.id);
    if (full !== null) {
      await interaction.editReply(renderNotice(full));
      return;
    }
    const o = interaction.options;
    const attachment = o.getAttachment('file');
    const url = o.getString('url')?.trim() || undefined;
    if ((attachment === null) === (url === undefined)) {
      await interaction.editReply(renderNotice('Give either a `file` or a `url` (one of them).'));
      return;
    }
    const overrides: DraftOverrides = {
      event: o.getString('event', true).trim(),
      title: o.getString('title') ?? undefined,
      source: o.getString('source') ?? undefined,
      date: o.getString('date')?.trim() || undefined,
    };
    if (context.live.engine.eventName(overrides.event) === null) {
      await interaction.editReply(
        renderNotice(
          `There is no event \`${overrides.event.slice(0, 60)}\`; create it with \`/corpus event create\` first.`,
        ),
      );
      return;
    }
    const draft =
      attachment !== null
        ? await draftFromAttachment(attachment, overrides, context.fetchPolicy)
        : await draftFromAddress(url as string, overrides, context.fetchPolicy);
    context.curator.checkDuplicate(draft);
    const id = context.pending.put(draft, interaction.user.id);
    await interaction.editReply(
      renderAddPreview(draft, id, context.live.engine.eventName(draft.event ?? '')),
    );
  },
};

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
