/**
 * `ask`: a question answered with verbatim excerpts, best first, grouped by copies and paged.
 */
import type { ScoredPassage } from '../search/bm25-index.ts';
import { bestOfEach } from './best-of-each.ts';
import { groupExcerpts } from './copy-groups.ts';
import type { EngineState } from './engine-state.ts';
import { prepareQuery, readFromQuestion } from './query.ts';
import { shown } from './ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, candidates } from './ranking.ts';
import type { Answer, Excerpt, Filters } from './types.ts';

/** Default number of excerpts in an answer. */
export const DEFAULT_RESULT_COUNT = 3;
/** Largest number of excerpts one answer may ask for. */
export const MAX_RESULT_COUNT = 10;
/**
 * Excerpts whose BM25F score is below this share of the best one are left out: after a strong
 * match, passages that share one common word with the question are noise, not answers.
 */
export const MIN_RELATIVE_SCORE = 0.2;

/** Options of one question. */
export interface AskOptions {
  filters?: Filters;
  /** Number of excerpts, 1 to MAX_RESULT_COUNT (default 3). */
  count?: number;
  /** Number of excerpts to skip (paging). */
  offset?: number;
}

/**
 * Answers a question with verbatim excerpts, best first, inside the filters. Near-identical
 * excerpts from several articles are shown once, credited to the earliest copy, with the others
 * in `alsoIn`; a question asking which outlets covered something gets the best excerpt of each
 * outlet. When the best passage matches too little of the question, `noAnswer` is true and
 * there are no results.
 */
export function ask(state: EngineState, question: string, options: AskOptions = {}): Answer {
  const filters = options.filters ?? {};
  const count = clamp(options.count ?? DEFAULT_RESULT_COUNT, 1, MAX_RESULT_COUNT);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const query = prepareQuery(state, question, filters);
  const answer = (results: Excerpt[], hasMore: boolean): Answer => ({
    question,
    filters,
    ...readFromQuestion(query),
    noAnswer: results.length === 0,
    results,
    offset,
    hasMore,
  });
  if (query === null) return answer([], false);
  const ranked = candidates(state, query, Math.max(CANDIDATE_PASSAGES, (offset + count) * 6));
  if (ranked === null) return answer([], false);
  const relevant = query.overview ? ranked : relevantPassages(ranked);
  // "Which outlets covered …?": the best excerpt of each outlet.
  const groups = query.byOutlet
    ? bestOfEach(state, relevant, query, offset + count + 1, 'outlet').map((c) => ({ ...c, alsoIn: [] }))
    : groupExcerpts(state, relevant, query, offset + count + 1);
  const results = groups.slice(offset, offset + count).map((g) => shown(state, g, query));
  const done = answer(results, groups.length > offset + count);
  // Asked what a quoted speaker said on a subject none of their statements shown is on: say so.
  const speaker = query.speaker;
  if (speaker !== null && offset === 0 && results.length > 0 && !results.some((r) => r.speaker === speaker))
    done.notQuotedOn = speaker;
  return done;
}

/**
 * The ranked passages an answer quotes from, in their order: those within MIN_RELATIVE_SCORE of
 * the best BM25F score (a re-ranker's scores order the passages; BM25F's say how far each falls
 * behind the best).
 */
export function relevantPassages(ranked: readonly ScoredPassage[]): ScoredPassage[] {
  let best = 0;
  for (const r of ranked) best = Math.max(best, r.bm25 ?? r.score);
  return ranked.filter((r) => (r.bm25 ?? r.score) >= best * MIN_RELATIVE_SCORE);
}

/** `n` rounded down and held inside [lo, hi]. */
function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}
