/**
 * What an index build needs of the text of a run of articles: each article's sentences and the
 * term ids of its title and of each sentence, in flat typed arrays (which a worker thread hands
 * over without copying). The build's own thread and its workers run the same code.
 */
import { appendSentences } from '../passages/sentences.ts';
import { IntBuffer, joinTables, type TermTable, TermTableBuilder } from './term-table.ts';
import type { TermVocabulary } from './tokenize.ts';

/** The text of an article that is indexed. */
export interface ArticleText {
  title: string;
  text: string;
}

/** Sentences and term ids of a run of articles, in article order. */
export interface ArticleTerms {
  /** Number of sentences of each article. */
  sentenceCounts: Int32Array;
  /** Each sentence as three numbers: start, end and paragraph (see `appendSentences`). */
  spans: Int32Array;
  /** Term ids of each sentence (one row a sentence). */
  sentenceTerms: TermTable;
  /** Term ids of each title (one row an article). */
  titleTerms: TermTable;
}

/** Splits articles [from, to) into sentences and their titles and sentences into ids of `vocabulary`. */
export function tokeniseArticles(
  articles: readonly ArticleText[],
  from: number,
  to: number,
  vocabulary: TermVocabulary,
): ArticleTerms {
  const sentenceCounts = new Int32Array(to - from);
  const spans = new IntBuffer(1 << 12);
  const sentences = new TermTableBuilder();
  const titles = new TermTableBuilder();
  for (let a = from; a < to; a++) {
    const { title, text } = articles[a] as ArticleText;
    const first = spans.length;
    appendSentences(text, spans);
    sentenceCounts[a - from] = (spans.length - first) / 3;
    vocabulary.appendIds(title, titles.ids);
    titles.endRow();
    for (let s = first; s < spans.length; s += 3) {
      vocabulary.appendIds(text, sentences.ids, spans.at(s), spans.at(s + 1));
      sentences.endRow();
    }
  }
  return {
    sentenceCounts,
    spans: spans.toArray(),
    sentenceTerms: sentences.build(),
    titleTerms: titles.build(),
  };
}

/** Consecutive runs of articles as one. */
export function joinArticleTerms(runs: readonly ArticleTerms[]): ArticleTerms {
  if (runs.length === 1) return runs[0] as ArticleTerms;
  const join = (pick: (r: ArticleTerms) => Int32Array) => {
    const out = new Int32Array(runs.reduce((n, r) => n + pick(r).length, 0));
    let at = 0;
    for (const r of runs) {
      out.set(pick(r), at);
      at += pick(r).length;
    }
    return out;
  };
  return {
    sentenceCounts: join((r) => r.sentenceCounts),
    spans: join((r) => r.spans),
    sentenceTerms: joinTables(runs.map((r) => r.sentenceTerms)),
    titleTerms: joinTables(runs.map((r) => r.titleTerms)),
  };
}
