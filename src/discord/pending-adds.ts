/** Articles previewed but not yet confirmed: kept in memory for a while, for the moderator who asked. */
import { randomBytes } from 'node:crypto';
import type { ArticleDraft } from '../curation/draft.ts';

/** How long a preview can be confirmed. */
export const PENDING_TTL_MS = 15 * 60_000;

interface Pending {
  draft: ArticleDraft;
  userId: string;
  expires: number;
}

export class PendingAdds {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps `draft` for `userId`; returns the id the Confirm and Cancel buttons carry. */
  put(draft: ArticleDraft, userId: string): string {
    const now = this.now();
    for (const [id, p] of this.pending) if (p.expires < now) this.pending.delete(id);
    const id = randomBytes(6).toString('hex');
    this.pending.set(id, { draft, userId, expires: now + PENDING_TTL_MS });
    return id;
  }

  /** Takes the draft out (once), or null when unknown, expired, or previewed by someone else. */
  take(id: string, userId: string): ArticleDraft | null {
    const p = this.pending.get(id);
    if (!p || p.userId !== userId || p.expires < this.now()) return null;
    this.pending.delete(id);
    return p.draft;
  }
}
