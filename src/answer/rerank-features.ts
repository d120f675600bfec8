/**
 * The re-ranker's features of a question's candidate passages (see rerank.ts for what each
 * measures), computed over the sentences' term rows and kind bytes into a buffer the state
 * reuses, so a question allocates nothing per candidate.
 */

import type { Passage } from '../passages/passages.ts';
import type { ScoredPassage } from '../search/bm25-index.ts';
import { MEMO_VALUES } from './article-memo.ts';
import type { EngineState } from './engine-state.ts';
import { matchSentences } from './passage-match.ts';
import type { Query } from './query.ts';
import { RERANK_FEATURE_COUNT, RERANK_FEATURES, TYPE_FEATURE } from './rerank.ts';

/** Where each feature goes among a candidate's RERANK_FEATURE_COUNT values. */
const WEIGHT = RERANK_FEATURES.indexOf('weight share');
const PAIRS = RERANK_FEATURES.indexOf('pairs');
const SENTENCE = RERANK_FEATURES.indexOf('sentence share');
const TITLE = RERANK_FEATURES.indexOf('title share');
const LENGTH = RERANK_FEATURES.indexOf('log length');
const ALL = RERANK_FEATURES.indexOf('all terms');
const ARTICLE = RERANK_FEATURES.indexOf('article share');
const SENTENCE_TERMS = RERANK_FEATURES.indexOf('sentence coordination');
const ARTICLE_PAIRS = RERANK_FEATURES.indexOf('article pairs');

/**
 * The features of each of `ranked`, RERANK_FEATURE_COUNT values a passage in their order, into
 * the state's `scratch.features`, and each one's coordination (the share of the question's
 * distinct topic terms its text holds) into `scratch.coordination`: valid until the next
 * question. Sets the pair and answer-type matchers' query.
 */
export function rerankFeatures(state: EngineState, query: Query, ranked: readonly ScoredPassage[]): void {
  const F = RERANK_FEATURE_COUNT;
  const scratch = state.scratch;
  if (scratch.coordination.length < ranked.length) {
    scratch.coordination = new Float64Array(Math.max(ranked.length, 2 * scratch.coordination.length));
    scratch.features = new Float64Array(scratch.coordination.length * F);
  }
  const out = scratch.features;
  const coordination = scratch.coordination;
  const memo = scratch.articles;
  memo.begin(ranked.length);
  const cache = memo.values;

  const distinct = Math.max(1, query.weights.size);
  let total = 0;
  for (const weight of query.weights.values()) total += weight;
  const share = total > 0 ? 1 / total : 0;
  state.pairs.setQuery(query.terms.map((t) => state.index.termId(t) ?? -1));
  const pairs = state.pairs.pairs;
  const types = state.answerTypes;
  types.setQuery(query.answerType, query.nameIds);
  const typeFeature = query.answerType === null ? -1 : TYPE_FEATURE[query.answerType];
  const { sentenceTerms, titleTerms, matcher } = state;
  const { offsets } = sentenceTerms;
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i] as ScoredPassage;
    // The record's sentences, and its article as the state numbers them (no copy, see passageAt).
    const p = state.passages[r.passage] as Passage;
    const article = state.articleOf[r.passage] as number;
    const base = state.sentenceBase[article] ?? 0;
    const first = base + p.firstSentence;
    const end = base + p.lastSentence + 1;
    const at = i * F;
    out.fill(0, at, at + F);
    const length = p.lastSentence - p.firstSentence + 1;
    if (scratch.sentenceCounts.length < length) {
      scratch.sentenceCounts = new Int32Array(length);
      scratch.sentenceMatches = new Float64Array(length);
    }
    const { sentenceCounts, sentenceMatches } = scratch;
    // The passage's match, and each of its sentences' alone, in one pass.
    matcher.begin(query.number);
    matcher.addRowsEach(sentenceTerms, first, end, sentenceCounts, sentenceMatches);
    const held = matcher.count;
    const heldWeight = matcher.weight;
    const pairsHeld = pairs === 0 ? 0 : state.pairs.count(sentenceTerms, first, end) / pairs;
    coordination[i] = held / distinct;
    out[at + WEIGHT] = heldWeight * share;
    out[at + PAIRS] = pairsHeld;
    let best = 0;
    let bestRow = -1;
    let most = 0;
    for (let s = 0; s < length; s++) {
      const weight = sentenceMatches[s] as number;
      if (bestRow < 0 || weight > best) {
        best = weight;
        bestRow = p.firstSentence + s;
      }
      most = Math.max(most, sentenceCounts[s] as number);
    }
    out[at + SENTENCE] = best * share;
    out[at + LENGTH] = Math.log1p((offsets[end] ?? 0) - (offsets[first] ?? 0));
    out[at + ALL] = held >= distinct ? 1 : 0;
    let slot = memo.find(article);
    if (slot < 0) {
      slot = -1 - slot;
      const ac = slot * MEMO_VALUES;
      const title = state.titleRow[article] as number;
      matcher.begin(query.number);
      matcher.addRows(titleTerms, title, title + 1);
      cache[ac] = matcher.weight * share;
      if (wholeArticle(state, r.passage, p.firstSentence)) {
        cache[ac + 1] = heldWeight * share;
        cache[ac + 2] = pairsHeld;
      } else {
        const sentences = state.sentences[article]?.length ?? 0;
        matchSentences(state, article, 0, sentences - 1, query);
        cache[ac + 1] = matcher.weight * share;
        cache[ac + 2] = pairs === 0 ? 0 : state.pairs.count(sentenceTerms, base, base + sentences) / pairs;
      }
    }
    const ac = slot * MEMO_VALUES;
    out[at + TITLE] = cache[ac] as number;
    out[at + ARTICLE] = cache[ac + 1] as number;
    out[at + SENTENCE_TERMS] = most / distinct;
    out[at + ARTICLE_PAIRS] = cache[ac + 2] as number;
    if (typeFeature >= 0 && bestRow >= 0) {
      const kind = state.sentenceKinds[base + bestRow] ?? 0;
      out[at + typeFeature] = types.holds(kind, sentenceTerms, base + bestRow) ? 1 : 0;
    }
  }
}

/**
 * Is the passage in `slot` (starting at sentence `first` of its article) its article's only one,
 * so its whole text? Read from its neighbour slot, as an article's passages take consecutive slots
 * and only its first starts at sentence 0 (see passages.ts); no article's sentence list is read.
 */
function wholeArticle(state: EngineState, slot: number, first: number): boolean {
  const { articleOf } = state;
  return first === 0 && (slot + 1 === articleOf.length || articleOf[slot + 1] !== articleOf[slot]);
}
