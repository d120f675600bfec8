/**
 * The no-answer rule: the coverage answers a question only when its best passage matches enough of
 * the question's weight. Weight is IDF; a term no passage contains weighs as much as the rarest
 * term could, so questions about things the coverage never mentions score low.
 */

/**
 * Minimum share of the question's IDF weight that the best passage must contain. Calibrated with
 * `npx tsx scripts/calibrate-no-answer.ts`: SQuAD v1.1 dev questions against the dev paragraphs
 * (answerable) and SQuAD train questions against the same paragraphs (not answerable, since the
 * splits share no article). At 0.5 (with MIN_MATCHED_TERMS), 6.9% of 3,000 answerable questions
 * are refused and 30.8% of 3,000 unanswerable ones still get an answer (their words do occur in
 * encyclopaedic text); 0.6 balances the two errors best (15.4% / 15.1%) but refuses more real
 * questions, which a member feels more than an excerpt that does not quite answer.
 */
export const MIN_QUERY_COVERAGE = 0.5;

/**
 * A query term no passage contains weighs this share of the largest possible IDF. Such terms are
 * often what the question is about ("North Korea"), but also plain words the small corpus happens
 * not to use ("besides", "exactly"); half the maximum scored the same balanced accuracy on SQuAD
 * as the full maximum while refusing fewer answerable questions.
 */
export const UNKNOWN_TERM_WEIGHT = 0.5;

/** How much of a question the best passage matches. */
export interface QueryMatch {
  /** Share of the question's weight the passage contains, 0 to 1. */
  coverage: number;
  /** Distinct question terms found in the passage (its title counts). */
  matchedTerms: number;
  /** Distinct terms of the question. */
  questionTerms: number;
}

/**
 * A question of two or more distinct terms is answered only by a passage that matches at least
 * this many of them: one rare word in common ("capital" in "What is the capital of France?") is a
 * coincidence, not an answer. Measured with the calibration script (3,000 questions each way): at
 * coverage 0.5 it refuses 1.1 points more answerable questions (6.9% against 5.8%) and answers
 * 2.2 points fewer unanswerable ones (30.8% against 33.0%), the better balance of the two.
 */
export const MIN_MATCHED_TERMS = 2;

/** True when a best passage matching this much of the question does not answer it. */
export function isNoAnswer(
  match: QueryMatch,
  threshold = MIN_QUERY_COVERAGE,
  minMatchedTerms = MIN_MATCHED_TERMS,
): boolean {
  return match.coverage < threshold || match.matchedTerms < Math.min(minMatchedTerms, match.questionTerms);
}
