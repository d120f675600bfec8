/** When the daily feed digest is due: once a day at a time of day (UTC), or 24 h after the last. */

/** A time of day, in UTC. */
export interface DayTime {
  hour: number;
  minute: number;
}

/** A day: the digest covers at most this much, and is sent at most this often. */
export const DIGEST_PERIOD_MS = 86_400_000;

/**
 * The moment since which a digest must have been sent, or one is due: the last `at` (UTC) at or
 * before `now`; with no `at`, a day before `now` (so a digest follows the last by 24 h).
 */
export function digestDueSince(now: Date, at: DayTime | null): Date {
  if (at === null) return new Date(now.getTime() - DIGEST_PERIOD_MS);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), at.hour, at.minute);
  return new Date(today <= now.getTime() ? today : today - DIGEST_PERIOD_MS);
}
