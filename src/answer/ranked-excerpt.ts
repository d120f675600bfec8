/**
 * A ranked passage's excerpt: chosen from its sentences by the query's weights (`excerptOf`), then
 * shown with its highlights, its article's metadata and its speaker (`shown`).
 */
import type { Article } from '../corpus/types.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import {
  type ChosenExcerpt,
  chooseExcerpt,
  excerptText,
  inExcerptText,
  quotedMatches,
  type TrimMemo,
} from './excerpt.ts';
import { matchSentences } from './passage-match.ts';
import type { Query } from './query.ts';
import type { AlsoReported, Excerpt, Span } from './types.ts';

/** A ranked passage's excerpt while an answer is assembled: what it quotes, its article and score. */
export interface Candidate {
  chosen: ChosenExcerpt;
  article: number;
  score: number;
}

/** Words that give a reason: a why-question's excerpt prefers their sentence on a tie. */
const REASON_CUE = /\b(?:because|due to|owing to|as a result of|in order to|so that|for fear)\b/i;
/** What a reason adds to a sentence's weight: enough to break a tie, never to outweigh a word. */
const REASON_TIE = 1e-9;

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
  const sentences = state.sentences[p.article] ?? [];
  for (let i = p.firstSentence; i <= p.lastSentence; i++) {
    let weight =
      focus === undefined ? matchSentences(state, p.article, i, i, query).weight : i === focus ? 1 : 0;
    // "Why…?": of sentences matching the question alike, the one giving a reason.
    const span = sentences[i];
    if (query.asksReason && weight > 0 && span !== undefined) {
      if (REASON_CUE.test(article.text.slice(span.start, span.end))) weight += REASON_TIE;
    }
    weights[i - p.firstSentence] = weight;
  }
  const chosen = chooseExcerpt(
    article.text,
    sentences,
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
  const matches = quotedMatches(article.text, chosen, query.weights);
  // Written out, not spread in the middle of the literal, which builds the object slowly.
  return {
    text: excerptText(article.text, chosen),
    highlights: inExcerptText(chosen, matches),
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
    speaker: speakerOf(state, candidate, matches, query.speaker),
  };
}

/**
 * Who said what an excerpt quotes, as `shown` names them: the speaker the question asks for if
 * it quotes them, else that of the statement holding most of the question's words in it (see
 * EngineStatements.speakerAt).
 */
export function excerptSpeaker(state: EngineState, candidate: Candidate, query: Query): string | null {
  const text = (state.corpus.articles[candidate.article] as Article).text;
  return speakerOf(state, candidate, quotedMatches(text, candidate.chosen, query.weights), query.speaker);
}

/**
 * The speaker of an excerpt whose question words are `matches` (article offsets); `asked`, the
 * speaker the question asks for, when the excerpt quotes them.
 */
function speakerOf(
  state: EngineState,
  candidate: Candidate,
  matches: readonly Span[],
  asked: string | null,
): string | null {
  const { chosen } = candidate;
  return state.statements.speakerAt(candidate.article, chosen.start, chosen.end, matches, asked);
}
