/**
 * The read-only state of one engine: its parts, its index and the tables made from them once,
 * which the answer's plain functions (ranking, excerpts, grouping) read. Made once per engine; a
 * change makes a new engine and so a new state.
 */
import type { Corpus } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import type { PassageIndex } from '../search/passage-index.ts';
import type { RankingConfig } from '../search/ranking-config.ts';
import { terms } from '../search/tokenize.ts';
import { rowCount, type TermTable } from '../util/term-table.ts';
import { AnswerTypeMatcher } from './answer-type-match.ts';
import { ArticleMemo } from './article-memo.ts';
import { EngineStatements } from './engine-statements.ts';
import { CorpusSummaries } from './engine-summaries.ts';
import { PassageMasks } from './filters.ts';
import type { EngineParts } from './index-build.ts';
import { PairMatcher } from './proximity.ts';
import { QueryMatcher } from './query-matches.ts';
import { DEFAULT_RERANK_MODEL, RERANK_FEATURE_COUNT, type RerankModel, rerankWeights } from './rerank.ts';
import { ShingleCoder } from './syndication.ts';

/** Candidates the re-ranking scratch has room for, grown when a question ranks more. */
const SCRATCH_CANDIDATES = 64;

/** Typed arrays one question reuses, grown when a question needs more. */
export interface Scratch {
  /** For grouping: the (article, start, end) of each excerpt kept for an answer. */
  keptSpans: Int32Array;
  /** For excerpt choice: the query weight of each sentence of a passage. */
  sentenceWeights: Float64Array;
  /** For re-ranking: the features of each candidate passage (see rerank.ts). */
  features: Float64Array;
  /** For re-ranking: the coordination of each candidate passage. */
  coordination: Float64Array;
  /** For re-ranking: what a question's candidates read once per article. */
  articles: ArticleMemo;
  /** For re-ranking: the count and weight of the query terms of each sentence of a candidate. */
  sentenceCounts: Int32Array;
  sentenceMatches: Float64Array;
}

/**
 * An engine's state. Its fields never change; `summaries` and `statements` make their tables
 * when first needed, and `matcher`, `pairs`, `shingles` and `scratch` are the working memory of
 * one question at a time.
 */
export interface EngineState {
  readonly corpus: Corpus;
  readonly config: RankingConfig;
  readonly index: PassageIndex;
  /** Per article, its sentence spans. */
  readonly sentences: SentenceSpan[][];
  /** The kind of answer each sentence holds (see passages/sentence-kinds.ts), by its row in `sentenceTerms`. */
  readonly sentenceKinds: Uint8Array;
  /** Passages by slot; `articleOf` wins over their `article` (see `passageAt`). */
  readonly passages: Passage[];
  readonly articleOf: Int32Array;
  readonly sentenceTerms: TermTable;
  readonly titleTerms: TermTable;
  /** Row of an article's first sentence in `sentenceTerms`. */
  readonly sentenceBase: Int32Array;
  /** Row of an article's title in `titleTerms`. */
  readonly titleRow: Int32Array;
  /** Each article's first passage (its lead), -1 for an article without one. */
  readonly leadPassage: Int32Array;
  /** Index terms of each event's name, for "Summarise the Geneva talks". */
  readonly eventNameTerms: Map<string, Set<string>>;
  readonly masks: PassageMasks;
  readonly summaries: CorpusSummaries;
  readonly statements: EngineStatements;
  readonly matcher: QueryMatcher;
  readonly pairs: PairMatcher;
  readonly answerTypes: AnswerTypeMatcher;
  /** The re-ranker's weights (see rerank.ts), or null to re-rank by coordination and proximity as configured. */
  readonly rerank: Float64Array | null;
  readonly shingles: ShingleCoder;
  readonly scratch: Scratch;
}

/** The state of an engine made of `parts`, whose passages `index` was built from. */
export function engineState(
  parts: EngineParts,
  index: PassageIndex,
  rerank: RerankModel | null = parts.config.rerank ? DEFAULT_RERANK_MODEL : null,
): EngineState {
  const titleRow = parts.titleRows ?? Int32Array.from(parts.corpus.articles, (_, a) => a);
  const sentenceBase = parts.sentenceRows ?? new Int32Array(parts.sentences.length);
  if (parts.sentenceRows === undefined) {
    let base = 0;
    for (let a = 0; a < parts.sentences.length; a++) {
      sentenceBase[a] = base;
      base += (parts.sentences[a] as SentenceSpan[]).length;
    }
  }
  const articleOf = parts.articleOf ?? Int32Array.from(parts.passages, (p) => p.article);
  const leadPassage = new Int32Array(parts.corpus.articles.length).fill(-1);
  for (let p = parts.passages.length - 1; p >= 0; p--) {
    const a = articleOf[p] as number;
    if (a >= 0) leadPassage[a] = p;
  }
  return {
    corpus: parts.corpus,
    config: parts.config,
    index,
    sentences: parts.sentences,
    // Without tags (a table made by hand) no sentence is known to hold any kind.
    sentenceKinds: parts.sentenceTerms.tags ?? new Uint8Array(rowCount(parts.sentenceTerms)),
    passages: parts.passages,
    articleOf,
    sentenceTerms: parts.sentenceTerms,
    titleTerms: parts.titleTerms,
    sentenceBase,
    titleRow,
    leadPassage,
    eventNameTerms: new Map(parts.corpus.events.map((e) => [e.id, new Set(terms(e.name))])),
    masks: new PassageMasks(parts.corpus.articles, articleOf),
    summaries: new CorpusSummaries(parts.corpus, index),
    statements: new EngineStatements(parts.corpus.articles, parts.sentences, parts.statements),
    matcher: new QueryMatcher(index.termCount),
    pairs: new PairMatcher(index.termCount),
    answerTypes: new AnswerTypeMatcher(index.termCount),
    rerank: rerank === null ? null : rerankWeights(rerank),
    shingles: new ShingleCoder(),
    scratch: {
      keptSpans: new Int32Array(192),
      sentenceWeights: new Float64Array(8),
      features: new Float64Array(SCRATCH_CANDIDATES * RERANK_FEATURE_COUNT),
      coordination: new Float64Array(SCRATCH_CANDIDATES),
      articles: new ArticleMemo(),
      sentenceCounts: new Int32Array(8),
      sentenceMatches: new Float64Array(8),
    },
  };
}

/** The passage in `slot`, with its article as the state numbers them (see `EngineState.articleOf`). */
export function passageAt(state: EngineState, slot: number): Passage {
  const p = state.passages[slot] as Passage;
  const article = state.articleOf[slot] as number;
  return p.article === article ? p : { ...p, article };
}
