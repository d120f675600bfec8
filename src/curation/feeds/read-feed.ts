/** Fetching a feed under the page-fetching rules, asking only for what changed since last time. */
import {
  type FetchPolicy,
  FetchRefused,
  fetchIfChanged,
  type PermanentMove,
  type Validators,
} from '../fetch-page.ts';
import { type Feed, FeedError, parseFeed } from './parse-feed.ts';

export { type Feed, FeedError, type FeedItem } from './parse-feed.ts';

/**
 * A feed's read: unchanged since the validators given, or its items at its (final) address;
 * either way, where the feed moved for good (301, 308), or null.
 */
export type FeedRead =
  | { notModified: true; movedTo: PermanentMove | null }
  | { notModified: false; url: string; feed: Feed; validators: Validators; movedTo: PermanentMove | null };

/**
 * Reads the feed at `url` as `fetchDocument` fetches a page (allow-list, private addresses
 * refused, size and time limits, redirects checked), sending `validators` so an unchanged feed
 * answers 304 at no cost. Throws FeedError, naming the feed, for a refusal or a document that
 * is no feed.
 */
export async function readFeed(url: string, validators: Validators, policy: FetchPolicy): Promise<FeedRead> {
  let fetched: Awaited<ReturnType<typeof fetchIfChanged>>;
  try {
    fetched = await fetchIfChanged(url, validators, policy);
  } catch (error) {
    if (error instanceof FetchRefused)
      throw new FeedError(`The feed at ${url} could not be read: ${error.message}`);
    throw error;
  }
  if (fetched.notModified) return { notModified: true, movedTo: fetched.movedTo };
  // A web page (often not well-formed XML) is no feed, whatever its markup's faults.
  if (/html/i.test(fetched.document.contentType) && !/<(rss|feed|rdf:RDF)[\s>]/.test(fetched.document.body))
    throw new FeedError(`The feed at ${url} is a web page, not an RSS, Atom or JSON Feed document.`);
  const feed = parseFeed(fetched.document.body, fetched.document.url);
  return {
    notModified: false,
    url: fetched.document.url,
    feed,
    validators: fetched.validators,
    movedTo: fetched.movedTo,
  };
}
