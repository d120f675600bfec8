/**
 * The no-answer rule: the coverage answers a question only when its best passage matches enough of
 * the question's weight. Weight is IDF; a term no passage contains weighs a share of what the rarest
 * term could, so questions about things the coverage never mentions score low.
 */

/**
 * Minimum share of the question's IDF weight that the best passage must contain. Calibrated with
 * `npx tsx scripts/calibrate-no-answer.ts`: SQuAD v1.1 dev questions against the dev paragraphs
 * (answerable) and SQuAD train questions against the same paragraphs (not answerable, since the
 * splits share no article). At 0.5, 6.8% of 3,000 answerable questions are refused and 24.8% of
 * 3,000 unanswerable ones still get an answer (their words do occur in encyclopaedic text); 0.55
 * balances the two errors best (10.7% / 17.0%) but refuses more real questions, which a member
 * feels more than an excerpt that does not quite answer.
 */
export const MIN_QUERY_COVERAGE = 0.5;

/**
 * A query term no passage contains, from a word that is not a common English word, weighs this
 * share of the largest possible IDF: all of it, as the rarest term could. Such words are mostly
 * what the question is about ("North Korea", "Pyongyang"). Calibrated on SQuAD (see
 * MIN_QUERY_COVERAGE) once common words had their own weight: at 0.5, 5.8% of answerable questions
 * were refused and 33.1% of unanswerable ones answered; at 1, 6.8% and 24.8%.
 */
export const UNKNOWN_TERM_WEIGHT = 1;

/**
 * A query term no passage contains that comes from a common English word ("start", "anything",
 * "happened"; see common-words.ts) weighs this share of the largest possible IDF instead: such
 * words frame a question ("When did the ceasefire start?") more often than they name what it is
 * about, and at a name's weight they outweighed the words the coverage does hold. On the seed
 * corpus, a quarter answers all of 9 natural questions about the talks (half refused 3 of them,
 * the full weight 5), and none of 11 questions off its subject; on SQuAD (whose 2,067 paragraphs
 * hold most common words) the calibration moves by at most 0.4 point for shares from 0.15 to 1.
 */
export const UNKNOWN_COMMON_WORD_WEIGHT = 0.25;

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
 * Distinct question terms the best passage must match (at most all of them). Requiring two would
 * refuse "What is the capital of France?", whose one rare word in common ("capital") is a
 * coincidence, and on SQuAD it balances slightly better (3,000 questions each way, at coverage 0.5:
 * 7.8% refused and 23.4% wrongly answered, against 6.8% and 24.8%). But news questions are often
 * framed by a verb the answering passage does not use ("What happened in Darayya?", "What was
 * agreed about Aleppo?"), and those it refuses; a refused real question costs a member more than a
 * quote that does not quite answer, so one is enough. The calibration script prints both.
 */
export const MIN_MATCHED_TERMS = 1;

/** True when a best passage matching this much of the question does not answer it. */
export function isNoAnswer(
  match: QueryMatch,
  threshold = MIN_QUERY_COVERAGE,
  minMatchedTerms = MIN_MATCHED_TERMS,
): boolean {
  return match.coverage < threshold || match.matchedTerms < Math.min(minMatchedTerms, match.questionTerms);
}
