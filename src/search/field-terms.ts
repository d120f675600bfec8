/**
 * The two passes over passages' fields that every BM25F build makes, the full index's and a
 * segment's alike: terms numbered in wink's order with their passage counts and field lengths,
 * then each passage's weighted term frequencies. One implementation, so both builds sum with the
 * same arithmetic in the same order.
 */
import { float64Array, int32Array } from '../util/shared-arrays.ts';

/**
 * The fields of every passage as term ids (ids into `vocabulary`, in any numbering): passage p's
 * title is titleIds[titleStart[p], titleEnd[p]) and its body bodyIds[bodyStart[p], bodyEnd[p]),
 * in order, with repeats. Passages may share slices (an article's title, overlapping sentences).
 */
export interface PassageFields {
  count: number;
  vocabulary: readonly string[];
  titleIds: Int32Array;
  titleStart: Int32Array;
  titleEnd: Int32Array;
  bodyIds: Int32Array;
  bodyStart: Int32Array;
  bodyEnd: Int32Array;
}

/** What the first pass learns of some passages. */
export interface FieldTermCounts {
  /** Distinct terms used, numbered 0..termCount-1 in order of first appearance, title before body. */
  termCount: number;
  /** For each id of the input vocabulary, its term number (-1 if unused). */
  termOf: Int32Array;
  /** For each term number, its id in the input vocabulary. */
  vocabularyIdOf: Int32Array;
  /** For each term number, how many passages hold it. */
  passageCounts: Int32Array;
  /** Each passage's title and body lengths: term count × |field weight|, as wink counts them. */
  titleLengths: Float64Array;
  bodyLengths: Float64Array;
}

/** Pass 1: numbers the terms of `fields` as wink does and counts their passages and the field lengths. */
export function countFieldTerms(fields: PassageFields, wTitle: number, wBody: number): FieldTermCounts {
  const { count, vocabulary, titleIds, titleStart, titleEnd, bodyIds, bodyStart, bodyEnd } = fields;
  const termOf = int32Array(vocabulary.length).fill(-1);
  const vocabularyIdOf = int32Array(vocabulary.length);
  // At most one term per vocabulary id.
  const passageCounts = int32Array(vocabulary.length);
  const stamp = int32Array(vocabulary.length).fill(-1);
  const titleLengths = float64Array(count);
  const bodyLengths = float64Array(count);
  let termCount = 0;
  const visit = (ids: Int32Array, from: number, to: number, p: number) => {
    for (let i = from; i < to; i++) {
      const raw = ids[i] as number;
      let t = termOf[raw] as number;
      if (t < 0) {
        t = termCount++;
        termOf[raw] = t;
        vocabularyIdOf[t] = raw;
      }
      if (stamp[t] !== p) {
        stamp[t] = p;
        passageCounts[t] = (passageCounts[t] as number) + 1;
      }
    }
  };
  for (let p = 0; p < count; p++) {
    const from = titleStart[p] as number;
    const to = titleEnd[p] as number;
    const bodyFrom = bodyStart[p] as number;
    const bodyTo = bodyEnd[p] as number;
    visit(titleIds, from, to, p);
    visit(bodyIds, bodyFrom, bodyTo, p);
    titleLengths[p] = (to - from) * Math.abs(wTitle);
    bodyLengths[p] = (bodyTo - bodyFrom) * Math.abs(wBody);
  }
  return {
    termCount,
    termOf,
    vocabularyIdOf: vocabularyIdOf.subarray(0, termCount),
    passageCounts: passageCounts.subarray(0, termCount),
    titleLengths,
    bodyLengths,
  };
}

/**
 * Called once per passage, in order, with its distinct terms (`distinct[0..n)`, numbers of
 * `countFieldTerms`, in order of first appearance in it) and their weighted frequencies (`freq[t]`).
 */
export type PassageTermsVisitor = (p: number, distinct: Int32Array, n: number, freq: Float64Array) => void;

/**
 * Pass 2: each passage's weighted term frequencies — the field weight added once per occurrence,
 * title first, as wink's addDoc adds them — handed to `visit` passage by passage.
 */
export function forEachPassageTerms(
  fields: PassageFields,
  counts: FieldTermCounts,
  wTitle: number,
  wBody: number,
  visit: PassageTermsVisitor,
): void {
  const { count, titleIds, titleStart, titleEnd, bodyIds, bodyStart, bodyEnd } = fields;
  const { termCount, termOf } = counts;
  const freq = float64Array(termCount);
  const distinct = int32Array(termCount);
  const seen = int32Array(termCount).fill(-1);
  let n = 0;
  const add = (ids: Int32Array, from: number, to: number, weight: number, p: number) => {
    for (let i = from; i < to; i++) {
      const t = termOf[ids[i] as number] as number;
      if (seen[t] !== p) {
        seen[t] = p;
        freq[t] = weight;
        distinct[n++] = t;
      } else freq[t] = (freq[t] as number) + weight;
    }
  };
  for (let p = 0; p < count; p++) {
    n = 0;
    add(titleIds, titleStart[p] as number, titleEnd[p] as number, wTitle, p);
    add(bodyIds, bodyStart[p] as number, bodyEnd[p] as number, wBody, p);
    visit(p, distinct, n, freq);
  }
}
