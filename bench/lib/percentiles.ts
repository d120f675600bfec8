/** Latency summaries: nearest-rank percentiles and throughput. */

/**
 * The nearest-rank `p`-th percentile (0 < p ≤ 1) of `sorted`, which must be in ascending order:
 * the smallest value with at least p·n of the values at or below it. NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

/** A summary of durations in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Operations per second if run back to back: count ÷ total time. */
  perSecond: number;
}

/** Summarises durations (ms, any order; the input is not modified): p50/p95/p99/max and rate. */
export function summariseLatencies(durationsMs: readonly number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
    perSecond: total > 0 ? sorted.length / (total / 1000) : Number.NaN,
  };
}
