/**
 * /corpus review: the next article a feed brought, previewed with Approve, Reject and a "Move to
 * event" menu. Every click is checked again on the server; Approve adds the article through the
 * curator, Reject leaves it out, both in the audit log with the feed it came from.
 */
import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from 'discord.js';
import { CurationError } from '../../src/curation/curator.ts';
import type { BotContext, ComponentHandler } from '../../src/discord/context.ts';
import { escapeCorpusText } from '../../src/discord/escape.ts';
import { checkModerator } from '../../src/discord/moderation.ts';
import { REVIEW_MOVE_PREFIX, REVIEW_PREFIX, renderReviewPreview } from '../../src/discord/render-feeds.ts';
import { type ReplyPayload, renderNotice } from '../../src/discord/reply.ts';
import type { QueuedArticle } from '../../src/store/feed-store.ts';
import type { CorpusSubcommand } from './subcommand.ts';

/** The preview of `article` (the next waiting one when not given), under `notice`. */
async function preview(context: BotContext, notice = '', article?: QueuedArticle): Promise<ReplyPayload> {
  const queue = await context.feeds.queue();
  const shown = article ?? queue[0];
  const events = context.live.engine.corpus.events;
  return renderReviewPreview(
    shown === undefined
      ? null
      : {
          article: shown,
          eventName: context.live.engine.eventName(shown.draft.event ?? ''),
          waiting: queue.length,
        },
    events,
    notice,
  );
}

export const review: CorpusSubcommand = {
  name: 'review',
  define: (s) => s.setDescription('The next article a feed brought: approve, reject or move it'),
  deferred: false,
  async run(interaction, context) {
    await interaction.reply({ ...(await preview(context)), flags: MessageFlags.Ephemeral });
  },
};

/** Approve or Reject under a review preview. */
async function handleReviewButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const [action, id = ''] = interaction.customId.slice(REVIEW_PREFIX.length).split(':');
  const { moderator, refusal } = checkModerator(interaction, context);
  if (moderator === null) {
    await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  // Taken out first, so that two moderators clicking at once cannot both add it.
  const taken = await context.feeds.dequeue(id);
  if (taken === null) {
    await interaction.editReply(await preview(context, 'That article was already approved or rejected.'));
    return;
  }
  const { url } = taken.draft;
  // Page text, shown in a notice: its Markdown stays text.
  const title = escapeCorpusText(taken.draft.title);
  if (action === 'reject') {
    await context.feeds.audit({
      userId: moderator.id,
      userName: moderator.name,
      action: 'reject',
      file: null,
      detail: `${taken.draft.title} (${url ?? 'no link'})`,
      feed: taken.feedUrl,
    });
    await interaction.editReply(await preview(context, `Rejected “${title}”: it stays out of the coverage.`));
    return;
  }
  try {
    const { report, file } = await context.curator.add(taken.draft, moderator, { feed: taken.feedUrl });
    context.logger.info('article approved', { user: moderator.id, file, feed: taken.feedUrl });
    await interaction.editReply(
      await preview(context, `Added “${title}” as \`${file}\`. ${report.articles} articles are served.`),
    );
  } catch (error) {
    // Not added: it waits again (at the end of the queue), nothing is lost.
    await context.feeds.enqueue({ feedUrl: taken.feedUrl, draft: taken.draft }, Number.MAX_SAFE_INTEGER);
    if (!(error instanceof CurationError)) throw error;
    await interaction.editReply(await preview(context, `Not added: ${error.message}`));
  }
}

/** "Move to event" under a review preview: the waiting article will be added to the chosen event. */
async function handleMove(interaction: StringSelectMenuInteraction, context: BotContext): Promise<void> {
  const id = interaction.customId.slice(REVIEW_MOVE_PREFIX.length);
  const { moderator, refusal } = checkModerator(interaction, context);
  if (moderator === null) {
    await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
    return;
  }
  const event = interaction.values[0] ?? '';
  const name = context.live.engine.eventName(event);
  const moved = name === null ? null : await context.feeds.setQueuedEvent(id, event);
  await interaction.update(
    moved === null
      ? await preview(
          context,
          name === null ? `There is no event \`${event}\` any more.` : 'That article no longer waits.',
        )
      : await preview(context, `It will be added to “${name}”.`, moved),
  );
}

/** The preview's buttons and menu, for /corpus's `components`. */
export const REVIEW_COMPONENTS: Record<string, ComponentHandler> = {
  [REVIEW_PREFIX]: { kind: 'button', handle: handleReviewButton },
  [REVIEW_MOVE_PREFIX]: { kind: 'select', handle: handleMove },
};
