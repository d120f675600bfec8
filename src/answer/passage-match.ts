/**
 * How much of a prepared question a passage matches: the counts ranking re-scores by, excerpt
 * choice weighs sentences by, and the no-answer rule judges (see no-answer.ts).
 */
import type { Passage } from '../passages/passages.ts';
import { HOLDS_NUMBER } from '../passages/sentence-kinds.ts';
import type { ScoredPassage } from '../search/bm25-index.ts';
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
  knownTerms: 0,
  knownShare: 0,
  largestMissing: 0,
  margin: 1,
  pairShare: 0,
  missingRoles: 0,
  missingNumber: false,
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

/** How much of the query the best ranked passage's title and text match (see no-answer.ts). */
export function matchOf(state: EngineState, ranked: readonly ScoredPassage[], query: Query): QueryMatch {
  const top = ranked[0] as ScoredPassage;
  const p = passageAt(state, top.passage);
  const title = state.titleRow[p.article] as number;
  const matched = matchSentences(state, p.article, p.firstSentence, p.lastSentence, query);
  matched.addRows(state.titleTerms, title, title + 1);
  // A passage quoting the speaker asked about matches their name, named in it or not.
  const bySpeaker = query.speaker !== null && state.statements.quotes(p, query.speaker);
  const speakerWeight = bySpeaker ? query.speakerWeight : 0;
  const speakerTerms = bySpeaker ? query.speakerTerms : 0;
  const matchedWeight = matched.weight + speakerWeight;
  const matchedTerms = matched.count + speakerTerms;
  const largestMissing = matched.largestMissing;
  const missingRoles = matched.missingOf(query.roleSlots);
  let next = 0;
  for (const r of ranked)
    if (state.articleOf[r.passage] !== p.article) {
      next = r.score;
      break;
    }
  let total = speakerWeight;
  for (const weight of query.weights.values()) total += weight;
  // The best single sentence with the title, which every passage of the article shares.
  let bestSentence = speakerWeight;
  for (let i = p.firstSentence; i <= p.lastSentence; i++) {
    const sentence = matchSentences(state, p.article, i, i, query);
    sentence.addRows(state.titleTerms, title, title + 1);
    bestSentence = Math.max(bestSentence, sentence.weight + speakerWeight);
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
    questionTerms: query.weights.size + speakerTerms,
    missingWeight: (total - matchedWeight) / unit,
    unknownNames: query.unknownNames,
    sentenceCoverage: total === 0 ? 0 : bestSentence / total,
    missingPhrases,
    knownTerms: query.knownTerms + speakerTerms,
    knownShare: total === 0 ? 0 : Math.min(1, (query.knownWeight + speakerWeight) / total),
    largestMissing: largestMissing / unit,
    margin: next > 0 ? Math.max(1, top.score / next) : 1,
    pairShare: pairShare(state, query, p),
    missingRoles,
    missingNumber: query.answerType === 'number' && !holdsNumber(state, p),
  };
}

/** Does a sentence of passage `p` hold a number, an amount or a duration ("290,000", "millions")? */
function holdsNumber(state: EngineState, p: Passage): boolean {
  const base = state.sentenceBase[p.article] ?? 0;
  for (let i = p.firstSentence; i <= p.lastSentence; i++)
    if (((state.sentenceKinds[base + i] ?? 0) & HOLDS_NUMBER) !== 0) return true;
  return false;
}

/** Share of the question's adjacent term pairs passage `p` holds (0 when it asks none). */
function pairShare(state: EngineState, query: Query, p: Passage): number {
  const pairs = state.pairs;
  pairs.setQuery(query.terms.map((t) => state.index.termId(t) ?? -1));
  if (pairs.pairs === 0) return 0;
  const base = state.sentenceBase[p.article] ?? 0;
  return pairs.count(state.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1) / pairs.pairs;
}
