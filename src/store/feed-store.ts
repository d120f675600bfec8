/**
 * What following news feeds leaves beside the corpus: the feeds (their event, mode, interval,
 * validators, the items already seen and their health), the articles waiting for review, and who
 * else reported an article already in. Kept in the corpus folder or in the database, as the corpus.
 */
import type { Article } from '../corpus/types.ts';
import type { AuditEntry } from './audit-log.ts';

/** `auto`: a new item is added at once; `review`: it waits in the queue for a moderator. */
export type FeedMode = 'review' | 'auto';

/** How a feed has been doing, for `/corpus feed list`. Times are ISO strings. */
export interface FeedHealth {
  lastFetchAt: string | null;
  /** When the feed last brought an item not seen before. */
  lastNewItemAt: string | null;
  /** Why the last fetch failed, or null when it went through. */
  lastError: string | null;
  /** Failed fetches in a row (the backoff grows with them); 0 after a success. */
  consecutiveErrors: number;
  /** Articles added to the corpus or queued from this feed so far. */
  itemsAdded: number;
  /** Items refused one by one so far (a page too large, no article in it…), the feed itself read. */
  itemsRefused: number;
  /** The last refused item's address and why, or null when none was refused. */
  lastRefusal: string | null;
}

/** A feed's health before its first poll. */
export const NEW_FEED_HEALTH: FeedHealth = {
  lastFetchAt: null,
  lastNewItemAt: null,
  lastError: null,
  consecutiveErrors: 0,
  itemsAdded: 0,
  itemsRefused: 0,
  lastRefusal: null,
};

/** A followed feed. */
export interface FeedRecord {
  url: string;
  event: string;
  mode: FeedMode;
  intervalSeconds: number;
  paused: boolean;
  /** The moderator who followed it. */
  addedBy: string;
  addedAt: string;
  /** The last answer's validators, sent back so an unchanged feed answers 304. */
  etag: string | null;
  lastModified: string | null;
  /** Item addresses already handled, oldest first, at most SEEN_ITEMS_KEPT. */
  seen: string[];
  /** When the feed is due to be fetched next (ISO). */
  nextFetchAt: string;
  health: FeedHealth;
}

/** Item addresses remembered per feed: twice the items a feed is read for, so none comes back. */
export const SEEN_ITEMS_KEPT = 1000;

/** What a moderator gives to follow a feed. */
export type NewFeed = Pick<FeedRecord, 'url' | 'event' | 'mode' | 'intervalSeconds' | 'addedBy'>;

/** What a poll learned, written back by the poller that holds the feed's lease. */
export type PollResult = Pick<FeedRecord, 'etag' | 'lastModified' | 'seen' | 'nextFetchAt' | 'health'> & {
  /** The address the feed moved to for good (301, 308): the feed is followed there from now on. */
  movedTo?: string | null | undefined;
};

/** An article as it will be written, without its id and file yet (curation's draft). */
export type QueuedDraft = Omit<Article, 'id' | 'path'>;

/** An article a feed brought, waiting for a moderator's Approve or Reject. */
export interface QueuedArticle {
  id: string;
  feedUrl: string;
  queuedAt: string;
  draft: QueuedDraft;
}

/** Another outlet's copy of an article already in (same address or near-identical text). */
export interface AlsoReported {
  /** The file of the article already in. */
  article: string;
  url: string;
  title: string | null;
  source: string | null;
  date: string | null;
  feedUrl: string | null;
  at: string;
}

/** What moves with the corpus on `corpus export` and `corpus import`: no leases, no digest state. */
export interface FeedsSnapshot {
  feeds: FeedRecord[];
  queue: QueuedArticle[];
  alsoReported: AlsoReported[];
}

/** A feed change was refused; the message is for the moderator. */
export class FeedStoreError extends Error {
  override name = 'FeedStoreError';

  /** `version` tells one state of a damaged file from another (the same fault seen again has the same). */
  constructor(
    message: string,
    readonly version: string | null = null,
  ) {
    super(message);
  }
}

/** The sentence for a feed followed twice. */
export function alreadyFollowed(url: string): FeedStoreError {
  return new FeedStoreError(`The feed ${url} is followed already; remove it first to change it.`);
}

/** Feeds, review queue and "also reported by", in a folder or a database. */
export interface FeedStore {
  /** Every followed feed, in the order they were added. */
  feeds(): Promise<FeedRecord[]>;
  /** Follows a feed, due at once; FeedStoreError when it is followed already. */
  addFeed(feed: NewFeed): Promise<FeedRecord>;
  /** Stops following a feed; resolves with it, or null when it was not followed. */
  removeFeed(url: string): Promise<FeedRecord | null>;
  /** Pauses or resumes a feed; resolves with it, or null when it is not followed. */
  setPaused(url: string, paused: boolean): Promise<FeedRecord | null>;
  /**
   * The feeds due now (not paused, next fetch passed, no other live lease), each leased to
   * `holder` for `leaseMs`: while the lease lasts no other holder is given them.
   */
  claimDue(holder: string, leaseMs: number): Promise<FeedRecord[]>;
  /**
   * Writes a poll's result and releases the lease; false (nothing written) when `holder` lost it.
   * With `movedTo`, the feed (health, seen items and all) is followed at that address from now on;
   * the caller checks first that no other feed is followed there.
   */
  finishPoll(url: string, holder: string, result: PollResult): Promise<boolean>;
  /**
   * Queues an article for review: 'queued-already' when one with the same address waits,
   * 'full' when `max` wait already; otherwise the queued article.
   */
  enqueue(
    article: Pick<QueuedArticle, 'feedUrl' | 'draft'>,
    max: number,
  ): Promise<QueuedArticle | 'queued-already' | 'full'>;
  /** The waiting articles, oldest first. */
  queue(): Promise<QueuedArticle[]>;
  /** Changes the event a waiting article will be added to; null when it no longer waits. */
  setQueuedEvent(id: string, event: string): Promise<QueuedArticle | null>;
  /** Takes a waiting article out of the queue; null when it no longer waits (someone else took it). */
  dequeue(id: string): Promise<QueuedArticle | null>;
  /** Records another outlet's copy of an article already in (once per article and address). */
  recordAlsoReported(entry: Omit<AlsoReported, 'at'>): Promise<void>;
  /** The other outlets' copies of an article, oldest first. */
  alsoReported(article: string): Promise<AlsoReported[]>;
  /** The other outlets' copies of any of `articles` (files), or of every article for null; oldest first. */
  alsoReportedOf(articles: readonly string[] | null): Promise<AlsoReported[]>;
  /**
   * Leases the daily digest to `holder` for `leaseMs` when it was not sent since `dueSince` (ISO)
   * and no other holder has it: resolves with when it was last sent (null: never), or null when
   * it is not this holder's to send now. So among many processes exactly one sends it.
   */
  claimDigest(
    holder: string,
    dueSince: string,
    leaseMs: number,
  ): Promise<{ lastSentAt: string | null } | null>;
  /** Releases the digest's lease: sent at `sentAt`, or (null) not sent and due again; false when `holder` lost it. */
  finishDigest(holder: string, sentAt: string | null): Promise<boolean>;
  /** The feeds, the queue and the copies, as `corpus export` carries them. */
  snapshot(): Promise<FeedsSnapshot>;
  /** Replaces the feeds, the queue and the copies with `snapshot` (`corpus import`); leases are dropped. */
  replaceAll(snapshot: FeedsSnapshot): Promise<void>;
  /** Appends an audit-log entry for what is no change of the corpus itself (a feed, a rejection). */
  audit(entry: Omit<AuditEntry, 'at'>): Promise<void>;
}

/** A feed as `addFeed` makes it: due now, nothing seen, healthy. */
export function newFeedRecord(feed: NewFeed, now = new Date()): FeedRecord {
  return {
    ...feed,
    paused: false,
    addedAt: now.toISOString(),
    etag: null,
    lastModified: null,
    seen: [],
    nextFetchAt: now.toISOString(),
    health: { ...NEW_FEED_HEALTH },
  };
}
