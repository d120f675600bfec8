/**
 * Feeds, the review queue and "also reported by" in a corpus folder: one JSON file beside
 * audit.log (not read as coverage), read and rewritten whole and atomically under the folder's
 * change lock, so that every process editing the folder sees one state. A feed's lease is kept
 * in the file too, so two processes on one folder never poll a feed at once.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { SerialQueue } from '../util/serial-queue.ts';
import { appendAudit } from './audit-log.ts';
import {
  type AlsoReported,
  alreadyFollowed,
  type FeedRecord,
  type FeedStore,
  FeedStoreError,
  type FeedsSnapshot,
  NEW_FEED_HEALTH,
  type NewFeed,
  newFeedRecord,
  type PollResult,
  type QueuedArticle,
} from './feed-store.ts';
import { withChangeLock } from './folder-lock.ts';

/** The file, in the corpus folder. */
export const FEEDS_FILE = 'feeds.json';

/** Copies of other outlets remembered in all; the oldest go first. */
const ALSO_REPORTED_KEPT = 10_000;

type LeasedFeed = FeedRecord & { lease?: { holder: string; until: number } | undefined };

interface FeedsState {
  feeds: LeasedFeed[];
  queue: QueuedArticle[];
  alsoReported: AlsoReported[];
  /** The daily digest: when it was last sent, and who holds the lease to send it. */
  digest?: { lastSentAt: string | null; lease?: { holder: string; until: number } | undefined };
}

function publicFeed({ lease: _lease, ...feed }: LeasedFeed): FeedRecord {
  return feed;
}

/** Feed data in the corpus folder `dir`. */
export class FolderFeedStore implements FeedStore {
  private readonly local = new SerialQueue();

  constructor(readonly dir: string) {}

  private get file(): string {
    return path.join(this.dir, FEEDS_FILE);
  }

  private async read(): Promise<FeedsState> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { feeds: [], queue: [], alsoReported: [] };
      throw error;
    }
    let state: Partial<FeedsState>;
    try {
      state = JSON.parse(text) as Partial<FeedsState>;
    } catch (error) {
      const stats = await stat(this.file).catch(() => null);
      throw new FeedStoreError(
        `${this.file} is not valid JSON (${(error as Error).message}); fix it or move it away (the feeds then start empty). Nothing was changed.`,
        stats === null ? null : `${stats.size}:${stats.mtimeMs}`,
      );
    }
    // Feeds written before a health field existed get its starting value.
    const feeds = (state.feeds ?? []).map((f) => ({ ...f, health: { ...NEW_FEED_HEALTH, ...f.health } }));
    return { ...state, feeds, queue: state.queue ?? [], alsoReported: state.alsoReported ?? [] };
  }

  /** Runs `edit` on the state under the lock; the state is written back when `edit` says so. */
  private edit<T>(edit: (state: FeedsState) => { result: T; changed: boolean }): Promise<T> {
    return this.local.run(() =>
      withChangeLock(this.dir, async () => {
        const state = await this.read();
        const { result, changed } = edit(state);
        if (changed) await writeFileAtomic(this.file, `${JSON.stringify(state, null, 1)}\n`);
        return result;
      }),
    );
  }

  async feeds(): Promise<FeedRecord[]> {
    return (await this.read()).feeds.map(publicFeed);
  }

  addFeed(feed: NewFeed): Promise<FeedRecord> {
    return this.edit((state) => {
      if (state.feeds.some((f) => f.url === feed.url)) throw alreadyFollowed(feed.url);
      const record = newFeedRecord(feed);
      state.feeds.push(record);
      return { result: record, changed: true };
    });
  }

  removeFeed(url: string): Promise<FeedRecord | null> {
    return this.edit((state) => {
      const feed = state.feeds.find((f) => f.url === url);
      state.feeds = state.feeds.filter((f) => f.url !== url);
      return { result: feed ? publicFeed(feed) : null, changed: feed !== undefined };
    });
  }

  setPaused(url: string, paused: boolean): Promise<FeedRecord | null> {
    return this.edit((state) => {
      const feed = state.feeds.find((f) => f.url === url);
      if (feed) feed.paused = paused;
      return { result: feed ? publicFeed(feed) : null, changed: feed !== undefined };
    });
  }

  claimDue(holder: string, leaseMs: number): Promise<FeedRecord[]> {
    return this.edit((state) => {
      const now = Date.now();
      const due = state.feeds.filter(
        (f) =>
          !f.paused &&
          Date.parse(f.nextFetchAt) <= now &&
          (f.lease === undefined || f.lease.until < now || f.lease.holder === holder),
      );
      for (const feed of due) feed.lease = { holder, until: now + leaseMs };
      return { result: due.map(publicFeed), changed: due.length > 0 };
    });
  }

  finishPoll(url: string, holder: string, result: PollResult): Promise<boolean> {
    return this.edit((state) => {
      const feed = state.feeds.find((f) => f.url === url);
      if (feed?.lease?.holder !== holder) return { result: false, changed: false };
      const { etag, lastModified, seen, nextFetchAt, health, movedTo } = result;
      Object.assign(feed, { etag, lastModified, seen, nextFetchAt, health, lease: undefined });
      if (movedTo && !state.feeds.some((f) => f.url === movedTo)) feed.url = movedTo;
      return { result: true, changed: true };
    });
  }

  enqueue(
    article: Pick<QueuedArticle, 'feedUrl' | 'draft'>,
    max: number,
  ): Promise<QueuedArticle | 'queued-already' | 'full'> {
    return this.edit<QueuedArticle | 'queued-already' | 'full'>((state) => {
      if (state.queue.some((q) => q.draft.url === article.draft.url))
        return { result: 'queued-already', changed: false };
      if (state.queue.length >= max) return { result: 'full', changed: false };
      const queued: QueuedArticle = {
        id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        queuedAt: new Date().toISOString(),
        ...article,
      };
      state.queue.push(queued);
      return { result: queued, changed: true };
    });
  }

  async queue(): Promise<QueuedArticle[]> {
    return (await this.read()).queue;
  }

  setQueuedEvent(id: string, event: string): Promise<QueuedArticle | null> {
    return this.edit((state) => {
      const queued = state.queue.find((q) => q.id === id);
      if (queued) queued.draft.event = event;
      return { result: queued ?? null, changed: queued !== undefined };
    });
  }

  dequeue(id: string): Promise<QueuedArticle | null> {
    return this.edit((state) => {
      const queued = state.queue.find((q) => q.id === id);
      state.queue = state.queue.filter((q) => q.id !== id);
      return { result: queued ?? null, changed: queued !== undefined };
    });
  }

  recordAlsoReported(entry: Omit<AlsoReported, 'at'>): Promise<void> {
    return this.edit((state) => {
      if (state.alsoReported.some((r) => r.article === entry.article && r.url === entry.url))
        return { result: undefined, changed: false };
      state.alsoReported.push({ ...entry, at: new Date().toISOString() });
      state.alsoReported = state.alsoReported.slice(-ALSO_REPORTED_KEPT);
      return { result: undefined, changed: true };
    });
  }

  async alsoReported(article: string): Promise<AlsoReported[]> {
    return (await this.read()).alsoReported.filter((r) => r.article === article);
  }

  async alsoReportedOf(articles: readonly string[] | null): Promise<AlsoReported[]> {
    const all = (await this.read()).alsoReported;
    if (articles === null) return all;
    const wanted = new Set(articles);
    return all.filter((r) => wanted.has(r.article));
  }

  claimDigest(
    holder: string,
    dueSince: string,
    leaseMs: number,
  ): Promise<{ lastSentAt: string | null } | null> {
    return this.edit<{ lastSentAt: string | null } | null>((state) => {
      const now = Date.now();
      const digest = state.digest ?? { lastSentAt: null };
      const sent = digest.lastSentAt !== null && Date.parse(digest.lastSentAt) >= Date.parse(dueSince);
      const held = digest.lease !== undefined && digest.lease.until >= now && digest.lease.holder !== holder;
      if (sent || held) return { result: null, changed: false };
      state.digest = { ...digest, lease: { holder, until: now + leaseMs } };
      return { result: { lastSentAt: digest.lastSentAt }, changed: true };
    });
  }

  finishDigest(holder: string, sentAt: string | null): Promise<boolean> {
    return this.edit((state) => {
      const digest = state.digest;
      if (digest?.lease?.holder !== holder) return { result: false, changed: false };
      state.digest = { lastSentAt: sentAt ?? digest.lastSentAt };
      return { result: true, changed: true };
    });
  }

  async snapshot(): Promise<FeedsSnapshot> {
    const { feeds, queue, alsoReported } = await this.read();
    return { feeds: feeds.map(publicFeed), queue, alsoReported };
  }

  replaceAll(snapshot: FeedsSnapshot): Promise<void> {
    return this.edit((state) => {
      Object.assign(state, {
        feeds: snapshot.feeds.map(publicFeed),
        queue: snapshot.queue,
        alsoReported: snapshot.alsoReported,
      });
      return { result: undefined, changed: true };
    });
  }

  audit(entry: Parameters<FeedStore['audit']>[0]): Promise<void> {
    return this.local.run(() => withChangeLock(this.dir, () => appendAudit(this.dir, entry)));
  }
}
