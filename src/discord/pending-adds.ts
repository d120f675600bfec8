/**
 * Articles previewed but not yet confirmed: kept in memory for a while, for the moderator who
 * asked, a few per moderator and a bounded number in all; expired ones are swept on a timer.
 */
import { randomBytes } from 'node:crypto';
import type { ArticleDraft } from '../curation/draft.ts';

/** How long a preview can be confirmed. */
export const PENDING_TTL_MS = 15 * 60_000;

/** Previews one moderator may keep awaiting Confirm. */
export const PENDING_PER_MEMBER_MAX = 5;

/** Previews the bot keeps awaiting Confirm, all moderators together (each holds a whole article). */
export const PENDING_TOTAL_MAX = 200;

/** How often expired previews are dropped. */
export const PENDING_SWEEP_MS = 60_000;

/** A preview could not be kept: the sentence says what the moderator can do. */
export class PendingLimitError extends Error {
  override name = 'PendingLimitError';
}

interface Pending {
  draft: ArticleDraft;
  userId: string;
  expires: number;
}

export interface PendingLimits {
  /** Previews one moderator may keep (default PENDING_PER_MEMBER_MAX). */
  perMember: number;
  /** Previews kept in all (default PENDING_TOTAL_MAX). */
  total: number;
}

export class PendingAdds {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => number;
  private readonly limits: PendingLimits;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: Partial<PendingLimits> & { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
    this.limits = {
      perMember: options.perMember ?? PENDING_PER_MEMBER_MAX,
      total: options.total ?? PENDING_TOTAL_MAX,
    };
  }

  /** Previews kept now (expired ones until the next sweep). */
  get size(): number {
    return this.pending.size;
  }

  /** Null when `userId` may keep one more preview, else the sentence saying why not and what to do. */
  room(userId: string): string | null {
    this.sweep();
    let mine = 0;
    for (const p of this.pending.values()) if (p.userId === userId) mine += 1;
    if (mine >= this.limits.perMember)
      return `You have ${mine} previews awaiting Confirm; confirm or cancel one (or let it expire after ${PENDING_TTL_MS / 60_000} minutes) before adding another.`;
    if (this.pending.size >= this.limits.total)
      return 'The bot holds too many previews awaiting Confirm right now; please try again in a few minutes.';
    return null;
  }

  /**
   * Keeps `draft` for `userId`; returns the id the Confirm and Cancel buttons carry. Throws
   * PendingLimitError when `room` refuses.
   */
  put(draft: ArticleDraft, userId: string): string {
    const full = this.room(userId);
    if (full !== null) throw new PendingLimitError(full);
    const id = randomBytes(6).toString('hex');
    this.pending.set(id, { draft, userId, expires: this.now() + PENDING_TTL_MS });
    return id;
  }

  /** Takes the draft out (once), or null when unknown, expired, or previewed by someone else. */
  take(id: string, userId: string): ArticleDraft | null {
    const p = this.pending.get(id);
    if (!p || p.userId !== userId || p.expires < this.now()) return null;
    this.pending.delete(id);
    return p.draft;
  }

  /** Drops the expired previews. */
  sweep(): void {
    const now = this.now();
    for (const [id, p] of this.pending) if (p.expires < now) this.pending.delete(id);
  }

  /** Sweeps every `intervalMs` until `stop`; the timer never keeps the process alive. */
  startSweeping(intervalMs = PENDING_SWEEP_MS): void {
    this.stop();
    this.timer = setInterval(() => this.sweep(), intervalMs);
    this.timer.unref();
  }

  /** Stops the sweeping timer. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
