/**
 * Re-ranking of the BM25F candidates by a linear model learned on SQuAD train
 * (`npx tsx scripts/fit-rerank.ts`, weights in rerank-model.json): a passage's score is its BM25F
 * score, times coordination as configured, times exp(Σ weight × feature). The model decides how
 * much proximity, sentence and title matching and the kind of answer asked add; scores keep
 * BM25F's scale. Its weights are never negative but for length, so it cannot undo coordination.
 */
import type { AnswerType } from '../question/answer-type.ts';
import model from './rerank-model.json' with { type: 'json' };

/** The features of one candidate passage, in the order of a model's weights. */
export const RERANK_FEATURES = [
  /** Share of the question's topic weight (IDF) the passage's own text holds. */
  'weight share',
  /** Share of the question's adjacent term pairs held adjacent in one sentence (0 with no pairs). */
  'pairs',
  /** Share of the topic weight its best single sentence holds. */
  'sentence share',
  /** Share of the topic weight its article's title holds. */
  'title share',
  /** log(1 + its number of index terms). */
  'log length',
  /** 1 when its text holds every distinct topic term. */
  'all terms',
  /** Share of the topic weight its whole article's text holds. */
  'article share',
  /** Most distinct topic terms one of its sentences holds, as a share of the question's. */
  'sentence coordination',
  /** Share of the question's adjacent term pairs some sentence of its article holds. */
  'article pairs',
  /** 1 when the question asks "when…" (see question/answer-type.ts) and its best sentence holds a date or time. */
  'asks a time: best sentence holds one',
  /** 1 when the question asks "how many…" and its best sentence holds a number or amount. */
  'asks a number: best sentence holds one',
  /** 1 when the question asks "where…" and its best sentence names a place the question lacks. */
  'asks a place: best sentence names one',
] as const;

/** Number of features per candidate. */
export const RERANK_FEATURE_COUNT = RERANK_FEATURES.length;

/** A re-ranking model: one weight per feature of RERANK_FEATURES. */
export interface RerankModel {
  features: readonly string[];
  weights: readonly number[];
}

/** Thrown when a re-ranking model does not fit RERANK_FEATURES. */
export class RerankModelError extends Error {
  constructor(message: string) {
    super(`rerank: ${message}`);
    this.name = 'RerankModelError';
  }
}

/**
 * The model's weights as a typed array, after checking that it names RERANK_FEATURES in order;
 * throws RerankModelError (saying to re-run scripts/fit-rerank.ts) when it does not.
 */
export function rerankWeights(m: RerankModel): Float64Array {
  const same =
    m.features.length === RERANK_FEATURE_COUNT &&
    m.weights.length === RERANK_FEATURE_COUNT &&
    RERANK_FEATURES.every((name, i) => m.features[i] === name) &&
    m.weights.every(Number.isFinite);
  if (!same)
    throw new RerankModelError(
      `the model's features (${m.features.join(', ')}) are not ${RERANK_FEATURES.join(', ')} with finite weights: re-run npx tsx scripts/fit-rerank.ts`,
    );
  return Float64Array.from(m.weights);
}

/** The committed model (rerank-model.json). */
export const DEFAULT_RERANK_MODEL: RerankModel = model;

/**
 * Index in RERANK_FEATURES of the feature of each answer type, -1 for none: a person's (a name the
 * question lacks) gained nothing on SQuAD train (bench/results.md), so "who" weighs no feature.
 */
export const TYPE_FEATURE: Readonly<Record<NonNullable<AnswerType>, number>> = {
  time: RERANK_FEATURES.indexOf('asks a time: best sentence holds one'),
  number: RERANK_FEATURES.indexOf('asks a number: best sentence holds one'),
  person: -1,
  place: RERANK_FEATURES.indexOf('asks a place: best sentence names one'),
};

/**
 * The factor a candidate's BM25F score is multiplied by: exp of the weighted sum of its features,
 * read from `features` at `at` (RERANK_FEATURE_COUNT values).
 */
export function rerankFactor(weights: Float64Array, features: Float64Array, at: number): number {
  let sum = 0;
  for (let j = 0; j < RERANK_FEATURE_COUNT; j++) sum += (weights[j] as number) * (features[at + j] as number);
  return Math.exp(sum);
}
