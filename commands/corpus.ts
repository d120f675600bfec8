/**
 * /corpus: moderators keep the coverage fresh from Discord — refresh, status, add (file or link,
 * previewed, then confirmed), remove, restore, events, move, history, and the report of what
 * the coverage lacks. Every action checks the
 * member on the server, not only the command's default permissions.
 */
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { coverageReport } from '../src/curation/coverage-report.ts';
import { CurationError } from '../src/curation/curator.ts';
import {
  type ArticleDraft,
  DraftError,
  type DraftOverrides,
  draftFromFile,
  draftFromHtml,
} from '../src/curation/draft.ts';
import { FetchRefused, fetchDocument } from '../src/curation/fetch-page.ts';
import { commandBuilder } from '../src/discord/builders.ts';
import { choiceValue, eventChoices, resolveChoice } from '../src/discord/choices.ts';
import type { BotContext, SlashCommand } from '../src/discord/context.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, truncate } from '../src/discord/limits.ts';
import { checkModerator } from '../src/discord/moderation.ts';
import { PendingLimitError } from '../src/discord/pending-adds.ts';
import {
  renderAddPreview,
  renderHistory,
  renderRefresh,
  renderStatus,
} from '../src/discord/render-moderation.ts';
import { renderCoverageReport } from '../src/discord/render-report.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { gatherShardStatus } from '../src/discord/shard-status.ts';
import { ADD_COMPONENTS } from './corpus/add-buttons.ts';

/** The period /corpus report covers unless told. */
const REPORT_DAYS = 30;

const eventOption = (o: import('discord.js').SlashCommandStringOption, required: boolean) =>
  o.setName('event').setDescription('The event').setRequired(required).setAutocomplete(true);

export const command: SlashCommand = {
  moderation: true,
  data: commandBuilder('corpus', 'Moderators: manage the coverage the bot quotes', { guildOnly: true })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('refresh')
        .setDescription('Re-read the corpus (its folder or database) and swap in the new index'),
    )
    .addSubcommand((s) => s.setName('status').setDescription('What the corpus holds now, and its problems'))
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription(
          'Add an article from a file (.md, .txt, .html) or a link; you confirm after a preview',
        )
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
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Take an article out of the coverage (kept in the removed-articles folder)')
        .addStringOption((o) =>
          o.setName('doc').setDescription('The article').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('restore')
        .setDescription('Bring a removed article back')
        .addStringOption((o) =>
          o.setName('doc').setDescription('The removed article').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('move')
        .setDescription('Change the event of an article')
        .addStringOption((o) =>
          o.setName('doc').setDescription('The article').setRequired(true).setAutocomplete(true),
        )
        .addStringOption((o) => eventOption(o, true)),
    )
    .addSubcommand((s) =>
      s
        .setName('history')
        .setDescription('The latest changes to the corpus')
        .addIntegerOption((o) =>
          o.setName('count').setDescription('How many (default 10)').setMinValue(1).setMaxValue(50),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('report')
        .setDescription('What the coverage lacks: questions most asked, not answered, voted down')
        .addIntegerOption((o) =>
          o
            .setName('days')
            .setDescription(`Over how many days (default ${REPORT_DAYS})`)
            .setMinValue(1)
            .setMaxValue(365),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('event')
        .setDescription('Create or rename events')
        .addSubcommand((s) =>
          s
            .setName('create')
            .setDescription('Create an event')
            .addStringOption((o) =>
              o
                .setName('id')
                .setDescription('Its id, e.g. geneva-sep-2016 (lower case, digits, dashes)')
                .setRequired(true)
                .setMaxLength(60),
            )
            .addStringOption((o) =>
              o.setName('name').setDescription('Its display name').setRequired(true).setMaxLength(100),
            )
            .addStringOption((o) =>
              o.setName('start').setDescription('First day, YYYY-MM-DD').setRequired(true).setMaxLength(10),
            )
            .addStringOption((o) =>
              o.setName('end').setDescription('Last day, YYYY-MM-DD').setRequired(true).setMaxLength(10),
            )
            .addStringOption((o) =>
              o.setName('description').setDescription('One sentence on what happened').setMaxLength(300),
            ),
        )
        .addSubcommand((s) =>
          s
            .setName('rename')
            .setDescription('Rename an event (its id stays)')
            .addStringOption((o) => eventOption(o, true))
            .addStringOption((o) =>
              o.setName('name').setDescription('The new name').setRequired(true).setMaxLength(100),
            ),
        ),
    ),

  async execute(interaction, context) {
    const { moderator, refusal } = checkModerator(interaction, context);
    if (moderator === null) {
      await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
      return;
    }
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand();
    const curator = context.curator;
    if (sub === 'status') {
      const live = context.live;
      const index = live.engine;
      const sharding = interaction.client.shard;
      // Other shards answer within SHARD_STATUS_TIMEOUT_MS, which may pass Discord's three seconds.
      if (sharding) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const status = renderStatus({
        documents: index.corpus.articles.length,
        passages: index.passageCount,
        events: index.corpus.events.length,
        from: `${live.opened.from} in ${live.opened.ms.toFixed(0)} ms`,
        version: live.version,
        store: live.store.kind === 'postgres' ? 'PostgreSQL store, shared' : 'corpus folder',
        problems: index.corpus.problems,
        lastRefresh: live.lastReport,
        shards: await gatherShardStatus(interaction.client),
      });
      if (sharding) await interaction.editReply(status);
      else await interaction.reply({ ...status, flags: MessageFlags.Ephemeral });
      return;
    }
    if (sub === 'report') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const days = interaction.options.getInteger('days') ?? REPORT_DAYS;
      const since = new Date(Date.now() - days * 86_400_000).toISOString();
      const [questions, votes] = await Promise.all([
        context.memberData.questions(since),
        context.memberData.votes(since),
      ]);
      await interaction.editReply(
        renderCoverageReport(coverageReport(questions, votes), days, context.config.questionLog),
      );
      return;
    }
    if (sub === 'history') {
      const entries = await curator.history(interaction.options.getInteger('count') ?? 10);
      await interaction.reply({ ...renderHistory(entries), flags: MessageFlags.Ephemeral });
      return;
    }
    // Everything else may take longer than Discord's three seconds (a fetch, a refresh): acknowledge first.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      if (sub === 'refresh') {
        const report = await context.live.refresh();
        // In a sharded bot, every shard re-reads the corpus, and the reply lists what each serves.
        const shards = await gatherShardStatus(interaction.client, { refreshOthers: true });
        context.logger.info('corpus refreshed', {
          guild: interaction.guildId,
          user: moderator.id,
          ok: report.ok,
          documents: report.articles,
          problems: report.problems.length,
        });
        await interaction.editReply(renderRefresh(report, shards));
      } else if (sub === 'add') {
        await previewAdd(interaction, context);
      } else if (sub === 'remove') {
        const { report, article } = await curator.remove(chosenArticle(interaction, context), moderator);
        await interaction.editReply(
          renderNotice(
            `Removed “${article.title}” (kept in the removed-articles folder; \`/corpus restore\` brings it back). ${report.articles} articles are served.`,
          ),
        );
      } else if (sub === 'restore') {
        const file = resolveChoice(interaction.options.getString('doc', true), await curator.removed());
        const { report } = await curator.restore(file, moderator);
        await interaction.editReply(
          renderNotice(`Restored. ${report.articles} articles, ${report.passages} passages are served.`),
        );
      } else if (sub === 'move') {
        const event = interaction.options.getString('event', true);
        const { article } = await curator.move(chosenArticle(interaction, context), event, moderator);
        await interaction.editReply(renderNotice(`“${article.title}” now belongs to \`${event}\`.`));
      } else if (group === 'event' && sub === 'create') {
        const o = interaction.options;
        const event = {
          id: o.getString('id', true).trim(),
          name: o.getString('name', true).trim(),
          start: o.getString('start', true).trim(),
          end: o.getString('end', true).trim(),
          description: o.getString('description')?.trim() ?? '',
        };
        await curator.createEvent(event, moderator);
        await interaction.editReply(renderNotice(`Created the event \`${event.id}\`: ${event.name}.`));
      } else if (group === 'event' && sub === 'rename') {
        const id = interaction.options.getString('event', true);
        await curator.renameEvent(id, interaction.options.getString('name', true), moderator);
        await interaction.editReply(renderNotice(`Renamed the event \`${id}\`.`));
      }
    } catch (error) {
      if (
        error instanceof CurationError ||
        error instanceof DraftError ||
        error instanceof FetchRefused ||
        error instanceof PendingLimitError
      ) {
        await interaction.editReply(renderNotice(error.message));
        return;
      }
      throw error;
    }
  },

  async autocomplete(interaction, context) {
    // Removed files and article ids are for the home servers' moderators only.
    if (checkModerator(interaction, context).moderator === null) {
      await interaction.respond([]);
      return;
    }
    const focused = interaction.options.getFocused(true);
    const typed = focused.value.toLowerCase();
    if (focused.name === 'event') {
      await interaction.respond(eventChoices(context.live.engine, focused.value));
      return;
    }
    if (interaction.options.getSubcommand() === 'restore') {
      const files = (await context.curator.removed()).filter((f) => f.toLowerCase().includes(typed));
      await interaction.respond(
        files
          .slice(0, AUTOCOMPLETE_CHOICES_MAX)
          .map((f) => ({ name: truncate(f, CHOICE_NAME_MAX), value: choiceValue(f) })),
      );
      return;
    }
    const articles = context.curator
      .removable()
      .filter((a) => `${a.title} ${a.source ?? ''} ${a.id}`.toLowerCase().includes(typed));
    await interaction.respond(
      articles.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((a) => ({
        name: truncate(`${a.date ?? 'undated'} · ${a.source ?? 'unknown'} · ${a.title}`, CHOICE_NAME_MAX),
        value: choiceValue(a.id),
      })),
    );
  },

  components: ADD_COMPONENTS,
};

/** The article id the `doc` option names: as typed, or the one a shortened choice stands for. */
function chosenArticle(interaction: ChatInputCommandInteraction, context: BotContext): string {
  const ids = context.curator.removable().map((a) => a.id);
  return resolveChoice(interaction.options.getString('doc', true), ids);
}

/** Reads the file or page, makes a draft, refuses duplicates, and shows the preview with Confirm / Cancel. */
async function previewAdd(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
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
  const policy = context.fetchPolicy;
  let draft: ArticleDraft;
  if (attachment !== null) {
    if (attachment.size > policy.maxBytes)
      throw new FetchRefused(
        `That file is too large (${Math.round(attachment.size / 1000)} kB; the limit is ${Math.round(policy.maxBytes / 1000)} kB).`,
      );
    if (!/\.(md|txt|html?)$/i.test(attachment.name))
      throw new DraftError('Only .md, .txt and .html files can be added.');
    const fetched = await fetchDocument(attachment.url, policy);
    draft = await draftFromFile(attachment.name, fetched.body, overrides);
  } else {
    const fetched = await fetchDocument(url as string, policy);
    if (!/html|text\/plain|markdown/i.test(fetched.contentType))
      throw new FetchRefused(`That address is not a web page (${fetched.contentType || 'no content type'}).`);
    draft = /html/i.test(fetched.contentType)
      ? await draftFromHtml(fetched.body, url as string, { ...overrides, url })
      : await draftFromFile('page.txt', fetched.body, { ...overrides, url });
  }
  context.curator.checkDuplicate(draft);
  const id = context.pending.put(draft, interaction.user.id);
  await interaction.editReply(renderAddPreview(draft, id, context.live.engine.eventName(draft.event ?? '')));
}
