/**
 * The items of a feed and of its older pages (RFC 5005: `prev-archive`, or `next` in a paged
 * feed), for a bulk import: each page read under the page-fetching rules, a bounded number of
 * pages, each address once.
 */

import { olderFeedPage } from '../feeds/feed-pages.ts';
import { FeedError, type FeedItem, parseFeed } from '../feeds/parse-feed.ts';
import { type FetchPolicy, FetchRefused, fetchDocument } from '../fetch-page.ts';

/** What reading a feed's archive found. */
export interface FeedArchive {
  /** The feed pages read, in order (their final addresses). */
  pages: string[];
  /** Their items, newest page first, each address once. */
  items: FeedItem[];
  /** Why the walk stopped before the oldest page, or null when it reached it. */
  stopped: string | null;
}

/** One feed page's text and final address; FeedError naming it when it cannot be fetched. */
async function fetchFeedPage(url: string, policy: FetchPolicy): Promise<{ url: string; text: string }> {
  try {
    const fetched = await fetchDocument(url, policy);
    return { url: fetched.url, text: fetched.body };
  } catch (error) {
    if (error instanceof FetchRefused)
      throw new FeedError(`The feed at ${url} could not be read: ${error.message}`);
    throw error;
  }
}

/**
 * Reads the feed at `url` and then, page after page, the older pages it links to, at most
 * `maxPages` in all. Throws FeedError when the first page is no feed or cannot be fetched; a
 * later page that fails ends the walk, and `stopped` says why (its items are not read).
 */
export async function readFeedArchive(
  url: string,
  policy: FetchPolicy,
  maxPages: number,
): Promise<FeedArchive> {
  const archive: FeedArchive = { pages: [], items: [], stopped: null };
  const seenItems = new Set<string>();
  const seenPages = new Set<string>([url]);
  for (let next: string | null = url; next !== null; ) {
    if (archive.pages.length >= maxPages) {
      archive.stopped = `stopped after ${maxPages} feed pages (IMPORT_FEED_PAGES); the next is ${next}`;
      break;
    }
    let page: { url: string; text: string };
    let items: FeedItem[];
    try {
      page = await fetchFeedPage(next, policy);
      items = parseFeed(page.text, page.url).items;
    } catch (error) {
      if (!(error instanceof FeedError) || archive.pages.length === 0) throw error;
      archive.stopped = error.message;
      break;
    }
    archive.pages.push(page.url);
    seenPages.add(page.url);
    for (const item of items) {
      if (seenItems.has(item.url)) continue;
      seenItems.add(item.url);
      archive.items.push(item);
    }
    const older = olderFeedPage(page.text, page.url);
    if (older !== null && seenPages.has(older)) {
      archive.stopped = `the feed page ${page.url} links back to ${older}, read already`;
      break;
    }
    if (older !== null) seenPages.add(older);
    next = older;
  }
  return archive;
}
