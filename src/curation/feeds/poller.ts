/**
 * The feed poller of one process: every tick it asks the feed store for the feeds due, each
 * leased to this poller (so among processes on one database, or one folder, exactly one polls a
 * feed), polls them one after the other and writes back what it learned. Other processes learn
 * of added articles through the store's notifications, as of any change.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.ts';
import { type FeedRecord, type FeedStore, FeedStoreError, type PollResult } from '../../store/feed-store.ts';
import type { Curator } from '../curator.ts';
import type { FetchPolicy } from '../fetch-page.ts';
import type { ServedCorpus } from '../served-corpus.ts';
import { FEED_POLLER, failedPoll, type PollReport, pollFeed } from './poll-feed.ts';

/** How the poller runs. */
export interface PollerSettings {
  /** How often it looks for due feeds (default 1 s: a due feed waits at most this long). */
  tickMs: number;
  /** New items read per poll of a feed at most (default 20). */
  itemsPerPoll: number;
  /** Articles waiting for review at most (default 200): beyond, new items wait in their feed. */
  queueMax: number;
}

export const DEFAULT_POLLER_SETTINGS: PollerSettings = { tickMs: 1000, itemsPerPoll: 20, queueMax: 200 };

/** Told of every poll, after its result is written back. */
export type PollListener = (report: PollReport) => void;

/** Polls the due feeds of a store, on a timer, until stopped. */
export class FeedPoller {
  /** This poller's name on the leases it holds. */
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PollReport[]> | null = null;
  private stopped = false;
  private readonly listeners: PollListener[] = [];
  /** The last failed round's cause, warned of once until it changes or a round goes through. */
  private lastFailure: string | null = null;

  constructor(
    private readonly store: FeedStore,
    private readonly live: ServedCorpus,
    private readonly curator: Curator,
    private readonly policy: FetchPolicy,
    private readonly logger: Logger,
    private readonly settings: PollerSettings = DEFAULT_POLLER_SETTINGS,
  ) {}

  /** Calls `listener` after each poll of a feed. */
  onPolled(listener: PollListener): void {
    this.listeners.push(listener);
  }

  /** Starts polling on the timer. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.pollDue().finally(() => this.schedule());
    }, this.settings.tickMs);
    this.timer.unref();
  }

  /**
   * Stops the timer and waits for the poll under way, if any: it ends after the item being read
   * (the items left are read at the next poll, by this process or another).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** How long a lease lasts: longer than a poll can take (each item's fetch, with its time limit). */
  private get leaseMs(): number {
    return (this.settings.itemsPerPoll + 2) * this.policy.timeoutMs + 60_000;
  }

  /**
   * Polls every feed due now that this poller could lease; resolves with what each poll did.
   * A round the store fails (a damaged feeds.json) resolves with none, warned of once per cause.
   */
  pollDue(): Promise<PollReport[]> {
    this.running ??= this.round()
      .then(
        (reports) => {
          this.lastFailure = null;
          return reports;
        },
        (error: unknown) => {
          this.roundFailed(error);
          return [];
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Warns of a failed round, unless the same cause (the same damaged file) was warned of last. */
  private roundFailed(error: unknown): void {
    const cause = error instanceof FeedStoreError ? `${error.message}|${error.version ?? ''}` : String(error);
    if (cause === this.lastFailure) return;
    this.lastFailure = cause;
    this.logger.warn('feed poll round failed; warned once until it changes', { error });
  }

  private async round(): Promise<PollReport[]> {
    // A cheap look first: leasing writes, and most ticks find nothing due.
    const now = Date.now();
    const feeds = await this.store.feeds();
    if (!feeds.some((f) => !f.paused && Date.parse(f.nextFetchAt) <= now)) return [];
    const reports: PollReport[] = [];
    for (const feed of await this.store.claimDue(this.holder, this.leaseMs)) {
      if (this.stopped) {
        // Stopping: handed back as it was, due at once, for another process or the next start.
        const { etag, lastModified, seen, nextFetchAt, health } = feed;
        await this.store.finishPoll(feed.url, this.holder, { etag, lastModified, seen, nextFetchAt, health });
        continue;
      }
      reports.push(await this.pollOne(feed));
    }
    return reports;
  }

  private async pollOne(feed: FeedRecord): Promise<PollReport> {
    let done: Awaited<ReturnType<typeof pollFeed>>;
    try {
      done = await pollFeed(feed, {
        store: this.store,
        curator: this.curator,
        articles: () => this.live.engine.corpus.articles,
        policy: this.policy,
        itemsPerPoll: this.settings.itemsPerPoll,
        queueMax: this.settings.queueMax,
        logger: this.logger,
        stopping: () => this.stopped,
      });
    } catch (error) {
      // The store or the corpus failed mid-poll: the feed is tried again later, nothing is lost.
      const message = `The feed at ${feed.url} could not be processed: ${(error as Error).message}`;
      this.logger.warn('feed poll failed', { feed: feed.url, error });
      done = {
        report: {
          url: feed.url,
          outcome: 'failed',
          added: 0,
          queued: 0,
          alsoReported: 0,
          refused: 0,
          error: message,
          movedStatus: null,
        },
        result: failedPoll(feed, message),
      };
    }
    const movedTo = await this.checkedMove(feed, done.result);
    const kept = await this.store.finishPoll(feed.url, this.holder, { ...done.result, movedTo });
    if (!kept) this.logger.warn('feed lease lost before the poll ended', { feed: feed.url });
    else if (movedTo !== null) await this.auditMove(feed.url, movedTo, done.report.movedStatus);
    if (done.report.outcome === 'failed')
      this.logger.warn('feed fetch failed', { feed: feed.url, reason: done.report.error });
    for (const listener of this.listeners) listener(done.report);
    return done.report;
  }

  /**
   * The address the feed moved to for good, or null; null too, with the reason in the feed's
   * health, when another followed feed has that address already.
   */
  private async checkedMove(feed: FeedRecord, result: PollResult): Promise<string | null> {
    const to = result.movedTo ?? null;
    if (to === null || to === feed.url) return null;
    if (!(await this.store.feeds()).some((f) => f.url === to)) return to;
    result.health = {
      ...result.health,
      lastError: `It moved for good to ${to}, which is followed already: remove one of the two.`,
    };
    return null;
  }

  private async auditMove(from: string, to: string, status: number | null): Promise<void> {
    this.logger.info('feed moved for good', { from, to });
    await this.store.audit({
      userId: FEED_POLLER.id,
      userName: FEED_POLLER.name,
      action: 'feed-move',
      file: null,
      detail: `moved permanently${status === null ? '' : ` (${status})`} from ${from}`,
      feed: to,
    });
  }
}
