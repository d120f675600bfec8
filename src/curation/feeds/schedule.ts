/**
 * When a feed is fetched next: its interval, spread by a little jitter so that feeds added
 * together do not fetch together, and after failures an exponential backoff with a cap, so a
 * feed that is down costs little and is tried again within hours at most.
 */

/** Share of the interval a fetch may move earlier or later (±10 %). */
export const FEED_JITTER = 0.1;

/** The longest wait after failures (6 hours), unless the feed's own interval is longer. */
export const FEED_BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** Failures in a row beyond which the wait stops doubling (2^10 intervals). */
const BACKOFF_DOUBLINGS_MAX = 10;

/**
 * Milliseconds until the next fetch of a feed polled every `intervalMs`, after
 * `consecutiveErrors` failures in a row (0: the last fetch went through): the interval doubled
 * once per failure, capped at max(FEED_BACKOFF_MAX_MS, intervalMs), then moved by up to
 * FEED_JITTER either way. `random` gives a number in [0, 1).
 */
export function nextFetchDelayMs(
  intervalMs: number,
  consecutiveErrors: number,
  random: () => number = Math.random,
): number {
  const doublings = Math.min(Math.max(0, consecutiveErrors), BACKOFF_DOUBLINGS_MAX);
  const base = Math.min(intervalMs * 2 ** doublings, Math.max(FEED_BACKOFF_MAX_MS, intervalMs));
  return Math.round(base * (1 + FEED_JITTER * (2 * random() - 1)));
}
