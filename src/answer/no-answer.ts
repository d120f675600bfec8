/**
 * The no-answer rule: the coverage answers a question only when its best passage matches enough of
 * the question's weight. Weight is IDF; a term no passage contains weighs as much as the rarest
 * term could, so questions about things the coverage never mentions score low.
 */

/**
 * Minimum share of the question's IDF weight that the best passage must contain. Calibrated with
 * `npx tsx scripts/calibrate-no-answer.ts`: SQuAD v1.1 dev questions against the dev paragraphs
 * (answerable) and SQuAD train questions against the same paragraphs (not answerable, since the
 * splits share no article). At 0.5, 5.8% of answerable questions are refused and 32.7% of the
 * unanswerable ones still get an answer (their words do occur in encyclopaedic text); 0.55 balances
 * the two errors best (9.5% / 22%) but refuses more real questions, which a member feels more.
 */
export const MIN_QUERY_COVERAGE = 0.5;

/**
 * A query term no passage contains weighs this share of the largest possible IDF. Such terms are
 * often what the question is about ("North Korea"), but also plain words the small corpus happens
 * not to use ("besides", "exactly"); half the maximum scored the same balanced accuracy on SQuAD
 * as the full maximum while refusing fewer answerable questions.
 */
export const UNKNOWN_TERM_WEIGHT = 0.5;

/** Share of the total weight of `queryWeights` carried by the terms in `matched` (0 when empty). */
export function queryCoverage(queryWeights: Map<string, number>, matched: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const [term, weight] of queryWeights) {
    total += weight;
    if (matched.has(term)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/** True when a best passage with this coverage does not answer the question. */
export function isNoAnswer(coverage: number, threshold = MIN_QUERY_COVERAGE): boolean {
  return coverage < threshold;
}
