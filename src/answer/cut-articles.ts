/**
 * Articles cut for indexing: each split into sentences and passages, each title and sentence
 * tokenised once into term ids; a passage's fields are its article's title row and the run of its
 * sentences' rows. A full build and a change (which cuts only the articles it adds) share it.
 */
import type { Article } from '../corpus/types.ts';
import { buildPassages, type Passage } from '../passages/passages.ts';
import { decodeSpans, type SentenceSpan } from '../passages/sentences.ts';
import type { ArticleSentences } from '../search/article-terms.ts';
import type { PassageFields } from '../search/bm25-index.ts';
import { type ParallelOptions, tokeniseCorpus } from '../search/parallel-terms.ts';
import type { RankingConfig } from '../search/ranking-config.ts';
import { TermVocabulary } from '../search/tokenize.ts';
import { int32Array } from '../util/shared-arrays.ts';
import type { TermTable } from '../util/term-table.ts';

/** Articles cut into sentences and passages, with their terms as ids of `fields.vocabulary`. */
export interface CutArticles {
  /** Per article, its sentence spans. */
  sentences: SentenceSpan[][];
  /** Passages, articles in order; `article` is the article's place in the input list. */
  passages: Passage[];
  /**
   * Term ids of every sentence (articles in order, then sentences in order); its tags are the
   * kind of answer each sentence holds (see passages/sentence-kinds.ts).
   */
  sentenceTerms: TermTable;
  /** Term ids of every article's title. */
  titleTerms: TermTable;
  /** The passages' fields over the two tables, for indexing. */
  fields: PassageFields;
}

/** Cuts and tokenises articles (a large run on worker threads too, see `tokeniseCorpus`). */
export function cutArticles(
  articles: readonly Article[],
  config: RankingConfig,
  parallel?: ParallelOptions,
): CutArticles {
  const vocabulary = new TermVocabulary();
  const sentences: SentenceSpan[][] = new Array(articles.length);
  const passages: Passage[] = [];
  const sentenceBase = new Int32Array(articles.length);
  // Sentences and passages need no terms: cut while the workers normalise words.
  const cut = ({ sentenceCounts, spans }: ArticleSentences) => {
    for (let a = 0, s = 0; a < sentences.length; a++) {
      sentenceBase[a] = s;
      const list = decodeSpans(spans, 3 * s, sentenceCounts[a] as number);
      s += list.length;
      sentences[a] = list;
      for (const p of buildPassages(a, list, config.passages)) passages.push(p);
    }
  };
  const { kinds, sentenceTerms, titleTerms } = tokeniseCorpus(articles, vocabulary, parallel, cut);
  sentenceTerms.tags = kinds;
  const count = passages.length;
  const titleStart = int32Array(count);
  const titleEnd = int32Array(count);
  const bodyStart = int32Array(count);
  const bodyEnd = int32Array(count);
  passages.forEach((p, i) => {
    const base = sentenceBase[p.article] ?? 0;
    titleStart[i] = titleTerms.offsets[p.article] ?? 0;
    titleEnd[i] = titleTerms.offsets[p.article + 1] ?? 0;
    bodyStart[i] = sentenceTerms.offsets[base + p.firstSentence] ?? 0;
    bodyEnd[i] = sentenceTerms.offsets[base + p.lastSentence + 1] ?? 0;
  });
  const fields: PassageFields = {
    count,
    vocabulary: vocabulary.terms,
    titleIds: titleTerms.ids,
    titleStart,
    titleEnd,
    bodyIds: sentenceTerms.ids,
    bodyStart,
    bodyEnd,
  };
  return { sentences, passages, sentenceTerms, titleTerms, fields };
}

/** Rewrites the ids of term tables through `termIdOf` (from vocabulary ids to the index' ids, -1: in no passage). */
export function renumberTerms(tables: readonly TermTable[], termIdOf: Int32Array): void {
  for (const table of tables)
    for (let i = 0; i < table.ids.length; i++) table.ids[i] = termIdOf[table.ids[i] ?? 0] ?? -1;
}
