/**
 * How much of a prepared question a passage matches: the counts ranking re-scores by, excerpt
 * choice weighs sentences by, and the no-answer rule judges (see no-answer.ts).
 */
import { type EngineState, passageAt } from './engine-state.ts';
import type { QueryMatch } from './no-answer.ts';
import { holdsPhrase } from './phrases.ts';
import type { Query } from './query.ts';
import type { QueryMatcher } from './query-matches.ts';

/** What a question with no terms, or no passage to match, matches. */
export const NOTHING_MATCHED: QueryMatch = {
  coverage: 0,
  matchedTerms: 0,
  questionTerms: 0,
  missingWeight: 0,
  unknownNames: 0,
  sentenceCoverage: 0,
  missingPhrases: 0,
};

/**
 * Counts the query terms of sentences [first, last] of an article in the state's matcher, and
 * returns it (read it before the next count).
 */
export function matchSentences(
  state: EngineState,
  article: number,
  first: number,
  last: number,
  query: Query,
): QueryMatcher {
  const base = state.sentenceBase[article] ?? 0;
  state.matcher.begin(query.number);
  state.matcher.addRows(state.sentenceTerms, base + first, base + last + 1);
  return state.matcher;
}

/** How much of the query the passage's title and text match (see no-answer.ts). */
export function matchOf(state: EngineState, passage: number, query: Query): QueryMatch {
  const p = passageAt(state, passage);
  const title = state.titleRow[p.article] as number;
  const matched = matchSentences(state, p.article, p.firstSentence, p.lastSentence, query);
  matched.addRows(state.titleTerms, title, title + 1);
  const matchedWeight = matched.weight;
  const matchedTerms = matched.count;
  let total = 0;
  for (const weight of query.weights.values()) total += weight;
  // The best single sentence with the title, which every passage of the article shares.
  let bestSentence = 0;
  for (let i = p.firstSentence; i <= p.lastSentence; i++) {
    const sentence = matchSentences(state, p.article, i, i, query);
    sentence.addRows(state.titleTerms, title, title + 1);
    bestSentence = Math.max(bestSentence, sentence.weight);
  }
  const unit = state.index.maxIdf(state.config.k);
  const base = state.sentenceBase[p.article] ?? 0;
  const missingPhrases = query.phrases.filter(
    (phrase) =>
      !holdsPhrase(state.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1, phrase) &&
      !holdsPhrase(state.titleTerms, title, title + 1, phrase),
  ).length;
  return {
    coverage: total === 0 ? 0 : matchedWeight / total,
    matchedTerms,
    questionTerms: query.weights.size,
    missingWeight: (total - matchedWeight) / unit,
    unknownNames: query.unknownNames,
    sentenceCoverage: total === 0 ? 0 : bestSentence / total,
    missingPhrases,
  };
}
