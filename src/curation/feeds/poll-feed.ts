/**
 * One poll of one feed: a conditional fetch, then each item not seen before read as /corpus add
 * reads a link (the same fetching rules and extraction; the item's title, date and outlet where
 * the page lacks them), checked for duplicates, and added (auto) or queued for review. A copy of
 * an article already in is recorded as "also reported by" on it, not added a second time.
 */
import type { Article } from '../../corpus/types.ts';
import type { Logger } from '../../log.ts';
import { type FeedRecord, type FeedStore, type PollResult, SEEN_ITEMS_KEPT } from '../../store/feed-store.ts';
import type { Curator, Moderator } from '../curator.ts';
import { DraftError } from '../draft.ts';
import { DuplicateIndex } from '../duplicates.ts';
import { CurationError } from '../errors.ts';
import { type FetchPolicy, FetchRefused } from '../fetch-page.ts';
import { readAddress } from '../ingest.ts';
import { FeedError, type FeedItem, readFeed } from './read-feed.ts';
import { nextFetchDelayMs } from './schedule.ts';

/** Who the audit log names for what a feed adds by itself. */
export const FEED_POLLER: Moderator = { id: 'feed', name: 'feed poller' };

/** What a poll needs. */
export interface PollDeps {
  store: FeedStore;
  curator: Curator;
  /** The articles served now, to find duplicates without fetching. */
  articles: () => Article[];
  policy: FetchPolicy;
  /** New items read per poll at most; the rest wait for the next poll. */
  itemsPerPoll: number;
  /** Articles waiting for review at most. */
  queueMax: number;
  logger: Logger;
  random?: () => number;
  /** True once the poller is stopping: no further item is read (those left stay unseen). */
  stopping?: () => boolean;
}

/** What one poll did, for logs and tests. */
export interface PollReport {
  url: string;
  outcome: 'not-modified' | 'read' | 'failed';
  added: number;
  queued: number;
  alsoReported: number;
  refused: number;
  error: string | null;
  /** The status of the redirect that moved the feed for good (301, 308), or null. */
  movedStatus: number | null;
}

/** What became of one item; a refusal says why, for the feed's health. */
type ItemOutcome = 'added' | 'queued' | 'also-reported' | { refused: string } | 'seen' | 'queue-full';

/** Polls `feed` (leased to the caller) and resolves with what it did and the result to write back. */
export async function pollFeed(
  feed: FeedRecord,
  deps: PollDeps,
): Promise<{ report: PollReport; result: PollResult }> {
  const now = new Date().toISOString();
  const report: PollReport = {
    url: feed.url,
    outcome: 'read',
    added: 0,
    queued: 0,
    alsoReported: 0,
    refused: 0,
    error: null,
    movedStatus: null,
  };
  const intervalMs = feed.intervalSeconds * 1000;
  const health = { ...feed.health, lastFetchAt: now };
  let read: Awaited<ReturnType<typeof readFeed>>;
  try {
    read = await readFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, deps.policy);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return {
      report: { ...report, outcome: 'failed', error: error.message },
      result: failedPoll(feed, error.message, deps.random),
    };
  }
  const next = after(nextFetchDelayMs(intervalMs, 0, deps.random));
  const healthy = { ...health, lastError: null, consecutiveErrors: 0 };
  const movedTo = read.movedTo?.url ?? null;
  report.movedStatus = read.movedTo?.status ?? null;
  if (read.notModified)
    return {
      report: { ...report, outcome: 'not-modified' },
      result: {
        etag: feed.etag,
        lastModified: feed.lastModified,
        seen: feed.seen,
        nextFetchAt: next,
        health: healthy,
        movedTo,
      },
    };
  const seen = new Set(feed.seen);
  const fresh = read.feed.items.filter((item) => !seen.has(item.url)).slice(0, deps.itemsPerPoll);
  const handled: string[] = [];
  const known = new DuplicateIndex(deps.articles());
  let lastRefusal = healthy.lastRefusal;
  for (const item of fresh) {
    if (deps.stopping?.()) break;
    const outcome = await takeItem(feed, item, known, deps);
    if (outcome === 'queue-full') break;
    handled.push(item.url);
    if (outcome === 'added') report.added++;
    else if (outcome === 'queued') report.queued++;
    else if (outcome === 'also-reported') report.alsoReported++;
    else if (typeof outcome === 'object') {
      report.refused++;
      lastRefusal = `${item.url}: ${outcome.refused}`;
    }
  }
  const brought = report.added + report.queued;
  return {
    report,
    result: {
      etag: read.validators.etag ?? null,
      lastModified: read.validators.lastModified ?? null,
      seen: [...feed.seen, ...handled].slice(-SEEN_ITEMS_KEPT),
      nextFetchAt: next,
      health: {
        ...healthy,
        lastNewItemAt: brought > 0 ? now : healthy.lastNewItemAt,
        itemsAdded: healthy.itemsAdded + brought,
        itemsRefused: healthy.itemsRefused + report.refused,
        lastRefusal,
      },
      movedTo,
    },
  };
}

/** The result of a poll that failed with `message`: nothing learned, the next try backed off. */
export function failedPoll(feed: FeedRecord, message: string, random?: () => number): PollResult {
  const errors = feed.health.consecutiveErrors + 1;
  return {
    etag: feed.etag,
    lastModified: feed.lastModified,
    seen: feed.seen,
    nextFetchAt: after(nextFetchDelayMs(feed.intervalSeconds * 1000, errors, random)),
    health: {
      ...feed.health,
      lastFetchAt: new Date().toISOString(),
      lastError: message,
      consecutiveErrors: errors,
    },
  };
}

function after(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** Reads one new item and adds, queues or records it; never throws for the item's own faults. */
async function takeItem(
  feed: FeedRecord,
  item: FeedItem,
  known: DuplicateIndex,
  deps: PollDeps,
): Promise<ItemOutcome> {
  // An article already in at this address: another outlet's link to it is recorded, no fetch needed.
  const atAddress = known.hasUrl(item.url);
  if (atAddress !== null) {
    if (!isOtherOutlet(item.source, atAddress)) return 'seen';
    await recordCopy(feed, atAddress, item, 'the same address', deps);
    return 'also-reported';
  }
  let read: Awaited<ReturnType<typeof readAddress>>;
  try {
    read = await readAddress(
      item.url,
      { event: feed.event, fallback: { title: item.title, source: item.source, date: item.date } },
      deps.policy,
    );
  } catch (error) {
    if (!(error instanceof FetchRefused || error instanceof DraftError)) throw error;
    deps.logger.warn('feed item refused', { feed: feed.url, item: item.url, reason: error.message });
    return { refused: error.message };
  }
  const { draft, canonical } = read;
  // The page names an article already in as its canonical page: a syndicated copy, or an AMP twin.
  const named = canonical === null ? null : known.hasUrl(canonical);
  if (named !== null) {
    if (!isOtherOutlet(draft.source, named)) return 'seen';
    await recordCopy(feed, named, { ...draft, url: item.url }, 'its canonical link', deps);
    return 'also-reported';
  }
  const duplicate = known.find(draft);
  if (duplicate !== null) {
    await recordCopy(feed, duplicate.article, { ...draft, url: item.url }, duplicate.reason, deps);
    return 'also-reported';
  }
  if (feed.mode === 'review') {
    const queued = await deps.store.enqueue({ feedUrl: feed.url, draft }, deps.queueMax);
    if (queued === 'full') {
      deps.logger.warn('review queue full: feed items wait for the next poll', { feed: feed.url });
      return 'queue-full';
    }
    return queued === 'queued-already' ? 'seen' : 'queued';
  }
  try {
    const { file } = await deps.curator.add(draft, FEED_POLLER, { feed: feed.url });
    known.add({ ...draft, id: file.replace(/\.md$/, ''), path: file });
    return 'added';
  } catch (error) {
    if (!(error instanceof CurationError)) throw error;
    deps.logger.warn('feed item not added', { feed: feed.url, item: item.url, reason: error.message });
    return { refused: error.message };
  }
}

/** Whether `outlet` names another outlet than the article's own (an unknown one is not named). */
function isOtherOutlet(outlet: string | null, article: Article): boolean {
  const norm = (s: string | null) => s?.trim().toLowerCase() || null;
  return norm(outlet) !== null && norm(outlet) !== norm(article.source);
}

/** Records `copy` as another outlet's report of `article`, in the feed store and the audit log. */
async function recordCopy(
  feed: FeedRecord,
  article: Article,
  copy: { url: string; title: string | null; source: string | null; date: string | null },
  reason: string,
  deps: PollDeps,
): Promise<void> {
  await deps.store.recordAlsoReported({
    article: article.path,
    url: copy.url,
    title: copy.title,
    source: copy.source,
    date: copy.date,
    feedUrl: feed.url,
  });
  await deps.store.audit({
    userId: FEED_POLLER.id,
    userName: FEED_POLLER.name,
    action: 'also-reported',
    file: article.path,
    detail: `${copy.source ?? 'unknown outlet'}: ${copy.url} (${reason})`,
    feed: feed.url,
  });
}
