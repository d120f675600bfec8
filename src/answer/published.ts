/** What an answer shows of the article a text comes from. */
import type { Article } from '../corpus/types.ts';
import type { Published, PublishedInEvent } from './types.ts';

/** The article's id and metadata, as answers show them. */
export function published(article: Article): Published {
  const { title, source, date, dateApprox, url } = article;
  return { docId: article.id, title, source, date, dateApprox, url };
}

/** The article's id, metadata and event, with the event's display name (`eventName`, null without an event). */
export function publishedInEvent(
  article: Article,
  eventName: (id: string) => string | null,
): PublishedInEvent {
  return {
    ...published(article),
    event: article.event,
    eventName: article.event === null ? null : eventName(article.event),
  };
}
