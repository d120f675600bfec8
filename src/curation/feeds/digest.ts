/**
 * The daily feed digest: what feeds added and what waits for review in the last day, handed to
 * `send` (the bot posts it in a channel) once per day by exactly one of the processes sharing the
 * store, which leases it as a poller leases a feed.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log.ts';
import type { AuditEntry } from '../../store/audit-log.ts';
import type { FeedStore, QueuedArticle } from '../../store/feed-store.ts';
import { type DayTime, DIGEST_PERIOD_MS, digestDueSince } from './digest-schedule.ts';

/** What one digest tells: the articles feeds added since `since` (oldest first) and all that wait. */
export interface DigestContents {
  since: string;
  added: AuditEntry[];
  waiting: QueuedArticle[];
}

/** When the digest is sent, and how often the runner looks. */
export interface DigestSettings {
  /** The time of day (UTC) to send it, or null: every 24 h. */
  at: DayTime | null;
  /** How often to check whether it is due (default a minute). */
  tickMs: number;
}

/** What one look did. `empty`: due, but nothing to tell (nothing is sent; the day counts as done). */
export type DigestOutcome = 'sent' | 'empty' | 'not-due' | 'failed';

/** Audit entries read back to find the day's additions: more than feeds add in a day. */
const HISTORY_READ = 2000;
/** How long the lease lasts: longer than reading the day and sending one message takes. */
const LEASE_MS = 120_000;

/** Sends the daily digest when due, on a timer, until stopped. */
export class FeedDigest {
  readonly holder = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  /** The look under way, if any: `stop` waits for it, so nothing is written after. */
  private looking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: FeedStore,
    private readonly history: (count: number) => Promise<AuditEntry[]>,
    private readonly send: (digest: DigestContents) => Promise<void>,
    private readonly settings: DigestSettings,
    private readonly logger: Logger,
  ) {}

  /** Starts looking on the timer (a first look at once). */
  start(): void {
    const look = () => {
      this.looking = this.sendIfDue().finally(() => {
        if (this.timer === null) return;
        this.timer = setTimeout(look, this.settings.tickMs);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(look, 0);
    this.timer.unref();
  }

  /** Stops looking; resolves once a look under way has finished writing to the store. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.looking;
  }

  /**
   * Sends the digest if it is due at `now` and this runner could lease it; a failed send is
   * logged and leaves it due, for the next look (by any process). Never throws.
   */
  async sendIfDue(now = new Date()): Promise<DigestOutcome> {
    let claim: Awaited<ReturnType<FeedStore['claimDigest']>>;
    try {
      claim = await this.store.claimDigest(
        this.holder,
        digestDueSince(now, this.settings.at).toISOString(),
        LEASE_MS,
      );
    } catch (error) {
      this.logger.warn('feed digest: could not read whether it is due', { error });
      return 'failed';
    }
    if (claim === null) return 'not-due';
    try {
      const dayAgo = new Date(now.getTime() - DIGEST_PERIOD_MS).toISOString();
      const since = claim.lastSentAt !== null && claim.lastSentAt > dayAgo ? claim.lastSentAt : dayAgo;
      const added = (await this.history(HISTORY_READ))
        .filter((e) => e.action === 'add' && e.feed !== undefined && e.at >= since)
        .reverse();
      const waiting = await this.store.queue();
      const empty = added.length === 0 && waiting.length === 0;
      if (!empty) await this.send({ since, added, waiting });
      await this.store.finishDigest(this.holder, now.toISOString());
      return empty ? 'empty' : 'sent';
    } catch (error) {
      this.logger.warn('feed digest not sent; it is tried again', { error });
      await this.store.finishDigest(this.holder, null).catch(() => undefined);
      return 'failed';
    }
  }
}
