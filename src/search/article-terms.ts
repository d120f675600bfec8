/**
 * What an index build needs of the text of a run of articles: each article's sentences and the
 * ids of the words (then of the terms) of its title and of each sentence, in flat typed arrays
 * (which a worker thread hands over without copying). The build's own thread and its workers run
 * the same code.
 */
import { SentenceKindReader } from '../passages/sentence-kinds.ts';
import { appendSentences } from '../passages/sentences.ts';
import { int32Array, uint8Array } from '../util/shared-arrays.ts';
import { IntBuffer, type TermTable, TermTableBuilder } from '../util/term-table.ts';
import type { ArticleTextSource } from './scan-texts.ts';
import type { WordTable } from './word-table.ts';

/** Sentences and word (or term) ids of a run of articles, in article order. */
export interface ArticleTerms {
  /** Number of sentences of each article. */
  sentenceCounts: Int32Array;
  /** Each sentence as three numbers: start, end and paragraph (see `appendSentences`). */
  spans: Int32Array;
  /** The kind of answer each sentence holds (see passages/sentence-kinds.ts). */
  kinds: Uint8Array;
  /** Word or term ids of each sentence (one row a sentence). */
  sentenceTerms: TermTable;
  /** Word or term ids of each title (one row an article). */
  titleTerms: TermTable;
}

/**
 * Splits articles [from, to) of `source` into sentences, and their titles and sentences into ids
 * of `words`.
 */
export function scanArticles(
  source: ArticleTextSource,
  from: number,
  to: number,
  words: WordTable,
): ArticleTerms {
  const sentenceCounts = int32Array(to - from);
  const spans = new IntBuffer(1 << 12);
  const sentences = new TermTableBuilder();
  const titles = new TermTableBuilder();
  let kinds = new Uint8Array(1 << 10);
  for (let a = from; a < to; a++) {
    const title = source.title(a);
    const text = source.text(a);
    const first = spans.length;
    appendSentences(text, spans);
    sentenceCounts[a - from] = (spans.length - first) / 3;
    words.appendWordIds(title, titles.ids);
    titles.endRow();
    if (spans.length / 3 > kinds.length) {
      const grown = new Uint8Array(Math.max(spans.length / 3, 2 * kinds.length));
      grown.set(kinds);
      kinds = grown;
    }
    const reader = new SentenceKindReader(text);
    for (let s = first; s < spans.length; s += 3) {
      const from = sentences.ids.length;
      words.appendWordIds(text, sentences.ids, spans.at(s), spans.at(s + 1));
      kinds[s / 3] = reader.kind(
        spans.at(s),
        spans.at(s + 1),
        words.roles,
        sentences.ids,
        from,
        sentences.ids.length,
      );
      sentences.endRow();
    }
  }
  return {
    sentenceCounts,
    spans: spans.toArray(),
    kinds: kinds.slice(0, spans.length / 3),
    sentenceTerms: sentences.build(),
    titleTerms: titles.build(),
  };
}

/** The sentences of articles: `ArticleTerms` without the terms. */
export type ArticleSentences = Pick<ArticleTerms, 'sentenceCounts' | 'spans' | 'kinds'>;

/** The sentences of consecutive runs of articles, as one. */
export function joinSentences(runs: readonly ArticleTerms[]): ArticleSentences {
  const join = (pick: (r: ArticleTerms) => Int32Array) => {
    const out = int32Array(runs.reduce((n, r) => n + pick(r).length, 0));
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
    kinds: joinBytes(runs.map((r) => r.kinds)),
  };
}

/**
 * The rows of word ids of consecutive runs of articles as one, in term ids: each word replaced by
 * its row of `termsOfWords` (none for a stop word, several for a word such as "U.S.is").
 */
export function joinTerms(
  runs: readonly ArticleTerms[],
  termsOfWords: TermTable,
): Pick<ArticleTerms, 'sentenceTerms' | 'titleTerms'> {
  const single = singleTerms(termsOfWords);
  return {
    sentenceTerms: wordsToTerms(
      runs.map((r) => r.sentenceTerms),
      termsOfWords,
      single,
    ),
    titleTerms: wordsToTerms(
      runs.map((r) => r.titleTerms),
      termsOfWords,
      single,
    ),
  };
}

/** In `singleTerms`: a word with no term (a stop word), and a word with several. */
const NO_TERM = -1;
const SEVERAL = -2;

/** Of each word of `termsOfWords`: its one term, or NO_TERM, or SEVERAL. */
function singleTerms({ offsets, ids }: TermTable): Int32Array {
  const single = int32Array(offsets.length - 1);
  for (let w = 0; w < single.length; w++) {
    const count = (offsets[w + 1] as number) - (offsets[w] as number);
    single[w] = count === 1 ? (ids[offsets[w] as number] as number) : count === 0 ? NO_TERM : SEVERAL;
  }
  return single;
}

/** The rows of several tables of word ids, in order, as one table of term ids. */
function wordsToTerms(tables: readonly TermTable[], termsOfWords: TermTable, single: Int32Array): TermTable {
  const { offsets: wordAt, ids: wordTermIds } = termsOfWords;
  let rows = 0;
  let size = 0;
  for (const { offsets, ids: words } of tables) {
    rows += offsets.length - 1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      const t = single[w] as number;
      size += t >= 0 ? 1 : t === NO_TERM ? 0 : (wordAt[w + 1] as number) - (wordAt[w] as number);
    }
  }
  const ids = int32Array(size);
  const offsets = int32Array(rows + 1);
  let row = 0;
  let at = 0;
  for (const { offsets: rowAt, ids: words } of tables) {
    for (let r = 1; r < rowAt.length; r++) {
      const end = rowAt[r] as number;
      for (let i = rowAt[r - 1] as number; i < end; i++) {
        const w = words[i] as number;
        const t = single[w] as number;
        if (t >= 0) ids[at++] = t;
        else if (t === SEVERAL) {
          const last = wordAt[w + 1] as number;
          for (let k = wordAt[w] as number; k < last; k++) ids[at++] = wordTermIds[k] as number;
        }
      }
      offsets[++row] = at;
    }
  }
  return { offsets, ids };
}

/** Byte arrays one after the other, in one. */
function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
