/** A per-member limit on questions: at most N in a sliding window. */

/** Remembers when each member asked, to refuse the question past the limit. */
export class RateLimiter {
  private readonly asked = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a question by `memberId` and returns 0 when it is allowed, or the seconds to wait
   * when the member has reached the limit (the refused question is not recorded).
   */
  take(memberId: string): number {
    const now = this.now();
    const recent = (this.asked.get(memberId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.asked.set(memberId, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.asked.set(memberId, recent);
    if (this.asked.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [id, times] of this.asked)
      if (times.every((t) => now - t >= this.windowMs)) this.asked.delete(id);
  }
}
