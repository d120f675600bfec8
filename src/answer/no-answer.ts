/**
 * The no-answer decision: does the best passage answer the question, or should the bot say the
 * coverage does not? A logistic model over a handful of features of the question and its best
 * passage, trained by `npm run calibrate` on public data (SQuAD) and kept in no-answer-model.json.
 */
import model from './no-answer-model.json' with { type: 'json' };

/**
 * A term no passage contains weighs this share of the largest possible IDF when the word is not a
 * common English word (mostly what the question is about: "Pyongyang"), and the common-word share
 * when it is ("start", "happened"), since such words frame a question as often as they name it;
 * a common noun ("election") lies between: it names a subject more often than it frames one.
 */
export const UNKNOWN_TERM_WEIGHT = 1;
export const UNKNOWN_COMMON_WORD_WEIGHT = 0.25;
export const UNKNOWN_COMMON_NOUN_WEIGHT = 0.5;

/** How much of a question the best passage matches: what the decision reads. */
export interface QueryMatch {
  /** Share of the question's topic weight the passage (its title counts) contains, 0 to 1. */
  coverage: number;
  /** Distinct topic terms found in the passage. */
  matchedTerms: number;
  /** Distinct topic terms of the question. */
  questionTerms: number;
  /** Topic weight not matched, in the same units. */
  missingWeight: number;
  /** Topic words no passage contains that are not common English words (names, mostly). */
  unknownNames: number;
  /** Share of the topic weight the passage's best single sentence contains, with the title. */
  sentenceCoverage: number;
  /** Multiword names of the question ("World Cup") the passage does not hold as a phrase. */
  missingPhrases: number;
  /** Distinct topic terms the index holds at all: an off-topic question names what it never mentions. */
  knownTerms: number;
  /** Share of the topic weight the index holds at all, itself or in other words ("death": "killed"). */
  knownShare: number;
  /** Largest weight of a topic term the passage (with its title) lacks, in the same units. */
  largestMissing: number;
  /** The passage's score over the best passage of another article (1 when there is none), at least 1. */
  margin: number;
  /** Share of the question's adjacent term pairs the passage holds adjacent (0 with no pairs). */
  pairShare: number;
  /** Nouns of the role a "Who is the president of …?" question asks about that the passage lacks. */
  missingRoles: number;
  /** The question asks for a number ("How many…", "How old…") and the passage holds none. */
  missingNumber: boolean;
}

/** The model's inputs, in the order of its weights. */
export const FEATURE_NAMES = [
  'coverage',
  'matched share of terms',
  'missing weight',
  'unknown names',
  'sentence coverage',
  'one topic term',
  'names missing as phrases',
  'share of topic weight the index holds',
  'largest missing weight',
  'log margin over the next article',
  'pairs held',
] as const;

/** The feature vector of a match (see FEATURE_NAMES). */
export function noAnswerFeatures(m: QueryMatch): number[] {
  return [
    m.coverage,
    m.questionTerms === 0 ? 0 : m.matchedTerms / m.questionTerms,
    Math.min(3, m.missingWeight),
    Math.min(3, m.unknownNames),
    m.sentenceCoverage,
    m.questionTerms === 1 ? 1 : 0,
    Math.min(2, m.missingPhrases),
    m.knownShare,
    Math.min(2, m.largestMissing),
    Math.min(2, Math.log(Math.max(1, m.margin))),
    m.pairShare,
  ];
}

/**
 * A logistic model: P(answered) = σ(bias + Σ weights·features); refuse below `threshold`. A
 * feature past the end of `weights` weighs 0, so a model fitted on fewer features reads the same.
 */
export interface NoAnswerModel {
  bias: number;
  weights: number[];
  threshold: number;
}

/** The committed model (see scripts/calibrate-no-answer.ts). */
export const NO_ANSWER_MODEL: NoAnswerModel = model;

/** The model's probability that the best passage answers the question. */
export function answerProbability(m: QueryMatch, params: NoAnswerModel = NO_ANSWER_MODEL): number {
  const f = noAnswerFeatures(m);
  let z = params.bias;
  for (let i = 0; i < f.length; i++) z += (params.weights[i] ?? 0) * (f[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** True when a best passage matching this much of the question does not answer it. */
export function isNoAnswer(m: QueryMatch, params: NoAnswerModel = NO_ANSWER_MODEL): boolean {
  // A passage not naming the role asked about does not say who holds it (see question/role.ts).
  if (m.matchedTerms === 0 || m.missingRoles > 0) return true;
  // Asked "how many" or "how old", a passage with no number that lacks some of the question's
  // words is about its names, not what it asks of them ("How old is Sergei Lavrov?").
  if (m.missingNumber && m.coverage < 1 - 1e-9) return true;
  return answerProbability(m, params) < params.threshold;
}
