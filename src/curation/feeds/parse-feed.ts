/**
 * A feed document (RSS 2.0, RSS 1.0, Atom or JSON Feed) read into its items. XML goes through
 * fast-xml-parser: a pure parser that runs nothing, with DOCTYPE entities bounded and no
 * external entities, so a feed can cost only the bytes the fetch limit lets in.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { feedDay } from './feed-dates.ts';

/** One item of a feed: the article's address, and what the feed says of it. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** The day the feed dates the item, YYYY-MM-DD. */
  date: string | null;
  /** The outlet: the item's own source, else the feed's title. */
  source: string | null;
}

/** A feed read: its title and its items in the feed's order, each address once. */
export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** A feed could not be read; the message names the feed and says why, for the moderator. */
export class FeedError extends Error {
  override name = 'FeedError';
}

/** Items read from one feed at most: a feed is a window on the latest news, not an archive. */
export const MAX_FEED_ITEMS = 500;
/** Deepest element nesting accepted; real feeds nest fewer than ten. */
const MAX_NESTING = 64;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntityCount: 50, maxEntitySize: 1000, maxTotalExpansions: 1000 },
  htmlEntities: true,
  maxNestedTags: MAX_NESTING,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element (its text node when it has attributes), markup and spacing removed. */
function textOf(value: unknown): string | null {
  const raw = isNode(value) ? value['#text'] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** `href` resolved against the feed's address, if it is an http(s) address. */
function absolute(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function rssItems(channel: Node, items: unknown[], base: string): Feed {
  const title = textOf(channel.title);
  return {
    title,
    items: items.filter(isNode).map((item) => {
      const links = list(item.link).map(textOf);
      const guid = isNode(item.guid) && item.guid['@isPermaLink'] === 'false' ? null : textOf(item.guid);
      return {
        url: absolute(links.find((l) => l !== null) ?? guid, base) ?? '',
        title: textOf(item.title),
        date: feedDay(textOf(item.pubDate) ?? textOf(item.date)),
        source: textOf(item.source) ?? title,
      };
    }),
  };
}

function atomFeed(feed: Node, base: string): Feed {
  const title = textOf(feed.title);
  return {
    title,
    items: list(feed.entry)
      .filter(isNode)
      .map((entry) => {
        const links = list(entry.link).filter(isNode);
        const alternate = links.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate') ?? links[0];
        const href = typeof alternate?.['@href'] === 'string' ? alternate['@href'] : null;
        const source = isNode(entry.source) ? textOf(entry.source.title) : null;
        return {
          url: absolute(href, base) ?? '',
          title: textOf(entry.title),
          date: feedDay(textOf(entry.published) ?? textOf(entry.updated)),
          source: source ?? title,
        };
      }),
  };
}

function parseXml(text: string, feedUrl: string): Feed {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new FeedError(
      `The feed at ${feedUrl} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`,
    );
  let root: Node;
  try {
    root = parser.parse(text) as Node;
  } catch (error) {
    throw new FeedError(`The feed at ${feedUrl} could not be read as XML (${(error as Error).message}).`);
  }
  if (isNode(root.rss) && isNode(root.rss.channel))
    return rssItems(root.rss.channel, list(root.rss.channel.item), feedUrl);
  if (isNode(root.RDF)) {
    const channel = isNode(root.RDF.channel) ? root.RDF.channel : {};
    return rssItems(channel, list(root.RDF.item), feedUrl);
  }
  if (isNode(root.feed)) return atomFeed(root.feed, feedUrl);
  throw notAFeed(feedUrl);
}

function notAFeed(feedUrl: string): FeedError {
  return new FeedError(`The feed at ${feedUrl} is not an RSS, Atom or JSON Feed document.`);
}

function parseJsonFeed(text: string, feedUrl: string): Feed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`The feed at ${feedUrl} is not valid JSON (${(error as Error).message}).`);
  }
  if (!isNode(data) || typeof data.version !== 'string' || !data.version.startsWith('https://jsonfeed.org/'))
    throw notAFeed(feedUrl);
  const title = textOf(data.title);
  return {
    title,
    items: list(data.items)
      .filter(isNode)
      .map((item) => ({
        url: absolute(textOf(item.url) ?? textOf(item.external_url), feedUrl) ?? '',
        title: textOf(item.title),
        date: feedDay(textOf(item.date_published) ?? textOf(item.date_modified)),
        source: title,
      })),
  };
}

/**
 * The feed `text` (fetched from `feedUrl`, against which relative links resolve) as its title and
 * items: items without an http(s) address are left out, an address seen before is kept once, and
 * at most MAX_FEED_ITEMS are kept. Throws FeedError naming the feed for anything that is no feed.
 */
export function parseFeed(text: string, feedUrl: string): Feed {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const feed = trimmed.startsWith('{') ? parseJsonFeed(trimmed, feedUrl) : parseXml(trimmed, feedUrl);
  const seen = new Set<string>();
  const items = feed.items.filter((item) => {
    if (item.url === '' || seen.has(item.url)) return false;
    seen.add(item.url);
    return true;
  });
  return { title: feed.title, items: items.slice(0, MAX_FEED_ITEMS) };
}
