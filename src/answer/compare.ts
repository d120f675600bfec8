/**
 * `compare`: the best excerpt of each outlet, or of each speaker, side by side.
 */
import { MAX_RESULT_COUNT } from './ask.ts';
import { bestOfEach, type CompareBy } from './best-of-each.ts';
import type { EngineState } from './engine-state.ts';
import { prepareQuery, readFromQuestion } from './query.ts';
import { shown } from './ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, candidates } from './ranking.ts';
import type { Answer, Filters } from './types.ts';

export type { CompareBy };

/**
 * The best excerpt from each outlet (articles of unknown outlet each count as their own), in
 * rank order, for side-by-side comparison; `by: 'speaker'`, from each speaker instead (excerpts
 * that quote no one known are left out). Same no-answer rule as `ask`.
 */
export function compare(
  state: EngineState,
  question: string,
  filters: Filters = {},
  maxOutlets = MAX_RESULT_COUNT,
  by: CompareBy = 'outlet',
): Answer {
  const query = prepareQuery(state, question, filters);
  const read = readFromQuestion(query);
  const empty: Answer = {
    question,
    filters,
    ...read,
    noAnswer: true,
    results: [],
    offset: 0,
    hasMore: false,
  };
  if (query === null) return empty;
  const ranked = candidates(state, query, CANDIDATE_PASSAGES * 4);
  if (ranked === null) return empty;
  const best = bestOfEach(state, ranked, query, maxOutlets + 1, by);
  const results = best.slice(0, maxOutlets).map((c) => shown(state, { ...c, alsoIn: [] }, query));
  return {
    question,
    filters,
    ...read,
    noAnswer: best.length === 0,
    results,
    offset: 0,
    hasMore: best.length > maxOutlets,
  };
}
