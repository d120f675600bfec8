/** /corpus remove, restore and move: taking an article out, bringing it back, changing its event. */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { choiceValue, resolveChoice } from '../../src/discord/choices.ts';
import type { BotContext } from '../../src/discord/context.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, truncate } from '../../src/discord/limits.ts';
import { renderNotice } from '../../src/discord/reply.ts';
import { type CorpusSubcommand, eventOption } from './subcommand.ts';

/** The article id the `doc` option names: as typed, or the one a shortened choice stands for. */
function chosenArticle(interaction: ChatInputCommandInteraction, context: BotContext): string {
  const ids = context.curator.removable().map((a) => a.id);
  return resolveChoice(interaction.options.getString('doc', true), ids);
}

/** The served articles whose date, outlet, title or id holds what the moderator typed. */
async function articleChoices(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const articles = context.curator
    .removable()
    .filter((a) => `${a.title} ${a.source ?? ''} ${a.id}`.toLowerCase().includes(typed));
  await interaction.respond(
    articles.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((a) => ({
      name: truncate(`${a.date ?? 'undated'} · ${a.source ?? 'unknown'} · ${a.title}`, CHOICE_NAME_MAX),
      value: choiceValue(a.id),
    })),
  );
}

export const remove: CorpusSubcommand = {
  name: 'remove',
  define: (s) =>
    s
      .setDescription('Take an article out of the coverage (kept in the removed-articles folder)')
      .addStringOption((o) =>
        o.setName('doc').setDescription('The article').setRequired(true).setAutocomplete(true),
      ),
  deferred: true,
  async run(interaction, context, moderator) {
    const { report, article } = await context.curator.remove(chosenArticle(interaction, context), moderator);
    await interaction.editReply(
      renderNotice(
        `Removed “${article.title}” (kept in the removed-articles folder; \`/corpus restore\` brings it back). ${report.articles} articles are served.`,
      ),
    );
  },
  autocomplete: articleChoices,
};

export const restore: CorpusSubcommand = {
  name: 'restore',
  define: (s) =>
    s
      .setDescription('Bring a removed article back')
      .addStringOption((o) =>
        o.setName('doc').setDescription('The removed article').setRequired(true).setAutocomplete(true),
      ),
  deferred: true,
  async run(interaction, context, moderator) {
    const file = resolveChoice(interaction.options.getString('doc', true), await context.curator.removed());
    const { report } = await context.curator.restore(file, moderator);
    await interaction.editReply(
      renderNotice(`Restored. ${report.articles} articles, ${report.passages} passages are served.`),
    );
  },
  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused().toLowerCase();
    const files = (await context.curator.removed()).filter((f) => f.toLowerCase().includes(typed));
    await interaction.respond(
      files
        .slice(0, AUTOCOMPLETE_CHOICES_MAX)
        .map((f) => ({ name: truncate(f, CHOICE_NAME_MAX), value: choiceValue(f) })),
    );
  },
};

export const move: CorpusSubcommand = {
  name: 'move',
  define: (s) =>
    s
      .setDescription('Change the event of an article')
      .addStringOption((o) =>
        o.setName('doc').setDescription('The article').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) => eventOption(o, true)),
  deferred: true,
  async run(interaction, context, moderator) {
    const event = interaction.options.getString('event', true);
    const { article } = await context.curator.move(chosenArticle(interaction, context), event, moderator);
    await interaction.editReply(renderNotice(`“${article.title}” now belongs to \`${event}\`.`));
  },
  autocomplete: articleChoices,
};
