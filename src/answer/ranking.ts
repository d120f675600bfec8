/**
 * The passages a prepared question is answered from, best first: the index' BM25F ranking
 * re-scored by coordination, proximity and the speaker asked about; an overview's leads in date
 * order; a speaker's statements. Plain functions over an engine's state.
 */
import type { Article } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { ScoredPassage } from '../search/bm25-index.ts';
import { sortBest } from '../search/top-heap.ts';
import { type EngineState, passageAt } from './engine-state.ts';
import { articleMatches } from './filters.ts';
import { isNoAnswer } from './no-answer.ts';
import { matchOf, matchSentences } from './passage-match.ts';
import type { Query } from './query.ts';
import { holdsQuotation, type Quotation } from './quoted-text.ts';
import { RERANK_FEATURE_COUNT, rerankFactor } from './rerank.ts';
import { rerankFeatures } from './rerank-features.ts';
import type { Filters } from './types.ts';

/**
 * How much more a passage quoting the speaker a question asks about weighs in re-ranking
 * ("What did Lavrov say about the ceasefire?": Lavrov's statements on it before others' on it).
 */
const SPEAKER_BOOST = 1;
/** Ranked passages looked at to build, group and page the excerpts of one answer. */
export const CANDIDATE_PASSAGES = 60;

/**
 * The passages a question is answered from, best first: for an overview the articles' leads in
 * date order, otherwise the ranking; null when the no-answer rule refuses the best passage.
 */
export function candidates(state: EngineState, query: Query, limit: number): ScoredPassage[] | null {
  if (query.phrase !== null) {
    const found = phrasePassages(state, query.phrase, query.filters, query.focus, limit);
    return found.length === 0 ? null : found;
  }
  if (query.overview) return leads(state, query.filters, query.newest);
  if (query.speaker !== null && query.weights.size === 0)
    return statementPassages(state, query.speaker, query.filters, query.focus, query.newest);
  const ranked = rank(state, query, limit, query.filters);
  const top = ranked[0];
  return top === undefined || isNoAnswer(matchOf(state, ranked, query)) ? null : ranked;
}

/**
 * The best passages inside the filters: wink's BM25F ranking of `limit` candidates, re-scored by
 * coordination (the share of the question's distinct terms the passage's own text contains),
 * so a passage that answers all of a question beats one that repeats part of it, and by
 * proximity (the share of the question's adjacent term pairs it holds as they are asked).
 */
export function rank(state: EngineState, query: Query, limit: number, filters: Filters): ScoredPassage[] {
  const bySpeaker = query.speaker !== null || query.asksWho;
  // A speaker's statements may not name them ("he said"): look further down for them.
  const ranked = state.index.search(
    query.searchTerms,
    bySpeaker ? limit * 2 : limit,
    state.masks.mask(filters),
    query.searchWeights,
  );
  const alpha = state.config.coordination;
  if (state.rerank !== null) {
    rerankFeatures(state, query, ranked);
    const { features, coordination } = state.scratch;
    for (let i = 0; i < ranked.length; i++) {
      const r = ranked[i] as ScoredPassage;
      let factor =
        (1 - alpha + alpha * (coordination[i] as number)) *
        rerankFactor(state.rerank, features, i * RERANK_FEATURE_COUNT);
      r.bm25 = r.score;
      if (bySpeaker && state.statements.quotes(passageAt(state, r.passage), query.speaker))
        factor *= 1 + SPEAKER_BOOST;
      r.score *= factor;
    }
    return quotedFirst(state, sortBest(ranked), query.quote);
  }
  const beta = state.config.proximity;
  if (alpha === 0 && beta === 0 && !bySpeaker) return ranked;
  const distinct = query.weights.size;
  const pairMatcher = state.pairs;
  if (beta !== 0) pairMatcher.setQuery(query.terms.map((t) => state.index.termId(t) ?? -1));
  const pairs = beta === 0 ? 0 : pairMatcher.pairs;
  for (const r of ranked) {
    const p = passageAt(state, r.passage);
    let factor = 1;
    if (alpha !== 0) {
      const matched = matchSentences(state, p.article, p.firstSentence, p.lastSentence, query).count;
      factor = 1 - alpha + (alpha * matched) / distinct;
    }
    if (pairs > 0) {
      const base = state.sentenceBase[p.article] ?? 0;
      const found = pairMatcher.count(state.sentenceTerms, base + p.firstSentence, base + p.lastSentence + 1);
      factor *= 1 + (beta * found) / pairs;
    }
    if (bySpeaker && state.statements.quotes(p, query.speaker)) factor *= 1 + SPEAKER_BOOST;
    r.score *= factor;
  }
  return sortBest(ranked);
}

/**
 * The lead passage of every article inside the filters, oldest article first (`newest`: newest
 * first); when they are few, each article's next passage after them.
 */
export function leads(state: EngineState, filters: Filters, newest = false): ScoredPassage[] {
  const mask = state.masks.mask(filters);
  const found: number[] = [];
  const byDate = state.summaries.catalog.byDate;
  for (let i = 0; i < byDate.length; i++) {
    const a = byDate[newest ? byDate.length - 1 - i : i] as number;
    const lead = state.leadPassage[a] ?? -1;
    if (lead >= 0 && (mask === null || mask[lead] === 1)) found.push(lead);
  }
  // Few articles ("What was the outcome … according to The BRICS Post?"): after every lead, what
  // each article says next, so an overview of one article is more than its first lines.
  const leadCount = found.length;
  for (let i = 0; i < leadCount && leadCount < CANDIDATE_PASSAGES; i++) {
    const lead = found[i] as number;
    const next = passageHolding(
      state,
      state.articleOf[lead] as number,
      passageAt(state, lead).lastSentence + 1,
    );
    if (next >= 0) found.push(next);
  }
  return found.map((passage, i) => ({ passage, score: found.length - i }));
}

/**
 * For each statement of `speaker` inside the filters, the passage that starts with its sentence,
 * oldest article first (`newest`: newest first; text order within one): what they said, when the
 * question names nothing else. Records in `focus` the sentence each passage's excerpt must show.
 */
function statementPassages(
  state: EngineState,
  speaker: string,
  filters: Filters,
  focus: Map<number, number>,
  newest: boolean,
): ScoredPassage[] {
  const byArticle = state.statements.byArticle() ?? [];
  const found: number[] = [];
  const byDate = state.summaries.catalog.byDate;
  for (let i = 0; i < byDate.length; i++) {
    const a = byDate[newest ? byDate.length - 1 - i : i] as number;
    if (!articleMatches(state.corpus.articles[a] as Article, filters)) continue;
    const sentences = state.sentences[a] ?? [];
    for (const s of byArticle[a] ?? []) {
      if (s.speaker !== speaker) continue;
      const sentence = sentences.findIndex((x) => x.start <= s.start && s.start < x.end);
      const passage = sentence < 0 ? -1 : passageHolding(state, a, sentence);
      if (passage < 0 || focus.has(passage)) continue;
      focus.set(passage, sentence);
      found.push(passage);
    }
  }
  return found.map((passage, i) => ({ passage, score: found.length - i }));
}

/** Time a search of the articles' text for a quotation may take, at most (see phrasePassages). */
const PHRASE_SEARCH_MS = 100;

/**
 * The passages holding `phrase` (a question's quotation of words the index leaves out, "once and
 * for all"), oldest article first, at most `limit`; records in `focus` the sentence each passage's
 * excerpt must show. The one search of the articles' text itself, for what no posting holds,
 * stopped after PHRASE_SEARCH_MS.
 */
function phrasePassages(
  state: EngineState,
  phrase: Quotation,
  filters: Filters,
  focus: Map<number, number>,
  limit: number,
): ScoredPassage[] {
  const found: number[] = [];
  const byDate = state.summaries.catalog.byDate;
  const deadline = performance.now() + PHRASE_SEARCH_MS;
  for (let i = 0; i < byDate.length; i++) {
    // A bounded search: on a large corpus, the oldest articles' quotations within the time allowed.
    if ((i & 255) === 255 && performance.now() > deadline) break;
    const a = byDate[i] as number;
    const article = state.corpus.articles[a] as Article;
    if (!articleMatches(article, filters)) continue;
    if (!article.text.toLowerCase().includes(phrase.words[0] ?? '')) continue;
    const sentences = state.sentences[a] ?? [];
    for (let sentence = 0; sentence < sentences.length && found.length < limit; sentence++) {
      const { start, end } = sentences[sentence] as { start: number; end: number };
      if (!holdsQuotation(article.text.slice(start, end), phrase)) continue;
      const passage = passageHolding(state, a, sentence);
      if (passage < 0 || focus.has(passage)) continue;
      focus.set(passage, sentence);
      found.push(passage);
    }
    if (found.length >= limit) break;
  }
  return found.map((passage, i) => ({ passage, score: found.length - i }));
}

/**
 * `ranked` with the passages holding the question's quotation word for word first, each group in
 * its order: "Who said “we are not going to rush”?" quotes who said it before who said near it.
 */
function quotedFirst(state: EngineState, ranked: ScoredPassage[], quote: Quotation | null): ScoredPassage[] {
  if (quote === null) return ranked;
  const holding: ScoredPassage[] = [];
  const rest: ScoredPassage[] = [];
  for (const r of ranked) {
    const p = passageAt(state, r.passage);
    const text = (state.corpus.articles[p.article] as Article).text.slice(p.start, p.end);
    (holdsQuotation(text, quote) ? holding : rest).push(r);
  }
  if (holding.length === 0) return ranked;
  // Scores stay in rank order, so that what reads them (the no-answer margin) sees a ranking;
  // `ranked` is sorted best first.
  const top = ranked[0]?.score ?? 0;
  for (const r of holding) r.score += top;
  return [...holding, ...rest];
}

/** The passage of article `a` that starts with `sentence`, else the first that holds it; -1 if none. */
function passageHolding(state: EngineState, a: number, sentence: number): number {
  const first = state.leadPassage[a] ?? -1;
  let holding = -1;
  for (let p = Math.max(0, first); first >= 0 && p < state.passages.length; p++) {
    if (state.articleOf[p] !== a) break;
    const passage = state.passages[p] as Passage;
    if (passage.firstSentence === sentence) return p;
    if (holding < 0 && passage.firstSentence <= sentence && sentence <= passage.lastSentence) holding = p;
  }
  return holding;
}
