/**
 * /corpus feed add, list, remove, pause, resume: the news feeds whose new items the bot reads
 * into an event, added at once (auto) or queued for /corpus review (review).
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { Moderator } from '../../src/curation/curator.ts';
import { readFeed } from '../../src/curation/feeds/read-feed.ts';
import { choiceValue, resolveChoice } from '../../src/discord/choices.ts';
import type { BotContext } from '../../src/discord/context.ts';
import { formatEvery, parseEvery } from '../../src/discord/duration.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, truncate } from '../../src/discord/limits.ts';
import { renderFeedList } from '../../src/discord/render-feeds.ts';
import { renderNotice } from '../../src/discord/reply.ts';
import type { AuditEntry } from '../../src/store/audit-log.ts';
import type { FeedMode } from '../../src/store/feed-store.ts';
import { type CorpusGroup, type CorpusSubcommand, eventOption } from './subcommand.ts';

/** The followed feed the `url` option names: as typed, or the one a shortened choice stands for. */
async function chosenFeed(interaction: ChatInputCommandInteraction, context: BotContext): Promise<string> {
  const urls = (await context.feeds.feeds()).map((f) => f.url);
  return resolveChoice(interaction.options.getString('url', true).trim(), urls);
}

/** The followed feeds whose address holds what the moderator typed. */
async function feedChoices(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const feeds = (await context.feeds.feeds()).filter((f) =>
    `${f.url} ${f.event}`.toLowerCase().includes(typed),
  );
  await interaction.respond(
    feeds.slice(0, AUTOCOMPLETE_CHOICES_MAX).map((f) => ({
      name: truncate(`${f.url} · ${f.event}${f.paused ? ' · paused' : ''}`, CHOICE_NAME_MAX),
      value: choiceValue(f.url),
    })),
  );
}

function audit(
  context: BotContext,
  who: Moderator,
  action: AuditEntry['action'],
  feed: { url: string; event: string },
): Promise<void> {
  return context.feeds.audit({
    userId: who.id,
    userName: who.name,
    action,
    file: null,
    detail: feed.event,
    feed: feed.url,
  });
}

const add: CorpusSubcommand = {
  name: 'add',
  define: (s) =>
    s
      .setDescription('Follow a news feed (RSS, Atom, JSON Feed): its new items go into an event')
      .addStringOption((o) => o.setName('url').setDescription('The feed’s address').setRequired(true))
      .addStringOption((o) => eventOption(o, true))
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('review (default): new items wait for /corpus review; auto: added at once')
          .addChoices({ name: 'review', value: 'review' }, { name: 'auto', value: 'auto' }),
      )
      .addStringOption((o) =>
        o
          .setName('every')
          .setDescription('How often to look, e.g. 30m, 2h, 1d (default 30m)')
          .setMaxLength(12),
      ),
  deferred: true,
  async run(interaction, context, moderator) {
    const o = interaction.options;
    const url = o.getString('url', true).trim();
    const event = o.getString('event', true).trim();
    const mode: FeedMode = o.getString('mode') === 'auto' ? 'auto' : 'review';
    const every = o.getString('every');
    const interval = every === null ? context.feedRules.defaultIntervalSeconds : parseEvery(every);
    const { minIntervalSeconds } = context.feedRules;
    const refusal =
      interval === null
        ? '`every` must be a duration such as 30m, 2h or 1d (a whole number, then s, m, h or d).'
        : interval < minIntervalSeconds
          ? `\`every\` must be at least ${formatEvery(minIntervalSeconds)}: outlets do not publish faster, and each look costs them a request.`
          : context.live.engine.eventName(event) === null
            ? `There is no event \`${event.slice(0, 60)}\`; create it with \`/corpus event create\` first.`
            : null;
    if (refusal !== null || interval === null) {
      await interaction.editReply(renderNotice(refusal ?? ''));
      return;
    }
    // Read once now: an address that is no feed is refused before it is followed.
    const read = await readFeed(url, {}, context.fetchPolicy);
    const items = read.notModified ? 0 : read.feed.items.length;
    const feed = await context.feeds.addFeed({
      url,
      event,
      mode,
      intervalSeconds: interval,
      addedBy: moderator.name,
    });
    await audit(context, moderator, 'feed-add', feed);
    await interaction.editReply(
      renderNotice(
        `Following ${url} for \`${event}\` (${mode}, every ${formatEvery(interval)}). It lists ${items} item${items === 1 ? '' : 's'} now; ` +
          (mode === 'auto'
            ? 'items not in the coverage yet are added as they are read.'
            : 'items not in the coverage yet wait for `/corpus review`.'),
      ),
    );
  },
};

const list: CorpusSubcommand = {
  name: 'list',
  define: (s) => s.setDescription('The followed feeds and their health'),
  deferred: false,
  async run(interaction, context) {
    const [feeds, queue] = await Promise.all([context.feeds.feeds(), context.feeds.queue()]);
    await interaction.reply({ ...renderFeedList(feeds, queue.length), flags: MessageFlags.Ephemeral });
  },
};

/** A subcommand that names one followed feed and does `act` to it. */
function feedAction(
  name: string,
  description: string,
  act: (context: BotContext, url: string) => Promise<{ url: string; event: string } | null>,
  action: AuditEntry['action'],
  done: (url: string) => string,
): CorpusSubcommand {
  return {
    name,
    define: (s) =>
      s
        .setDescription(description)
        .addStringOption((o) =>
          o.setName('url').setDescription('The feed').setRequired(true).setAutocomplete(true),
        ),
    deferred: true,
    async run(interaction, context, moderator) {
      const url = await chosenFeed(interaction, context);
      const feed = await act(context, url);
      if (feed === null) {
        await interaction.editReply(
          renderNotice(`No feed ${url} is followed; \`/corpus feed list\` shows them.`),
        );
        return;
      }
      await audit(context, moderator, action, feed);
      await interaction.editReply(renderNotice(done(url)));
    },
    autocomplete: feedChoices,
  };
}

const remove = feedAction(
  'remove',
  'Stop following a feed (what it brought stays in the coverage)',
  (context, url) => context.feeds.removeFeed(url),
  'feed-remove',
  (url) => `No longer following ${url}. What it brought stays in the coverage.`,
);

const pause = feedAction(
  'pause',
  'Stop looking at a feed for now',
  (context, url) => context.feeds.setPaused(url, true),
  'feed-pause',
  (url) => `Paused ${url}: it is not read until \`/corpus feed resume\`.`,
);

const resume = feedAction(
  'resume',
  'Look at a paused feed again',
  (context, url) => context.feeds.setPaused(url, false),
  'feed-resume',
  (url) => `Resumed ${url}: it is read again on its schedule.`,
);

export const feedGroup: CorpusGroup = {
  name: 'feed',
  description: 'News feeds whose new items go into an event',
  subcommands: [add, list, remove, pause, resume],
};
