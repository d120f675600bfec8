/** Replies about feeds: the list with each feed's health, and the review queue's preview with its buttons. */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { formatDate, formatSource } from '../answer/wording.ts';
import type { FeedRecord, QueuedArticle } from '../store/feed-store.ts';
import { formatEvery } from './duration.ts';
import { fitEmbed, joinWithin } from './embed-fit.ts';
import { escapeCorpusText } from './escape.ts';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX, EMBED_DESCRIPTION_MAX, truncate } from './limits.ts';
import { ACCENT, type ReplyPayload, reply } from './reply.ts';

/** custom_id prefix of the review preview's buttons: `review:approve:<id>`, `review:reject:<id>`. */
export const REVIEW_PREFIX = 'review:';
/** custom_id prefix of the review preview's "Move to event" menu: `review-move:<id>`. */
export const REVIEW_MOVE_PREFIX = 'review-move:';

/** Events a waiting article may be moved to (a select menu holds at most 25 options). */
const MOVE_OPTIONS_MAX = 25;

/** A feed's address as inline code: exact and copyable, never a link preview. */
export function feedAddress(url: string): string {
  return `\`${url.replace(/`/g, '%60')}\``;
}

/** A time as Discord shows it to each reader, relative ("3 minutes ago"); "never" for none. */
function when(iso: string | null): string {
  if (iso === null) return 'never';
  return `<t:${Math.floor(Date.parse(iso) / 1000)}:R>`;
}

function healthLine(feed: FeedRecord): string {
  const h = feed.health;
  const brought = `${h.itemsAdded} item${h.itemsAdded === 1 ? '' : 's'} brought`;
  // Items refused one by one (the feed itself was read): a page too large, no article in it…
  const refused =
    h.itemsRefused === 0
      ? ''
      : ` · ${h.itemsRefused} refused${h.lastRefusal === null ? '' : `, last: ${escapeCorpusText(truncate(h.lastRefusal, 200))}`}`;
  const errors =
    h.lastError === null
      ? 'no error'
      : `⚠ ${h.consecutiveErrors} failure${h.consecutiveErrors === 1 ? '' : 's'} in a row: ${escapeCorpusText(truncate(h.lastError, 200))}`;
  return `Last fetch ${when(h.lastFetchAt)} · last new item ${when(h.lastNewItemAt)} · ${brought}${refused} · ${errors}`;
}

/** Every followed feed with its mode, interval, event and health; and how many articles wait for review. */
export function renderFeedList(feeds: FeedRecord[], waiting: number): ReplyPayload {
  const blocks = feeds.map((f) =>
    [
      `**${feedAddress(f.url)}**`,
      `${f.mode} · every ${formatEvery(f.intervalSeconds)} · ${escapeCorpusText(f.event)}${f.paused ? ' · **paused**' : ''}`,
      healthLine(f),
    ].join('\n'),
  );
  const footer = `${waiting} article${waiting === 1 ? '' : 's'} waiting for \`/corpus review\`.`;
  return reply({
    embeds: [
      fitEmbed({
        color: ACCENT,
        title: 'Followed feeds',
        description:
          blocks.length === 0
            ? `No feed is followed. Follow one with \`/corpus feed add\`.\n${footer}`
            : `${joinWithin(
                blocks.map((b) => `${b}\n`),
                EMBED_DESCRIPTION_MAX - footer.length - 2,
              )}\n${footer}`,
      }),
    ],
  });
}

/**
 * The next waiting article as a preview with Approve, Reject and a "Move to event" menu (each
 * custom id naming the article), `notice` (what was just done) above it; or, with none waiting,
 * the notice and "No article is waiting for review."
 */
export function renderReviewPreview(
  next: { article: QueuedArticle; eventName: string | null; waiting: number } | null,
  events: Array<{ id: string; name: string }>,
  notice = '',
): ReplyPayload {
  const lead = notice === '' ? '' : `${notice}\n`;
  if (next === null) return reply({ content: `${lead}No article is waiting for review.` });
  const { article, eventName, waiting } = next;
  const d = article.draft;
  const words = d.text.split(/\s+/).filter(Boolean).length;
  const firstLines = truncate(d.text.split('\n\n').slice(0, 2).join('\n\n'), 700);
  const description = [
    `**${escapeCorpusText(d.title)}**`,
    `Outlet: ${escapeCorpusText(formatSource(d.source))} · Date: ${formatDate(d.date, d.dateApprox)} · Event: ${escapeCorpusText(eventName ?? d.event ?? 'none')}`,
    `Link: ${d.url ? escapeCorpusText(d.url) : 'none'} · Language: ${d.language ?? 'unknown'} · ${words} words`,
    `From feed: ${feedAddress(article.feedUrl)} · queued ${when(article.queuedAt)}`,
    '',
    escapeCorpusText(firstLines),
  ].join('\n');
  const embed: APIEmbed = fitEmbed({
    color: ACCENT,
    title: `Waiting for review (${waiting} in all)`,
    description,
  });
  const buttons: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: 'Approve',
        custom_id: `${REVIEW_PREFIX}approve:${article.id}`,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: 'Reject',
        custom_id: `${REVIEW_PREFIX}reject:${article.id}`,
      },
    ],
  };
  const options = events
    .filter((e) => e.id.length <= CHOICE_VALUE_MAX)
    .slice(0, MOVE_OPTIONS_MAX)
    .map((e) => ({ label: truncate(e.name, CHOICE_NAME_MAX), value: e.id, default: e.id === d.event }));
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [buttons];
  if (options.length > 0)
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `${REVIEW_MOVE_PREFIX}${article.id}`,
          placeholder: 'Move to event…',
          min_values: 1,
          max_values: 1,
          options,
        },
      ],
    });
  return {
    ...reply({ ...(lead === '' ? {} : { content: notice }), embeds: [embed] }),
    components: components as ReplyPayload['components'],
  };
}
