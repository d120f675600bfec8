/**
 * The best excerpt of each outlet, or of each speaker, from ranked passages: what `compare` sets
 * side by side and what "Which outlets covered …?" is answered with.
 */
import type { Article } from '../corpus/types.ts';
import type { ScoredPassage } from '../search/bm25-index.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import { matchSentences } from './passage-match.ts';
import type { Query } from './query.ts';
import { type Candidate, excerptOf, excerptSpeaker } from './ranked-excerpt.ts';

/** What excerpts are told apart by: their outlet, or the speaker they quote. */
export type CompareBy = 'outlet' | 'speaker';

/**
 * The excerpt of the first (best) ranked passage of each outlet (articles of unknown outlet each
 * count as their own), or of each speaker (excerpts that quote no one known are left out), in
 * rank order, at most `max`; passages holding none of the question's topic words are passed over.
 */
export function bestOfEach(
  state: EngineState,
  ranked: readonly ScoredPassage[],
  query: Query,
  max: number,
  by: CompareBy,
): Candidate[] {
  const seen = new Set<string>();
  const best: Candidate[] = [];
  for (const r of ranked) {
    // A passage ranked for the question's framing words alone ("reported": "reporters") answers
    // nothing of its subject.
    if (query.weights.size > 0 && !matchesTopic(state, r.passage, query)) continue;
    const article = state.corpus.articles[state.articleOf[r.passage] ?? 0] as Article;
    const outlet = article.source === null ? `\u0000${article.id}` : article.source.toLowerCase();
    if (by === 'outlet' && seen.has(outlet)) continue;
    const candidate = excerptOf(state, r.passage, r.score, query);
    // A speaker is known only once the excerpt is chosen: the statement it quotes.
    const key = by === 'speaker' ? excerptSpeaker(state, candidate, query) : outlet;
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    best.push(candidate);
    if (best.length >= max) break;
  }
  return best;
}

/** Does the passage hold one of the query's topic words (or another word for one)? */
function matchesTopic(state: EngineState, slot: number, query: Query): boolean {
  const p = passageAt(state, slot);
  return matchSentences(state, p.article, p.firstSentence, p.lastSentence, query).count > 0;
}
