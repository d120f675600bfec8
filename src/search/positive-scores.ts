/**
 * Summing BM25F weights into per-passage scores when every weight is positive: a passage is new
 * exactly when its score is still 0, so no array of flags is read or written per posting, and the
 * loop for the common case (no filter, full weight) has no branch but that one.
 */

/** Whether every weight is above 0 (so a score of 0 means "not yet scored"). */
export function allPositive(weights: Float64Array): boolean {
  for (let i = 0; i < weights.length; i++) if (!((weights[i] as number) > 0)) return false;
  return true;
}

/** Whether each of a query's `count` term weights (all 1 when null, a missing one 1) is above 0. */
export function positiveFactors(termWeights: ArrayLike<number> | null, count: number): boolean {
  if (termWeights === null) return true;
  for (let q = 0; q < count; q++) if (!((termWeights[q] ?? 1) > 0)) return false;
  return true;
}

/**
 * Adds `factor` × each weight of postings [from, to) to its passage's score, as
 * `factor * w + score` (or `w + score` for a factor of 1), skipping passages `allowed` does not
 * flag 1; appends each passage scored for the first time to `touched`. Weights and `factor` must
 * be positive and `scores` 0 for every passage not in `touched`. Returns the new touched count.
 */
export function addPositive(
  passages: Int32Array,
  weights: Float64Array,
  from: number,
  to: number,
  factor: number,
  allowed: Uint8Array | null,
  scores: Float64Array,
  touched: Int32Array,
  touchedCount: number,
): number {
  let n = touchedCount;
  if (allowed === null && factor === 1) {
    for (let i = from; i < to; i++) {
      const p = passages[i] as number;
      const s = scores[p] as number;
      if (s === 0) touched[n++] = p;
      scores[p] = (weights[i] as number) + s;
    }
    return n;
  }
  for (let i = from; i < to; i++) {
    const p = passages[i] as number;
    if (allowed !== null && allowed[p] !== 1) continue;
    const s = scores[p] as number;
    if (s === 0) touched[n++] = p;
    scores[p] = (factor === 1 ? (weights[i] as number) : factor * (weights[i] as number)) + s;
  }
  return n;
}
