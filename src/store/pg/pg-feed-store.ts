/**
 * Feeds, the review queue and "also reported by" in the PostgreSQL database that holds the
 * corpus (tables feeds, feed_health, review_queue, also_reported). A due feed is leased with one
 * conditional UPDATE, so among many processes exactly one polls it until the lease ends.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { type AuditEntry, auditLine } from '../audit-log.ts';
import {
  type AlsoReported,
  alreadyFollowed,
  type FeedHealth,
  type FeedRecord,
  type FeedStore,
  type FeedsSnapshot,
  type NewFeed,
  type PollResult,
  type QueuedArticle,
  type QueuedDraft,
} from '../feed-store.ts';
import { unavailableOr } from './errors.ts';

/** SQLSTATE of a unique-key violation. */
const UNIQUE_VIOLATION = '23505';

const FEED_COLUMNS = `f.url, f.event, f.mode, f.interval_seconds, f.paused, f.added_by, f.added_at,
  f.etag, f.last_modified, f.seen, f.next_fetch_at, h.last_fetch_at, h.last_new_item_at,
  h.last_error, h.consecutive_errors, h.items_added, h.items_refused, h.last_refusal`;

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

function feedOf(row: Record<string, unknown>): FeedRecord {
  return {
    url: row.url as string,
    event: row.event as string,
    mode: row.mode as FeedRecord['mode'],
    intervalSeconds: row.interval_seconds as number,
    paused: row.paused as boolean,
    addedBy: row.added_by as string,
    addedAt: iso(row.added_at) ?? '',
    etag: (row.etag as string | null) ?? null,
    lastModified: (row.last_modified as string | null) ?? null,
    seen: row.seen as string[],
    nextFetchAt: iso(row.next_fetch_at) ?? '',
    health: {
      lastFetchAt: iso(row.last_fetch_at),
      lastNewItemAt: iso(row.last_new_item_at),
      lastError: (row.last_error as string | null) ?? null,
      consecutiveErrors: row.consecutive_errors as number,
      itemsAdded: row.items_added as number,
      itemsRefused: row.items_refused as number,
      lastRefusal: (row.last_refusal as string | null) ?? null,
    },
  };
}

function queuedOf(row: Record<string, unknown>): QueuedArticle {
  return {
    id: row.id as string,
    feedUrl: row.feed_url as string,
    queuedAt: iso(row.queued_at) ?? '',
    draft: row.draft as QueuedDraft,
  };
}

/** Feed data in the database behind `pool`. */
export class PgFeedStore implements FeedStore {
  constructor(private readonly pool: pg.Pool) {}

  private async query(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
    try {
      return await this.pool.query(text, values);
    } catch (error) {
      return unavailableOr(error);
    }
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      return unavailableOr(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof Error && error.name === 'FeedStoreError') throw error;
      return unavailableOr(error);
    } finally {
      client.release();
    }
  }

  private async feedsWhere(where: string, values: unknown[]): Promise<FeedRecord[]> {
    const { rows } = await this.query(
      `SELECT ${FEED_COLUMNS} FROM feeds f JOIN feed_health h USING (url) WHERE ${where}
       ORDER BY f.added_at, f.url`,
      values,
    );
    return rows.map(feedOf);
  }

  feeds(): Promise<FeedRecord[]> {
    return this.feedsWhere('true', []);
  }

  async addFeed(feed: NewFeed): Promise<FeedRecord> {
    await this.transaction(async (client) => {
      try {
        await client.query(
          `INSERT INTO feeds (url, event, mode, interval_seconds, added_by) VALUES ($1, $2, $3, $4, $5)`,
          [feed.url, feed.event, feed.mode, feed.intervalSeconds, feed.addedBy],
        );
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw alreadyFollowed(feed.url);
        throw error;
      }
      await client.query('INSERT INTO feed_health (url) VALUES ($1)', [feed.url]);
    });
    const [record] = await this.feedsWhere('f.url = $1', [feed.url]);
    if (record === undefined)
      throw new Error(`PgFeedStore: the feed ${feed.url} vanished after it was added`);
    return record;
  }

  async removeFeed(url: string): Promise<FeedRecord | null> {
    const [feed] = await this.feedsWhere('f.url = $1', [url]);
    if (feed === undefined) return null;
    const { rowCount } = await this.query('DELETE FROM feeds WHERE url = $1', [url]);
    return rowCount === 0 ? null : feed;
  }

  async setPaused(url: string, paused: boolean): Promise<FeedRecord | null> {
    await this.query('UPDATE feeds SET paused = $2 WHERE url = $1', [url, paused]);
    return (await this.feedsWhere('f.url = $1', [url]))[0] ?? null;
  }

  async claimDue(holder: string, leaseMs: number): Promise<FeedRecord[]> {
    // Row locks make two processes' claims wait for each other; the second re-checks the lease.
    const { rows } = await this.query(
      `UPDATE feeds SET lease_holder = $1, lease_until = now() + $2 * interval '1 millisecond'
       WHERE NOT paused AND next_fetch_at <= now()
         AND (lease_until IS NULL OR lease_until < now() OR lease_holder = $1)
       RETURNING url`,
      [holder, leaseMs],
    );
    if (rows.length === 0) return [];
    return this.feedsWhere('f.url = ANY($1)', [rows.map((r) => r.url as string)]);
  }

  finishPoll(url: string, holder: string, result: PollResult): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        `UPDATE feeds SET etag = $3, last_modified = $4, seen = $5, next_fetch_at = $6,
           lease_holder = NULL, lease_until = NULL
         WHERE url = $1 AND lease_holder = $2`,
        [url, holder, result.etag, result.lastModified, JSON.stringify(result.seen), result.nextFetchAt],
      );
      if (rowCount === 0) return false;
      const h = result.health;
      await client.query(
        `UPDATE feed_health SET last_fetch_at = $2, last_new_item_at = $3, last_error = $4,
           consecutive_errors = $5, items_added = $6, items_refused = $7, last_refusal = $8 WHERE url = $1`,
        [url, ...healthValues(h)],
      );
      // The health row follows the address (ON UPDATE CASCADE); an address followed already stays.
      if (result.movedTo && result.movedTo !== url)
        await client.query(
          `UPDATE feeds SET url = $2 WHERE url = $1 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = $2)`,
          [url, result.movedTo],
        );
      return true;
    });
  }

  enqueue(
    article: Pick<QueuedArticle, 'feedUrl' | 'draft'>,
    max: number,
  ): Promise<QueuedArticle | 'queued-already' | 'full'> {
    return this.transaction(async (client): Promise<QueuedArticle | 'queued-already' | 'full'> => {
      // One enqueue at a time, so the count below stays true until the insert.
      await client.query('LOCK TABLE review_queue IN SHARE ROW EXCLUSIVE MODE');
      const waiting = await client.query('SELECT item_url FROM review_queue WHERE item_url = $1', [
        article.draft.url ?? '',
      ]);
      if (waiting.rowCount !== 0) return 'queued-already';
      const count = await client.query('SELECT count(*)::int AS n FROM review_queue');
      if ((count.rows[0]?.n as number) >= max) return 'full';
      const { rows } = await client.query(
        `INSERT INTO review_queue (id, feed_url, item_url, draft) VALUES ($1, $2, $3, $4)
         RETURNING id, feed_url, queued_at, draft`,
        [
          randomUUID().slice(0, 12),
          article.feedUrl,
          article.draft.url ?? randomUUID(),
          JSON.stringify(article.draft),
        ],
      );
      return queuedOf(rows[0] as Record<string, unknown>);
    });
  }

  async queue(): Promise<QueuedArticle[]> {
    const { rows } = await this.query('SELECT id, feed_url, queued_at, draft FROM review_queue ORDER BY seq');
    return rows.map(queuedOf);
  }

  async setQueuedEvent(id: string, event: string): Promise<QueuedArticle | null> {
    const { rows } = await this.query(
      `UPDATE review_queue SET draft = jsonb_set(draft, '{event}', to_jsonb($2::text)) WHERE id = $1
       RETURNING id, feed_url, queued_at, draft`,
      [id, event],
    );
    return rows[0] ? queuedOf(rows[0]) : null;
  }

  async dequeue(id: string): Promise<QueuedArticle | null> {
    const { rows } = await this.query(
      'DELETE FROM review_queue WHERE id = $1 RETURNING id, feed_url, queued_at, draft',
      [id],
    );
    return rows[0] ? queuedOf(rows[0]) : null;
  }

  async recordAlsoReported(entry: Omit<AlsoReported, 'at'>): Promise<void> {
    await this.query(
      `INSERT INTO also_reported (article, url, title, source, date, feed_url) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (article, url) DO NOTHING`,
      [entry.article, entry.url, entry.title, entry.source, entry.date, entry.feedUrl],
    );
  }

  alsoReported(article: string): Promise<AlsoReported[]> {
    return this.alsoReportedOf([article]);
  }

  async alsoReportedOf(articles: readonly string[] | null): Promise<AlsoReported[]> {
    const { rows } = await this.query(
      `SELECT article, url, title, source, date, feed_url, at FROM also_reported
       WHERE $1::text[] IS NULL OR article = ANY($1) ORDER BY seq`,
      [articles === null ? null : [...articles]],
    );
    return rows.map((r) => ({
      article: r.article as string,
      url: r.url as string,
      title: r.title as string | null,
      source: r.source as string | null,
      date: r.date as string | null,
      feedUrl: r.feed_url as string | null,
      at: iso(r.at) ?? '',
    }));
  }

  async claimDigest(
    holder: string,
    dueSince: string,
    leaseMs: number,
  ): Promise<{ lastSentAt: string | null } | null> {
    // One conditional UPDATE: the row lock makes a second claimer re-check the lease it waited for.
    const { rows } = await this.query(
      `UPDATE feed_digest d SET lease_holder = $1, lease_until = now() + $3 * interval '1 millisecond'
       FROM (SELECT last_sent_at AS before FROM feed_digest WHERE id = 1) b
       WHERE d.id = 1 AND (d.last_sent_at IS NULL OR d.last_sent_at < $2)
         AND (d.lease_until IS NULL OR d.lease_until < now() OR d.lease_holder = $1)
       RETURNING b.before`,
      [holder, dueSince, leaseMs],
    );
    return rows[0] ? { lastSentAt: iso(rows[0].before) } : null;
  }

  async finishDigest(holder: string, sentAt: string | null): Promise<boolean> {
    const { rowCount } = await this.query(
      `UPDATE feed_digest SET last_sent_at = COALESCE($2, last_sent_at), lease_holder = NULL, lease_until = NULL
       WHERE id = 1 AND lease_holder = $1`,
      [holder, sentAt],
    );
    return rowCount === 1;
  }

  async snapshot(): Promise<FeedsSnapshot> {
    return {
      feeds: await this.feeds(),
      queue: await this.queue(),
      alsoReported: await this.alsoReportedOf(null),
    };
  }

  replaceAll(snapshot: FeedsSnapshot): Promise<void> {
    return this.transaction(async (client) => {
      await client.query('DELETE FROM feeds');
      await client.query('DELETE FROM review_queue');
      await client.query('DELETE FROM also_reported');
      for (const f of snapshot.feeds) {
        await client.query(
          `INSERT INTO feeds (url, event, mode, interval_seconds, paused, added_by, added_at, etag,
             last_modified, seen, next_fetch_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            f.url,
            f.event,
            f.mode,
            f.intervalSeconds,
            f.paused,
            f.addedBy,
            f.addedAt,
            f.etag,
            f.lastModified,
            JSON.stringify(f.seen),
            f.nextFetchAt,
          ],
        );
        const h = f.health;
        await client.query(
          `INSERT INTO feed_health (url, last_fetch_at, last_new_item_at, last_error, consecutive_errors,
             items_added, items_refused, last_refusal) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [f.url, ...healthValues(h)],
        );
      }
      for (const q of snapshot.queue)
        await client.query(
          'INSERT INTO review_queue (id, feed_url, item_url, queued_at, draft) VALUES ($1, $2, $3, $4, $5)',
          [q.id, q.feedUrl, q.draft.url ?? q.id, q.queuedAt, JSON.stringify(q.draft)],
        );
      for (const r of snapshot.alsoReported)
        await client.query(
          `INSERT INTO also_reported (article, url, title, source, date, feed_url, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (article, url) DO NOTHING`,
          [r.article, r.url, r.title, r.source, r.date, r.feedUrl, r.at],
        );
    });
  }

  async audit(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    await this.query(
      'INSERT INTO audit_log (at, user_id, user_name, action, file, detail, line) VALUES (now(), $1, $2, $3, $4, $5, $6)',
      [entry.userId, entry.userName, entry.action, entry.file, entry.detail, auditLine(entry)],
    );
  }
}

/** A feed's health as the feed_health columns after its url, in their order. */
function healthValues(h: FeedHealth): unknown[] {
  return [
    h.lastFetchAt,
    h.lastNewItemAt,
    h.lastError,
    h.consecutiveErrors,
    h.itemsAdded,
    h.itemsRefused,
    h.lastRefusal,
  ];
}
