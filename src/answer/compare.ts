/**
 * `compare`: the best excerpt of each outlet, or of each speaker, side by side.
 */
import type { Article } from '../corpus/types.ts';
import { MAX_RESULT_COUNT } from './ask.ts';
import type { EngineState } from './engine-state.ts';
import { prepareQuery } from './query.ts';
import { type Candidate, excerptOf, excerptSpeaker, shown } from './ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, candidates } from './ranking.ts';
import type { Answer, Filters } from './types.ts';

/** What `compare` sets side by side: each outlet's best excerpt, or each speaker's. */
export type CompareBy = 'outlet' | 'speaker';

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
  const understood = query?.understood ?? [];
  const corrections = query?.corrections ?? [];
  const empty: Answer = {
    question,
    filters,
    understood,
    corrections,
    noAnswer: true,
    results: [],
    offset: 0,
    hasMore: false,
  };
  if (query === null) return empty;
  const ranked = candidates(state, query, CANDIDATE_PASSAGES * 4);
  if (ranked === null) return empty;
  const seen = new Set<string>();
  const best: Candidate[] = [];
  for (const r of ranked) {
    const article = state.corpus.articles[state.articleOf[r.passage] ?? 0] as Article;
    const outlet = article.source === null ? `\u0000${article.id}` : article.source.toLowerCase();
    if (by === 'outlet' && seen.has(outlet)) continue;
    const candidate = excerptOf(state, r.passage, r.score, query);
    // A speaker is known only once the excerpt is chosen: the statement it quotes.
    const key = by === 'speaker' ? excerptSpeaker(state, candidate, query) : outlet;
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    best.push(candidate);
    if (best.length > maxOutlets) break;
  }
  const results = best.slice(0, maxOutlets).map((c) => shown(state, { ...c, alsoIn: [] }, query));
  return {
    question,
    filters,
    understood,
    corrections,
    noAnswer: best.length === 0,
    results,
    offset: 0,
    hasMore: best.length > maxOutlets,
  };
}
