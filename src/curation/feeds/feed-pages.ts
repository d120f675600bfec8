/**
 * Where a feed's older items are: the feed-level links of RFC 5005 (Feed Paging and Archiving):
 * `prev-archive` in an archived feed, `next` in a paged one (Atom `<link>`, or `<atom:link>` in
 * an RSS channel), and JSON Feed's `next_url`.
 */
import { XMLParser } from 'fast-xml-parser';

/** The feed-level link relations that lead to older items, in the order they are preferred. */
const OLDER = ['prev-archive', 'next'] as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  processEntities: false,
  maxNestedTags: 64,
  // Items are not read here: only the feed's own links.
  stopNodes: ['*.item', '*.entry'],
  isArray: (name) => name === 'link',
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `href` resolved against `base`, when it is an http(s) address. */
function absolute(href: unknown, base: string): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The address of the feed page holding older items than the feed `text` (read from `feedUrl`),
 * or null when it names none (or is not a feed this can read: the item reader says why).
 */
export function olderFeedPage(text: string, feedUrl: string): string | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(trimmed) as unknown;
      return isNode(data) ? absolute(data.next_url, feedUrl) : null;
    } catch {
      return null;
    }
  }
  let root: Node;
  try {
    root = parser.parse(trimmed) as Node;
  } catch {
    return null;
  }
  const holder = isNode(root.feed)
    ? root.feed
    : isNode(root.rss) && isNode(root.rss.channel)
      ? root.rss.channel
      : null;
  if (holder === null) return null;
  const links = (Array.isArray(holder.link) ? holder.link : []).filter(isNode);
  for (const rel of OLDER) {
    const link = links.find((l) => l['@rel'] === rel);
    const href = absolute(link?.['@href'], feedUrl);
    if (href !== null) return href;
  }
  return null;
}
