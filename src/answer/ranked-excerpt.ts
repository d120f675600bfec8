/**
 * A ranked passage's excerpt: chosen from its sentences by the query's weights (`excerptOf`), then
 * shown with its highlights, its article's metadata and its speaker (`shown`).
 */
import type { Article } from '../corpus/types.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import {
  type ChosenExcerpt,
  chooseExcerpt,
  ELLIPSIS,
  excerptText,
  highlightsOf,
  type TrimMemo,
} from './excerpt.ts';
import { matchSentences } from './passage-match.ts';
import type { Query } from './query.ts';
import type { AlsoReported, Excerpt } from './types.ts';

/** A ranked passage's excerpt while an answer is assembled: what it quotes, its article and score. */
export interface Candidate {
  chosen: ChosenExcerpt;
  article: number;
  score: number;
}

/** The excerpt of a ranked passage, chosen but not yet shown (see `shown`). */
export function excerptOf(
  state: EngineState,
  passage: number,
  score: number,
  query: Query,
  memo?: TrimMemo,
): Candidate {
  const p = passageAt(state, passage);
  const article = state.corpus.articles[p.article] as Article;
  const focus = query.focus.get(passage);
  const count = p.lastSentence - p.firstSentence + 1;
  if (count > state.scratch.sentenceWeights.length) state.scratch.sentenceWeights = new Float64Array(count);
  const weights = state.scratch.sentenceWeights;
  for (let i = p.firstSentence; i <= p.lastSentence; i++)
    weights[i - p.firstSentence] =
      focus === undefined ? matchSentences(state, p.article, i, i, query).weight : i === focus ? 1 : 0;
  const chosen = chooseExcerpt(
    article.text,
    state.sentences[p.article] ?? [],
    p.firstSentence,
    p.lastSentence,
    query.weights,
    weights,
    memo,
  );
  return { chosen, article: p.article, score };
}

/** An excerpt as the answer shows it: its text, where the query matched, and its article's metadata. */
export function shown(
  state: EngineState,
  candidate: Candidate & { alsoIn: AlsoReported[] },
  query: Query,
): Excerpt {
  const article = state.corpus.articles[candidate.article] as Article;
  const { chosen } = candidate;
  const highlights = highlightsOf(article.text, chosen, query.weights);
  // Back to article offsets: the excerpt's text starts at chosen.start, after its ellipsis if any.
  const lead = chosen.start > chosen.spanStart ? ELLIPSIS.length : 0;
  const matches = highlights.map((h) => ({
    start: chosen.start + h.start - lead,
    end: chosen.start + h.end - lead,
  }));
  // Written out, not spread in the middle of the literal, which builds the object slowly.
  return {
    text: excerptText(article.text, chosen),
    highlights,
    docId: article.id,
    title: article.title,
    source: article.source,
    date: article.date,
    dateApprox: article.dateApprox,
    url: article.url,
    event: article.event,
    eventName: article.event === null ? null : state.summaries.catalog.eventName(article.event),
    score: candidate.score,
    alsoIn: candidate.alsoIn,
    speaker: state.statements.speakerAt(candidate.article, chosen.start, chosen.end, matches),
  };
}
