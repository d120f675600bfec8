/** What answering needs of a passage index, built once (`Bm25Index`) or made of segments (`SegmentedIndex`). */
import type { ScoredPassage } from './top-heap.ts';

/** The compact, serialisable form of a built index. */
export interface PostingData {
  passageCount: number;
  /** Term → term id. */
  termIds: Map<string, number>;
  /** IDF of each term id, as wink computed it. */
  idf: Float64Array;
  /** Postings of term t are at [offsets[t], offsets[t + 1]). */
  offsets: Int32Array;
  passages: Int32Array;
  weights: Float64Array;
}

/** A BM25F passage index: exact top-k search over wink's weights, and the term statistics it scores by. */
export interface PassageIndex {
  /** Passages served (live ones, for a segmented index). */
  readonly passageCount: number;
  /** Term ids are below this (every term the index numbers, some perhaps in no live passage). */
  readonly termCount: number;
  /** The id of a term some passage holds, or undefined. */
  termId(term: string): number | undefined;
  /** The IDF of a term, or null when no passage contains it. */
  idf(term: string): number | null;
  /** The IDF a term would have if no passage contained it (the largest possible). */
  maxIdf(k: number): number;
  /**
   * The `limit` best passages for normalised query terms, best first, ties broken by passage
   * number; with `allowed`, only passages whose flag is 1; with `termWeights`, term i's weights
   * count termWeights[i] times (an expansion below its word's exact match).
   */
  search(
    queryTerms: string[],
    limit: number,
    allowed?: Uint8Array | null,
    termWeights?: ArrayLike<number> | null,
  ): ScoredPassage[];
  /** Is passage p served (not deleted)? */
  isLive(p: number): boolean;
  /** The first `limit` live passages holding a term, in order (none when no passage does). */
  passagesWith(term: string, limit: number): number[];
  /** The index as one build's posting data, live passages numbered in order (for saving). */
  postingData(): PostingData;
  /** Where the weights differ from wink's own model (only for an index built with keepEngine). */
  winkDisagreements(): string[];
}
