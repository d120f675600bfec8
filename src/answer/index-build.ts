/**
 * What an engine is made of (`IndexParts` to save, `EngineParts` in memory) and the build that
 * makes them from a corpus: articles cut into sentences and passages, the passages indexed, the
 * sentences' and titles' term ids renumbered as the index numbers its terms.
 */
import type { Corpus } from '../corpus/types.ts';
import type { Passage } from '../passages/passages.ts';
import type { SentenceSpan } from '../passages/sentences.ts';
import { type Bm25Index, type BuildOptions, indexPassages, type PostingData } from '../search/bm25-index.ts';
import type { ParallelOptions } from '../search/parallel-terms.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import type { Statement } from '../statements/types.ts';
import type { TermTable } from '../util/term-table.ts';
import { cutArticles, renumberTerms } from './cut-articles.ts';

/** Everything an index is made of; plain arrays, so it can be saved and loaded. */
export interface IndexParts {
  corpus: Corpus;
  config: RankingConfig;
  /** Per article, its sentence spans. */
  sentences: SentenceSpan[][];
  passages: Passage[];
  postings: PostingData;
  /**
   * Term ids of every sentence (articles in order, then sentences in order); its tags are the
   * kind of answer each sentence holds (see passages/sentence-kinds.ts).
   */
  sentenceTerms: TermTable;
  /** Term ids of every article's title. */
  titleTerms: TermTable;
  /**
   * The statements the articles report, articles in order (see statements/), or null when they
   * are not read yet: reading them runs wink over every article, so a build leaves it for later.
   */
  statements: Statement[] | null;
}

/**
 * What an engine is made of in memory: its parts but the postings, which its index holds. Its
 * sentence rows may lie anywhere in `sentenceTerms` (a change appends the rows of the articles it
 * indexes to the table it shares with the engine before it): `sentenceRows`, when given, is the
 * row of each article's first sentence; without it they are in article order. `articleOf`, when
 * given, is each passage's article and wins over `passages[slot].article`: a change that shifts
 * article numbers patches this array instead of making every later passage's record again.
 */
export type EngineParts = Omit<IndexParts, 'postings'> & {
  sentenceRows?: Int32Array;
  /** Row of each article's title in `titleTerms`, when not in article order (see `sentenceRows`). */
  titleRows?: Int32Array;
  articleOf?: Int32Array;
};

/** Options of `buildIndex`. */
export interface IndexBuildOptions extends BuildOptions {
  /** How the text is shared with worker threads (see `tokeniseCorpus`); the defaults suit a build. */
  parallel?: ParallelOptions;
}

/**
 * Splits every article into sentences and passages and indexes the passages. Each sentence and
 * title is tokenised once, into term ids (a large corpus on two threads, see `tokeniseCorpus`); a
 * passage's body is the run of its sentences' ids. With `keepEngine`, wink-bm25-text-search
 * builds its own model too and every weight is checked against it (see `indexPassages`).
 */
export function buildParts(
  corpus: Corpus,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
  options: IndexBuildOptions = {},
): { parts: EngineParts; index: Bm25Index } {
  const { sentences, passages, sentenceTerms, titleTerms, fields } = cutArticles(
    corpus.articles,
    config,
    options.parallel,
  );
  const { index, termIdOf } = indexPassages(fields, config, options);
  // From the vocabulary's ids to the index' (-1: in no passage).
  renumberTerms([sentenceTerms, titleTerms], termIdOf);
  return {
    parts: {
      corpus,
      config,
      sentences,
      passages,
      sentenceTerms,
      titleTerms,
      statements: null,
    },
    index,
  };
}
