/**
 * What evaluation and calibration read of the answer path: how much of a question its best
 * passage matches (what the no-answer rule judges), and articles ranked by their best passage.
 */
import type { EngineState } from './engine-state.ts';
import type { QueryMatch } from './no-answer.ts';
import { matchOf, NOTHING_MATCHED } from './passage-match.ts';
import { prepareQuery } from './query.ts';
import { CANDIDATE_PASSAGES, leads, rank } from './ranking.ts';
import { RERANK_FEATURE_COUNT } from './rerank.ts';
import { rerankFeatures } from './rerank-features.ts';
import type { Filters } from './types.ts';

/**
 * How much of the question its best passage matches (share of the IDF weight, distinct terms):
 * what the no-answer rule judges. Nothing matched when the question has no terms or no match.
 */
export function queryMatch(state: EngineState, question: string, filters: Filters = {}): QueryMatch {
  const query = prepareQuery(state, question, filters);
  if (query === null) return NOTHING_MATCHED;
  const ranked = query.overview ? [] : rank(state, query, CANDIDATE_PASSAGES, query.filters);
  if (ranked.length === 0) return { ...NOTHING_MATCHED, questionTerms: query.weights.size };
  return matchOf(state, ranked, query);
}

/** Articles ranked by their best passage (for measuring paragraph retrieval). */
export function rankArticles(
  state: EngineState,
  question: string,
  k: number,
  filters: Filters = {},
): Array<{ docId: string; score: number }> {
  const query = prepareQuery(state, question, filters);
  if (query === null) return [];
  const ranked = query.overview
    ? leads(state, query.filters, query.newest)
    : rank(state, query, Math.max(k * 8, CANDIDATE_PASSAGES), query.filters);
  const out: Array<{ docId: string; score: number }> = [];
  const seen = new Set<number>();
  for (const r of ranked) {
    const a = state.articleOf[r.passage] ?? 0;
    if (seen.has(a)) continue;
    seen.add(a);
    out.push({ docId: state.corpus.articles[a]?.id ?? '', score: r.score });
    if (out.length === k) break;
  }
  return out;
}

/** A question's BM25F candidates with their re-ranking features, for fitting the re-ranker. */
export interface RerankCandidates {
  /** Each candidate's article id, in BM25F order. */
  articles: string[];
  /** Each candidate's BM25F score. */
  scores: Float64Array;
  /** Each candidate's coordination, which re-ranking weighs as configured (see ranking.ts). */
  coordination: Float64Array;
  /** RERANK_FEATURE_COUNT features a candidate (see rerank.ts). */
  features: Float64Array;
}

/**
 * The question's `limit` BM25F candidates in BM25F order with their features (see rerank.ts), for
 * scripts/fit-rerank.ts; null when the question has no terms or asks for an overview.
 */
export function rerankCandidates(
  state: EngineState,
  question: string,
  limit: number,
): RerankCandidates | null {
  const query = prepareQuery(state, question, {});
  if (query === null || query.overview) return null;
  const ranked = state.index.search(
    query.searchTerms,
    limit,
    state.masks.mask(query.filters),
    query.searchWeights,
  );
  rerankFeatures(state, query, ranked);
  return {
    articles: ranked.map((r) => state.corpus.articles[state.articleOf[r.passage] ?? 0]?.id ?? ''),
    scores: Float64Array.from(ranked, (r) => r.score),
    coordination: state.scratch.coordination.slice(0, ranked.length),
    features: state.scratch.features.slice(0, ranked.length * RERANK_FEATURE_COUNT),
  };
}
