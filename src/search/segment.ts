/**
 * One immutable segment of a segmented index: the postings of a run of passages, with only what
 * does not depend on the rest of the collection — each posting's weighted term frequency and
 * each passage's field lengths. BM25F weights depend on IDF and the average length, which every
 * change moves; they are computed at query time from the collection's statistics, so a segment
 * never changes once built (see `SegmentedIndex`).
 */
import { countFieldTerms, forEachPassageTerms, type PassageFields } from './field-terms.ts';
import type { RankingConfig } from './ranking-config.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** The postings of a run of passages, numbered 0..count-1 inside the segment, by dictionary term id. */
export interface Segment {
  readonly count: number;
  /** Term ids (of the index' TermDictionary) with postings here, ascending. */
  readonly terms: Int32Array;
  /** Postings of terms[i] are at [offsets[i], offsets[i + 1]), passages ascending. */
  readonly offsets: Int32Array;
  readonly passages: Int32Array;
  /** wink's weighted term frequency of each posting: the field weight added once per occurrence, title first. */
  readonly freqs: Float64Array;
  /** Each passage's title and body lengths: term count × |field weight|, as wink counts them. */
  readonly titleLengths: Float64Array;
  readonly bodyLengths: Float64Array;
  /** Distinct term ids of passage p are passageTerms[termStart[p], termStart[p + 1]) (for deletions). */
  readonly termStart: Int32Array;
  readonly passageTerms: Int32Array;
}

/** A segment and, for each id of the input vocabulary, its dictionary term id (-1 if unused). */
export interface BuiltSegment {
  segment: Segment;
  termIdOf: Int32Array;
}

/**
 * Builds the segment of some passages, numbering their terms in `dictionary` (new terms are
 * added to it, in order of first appearance, title before body). Frequencies and lengths are
 * summed with wink's arithmetic in wink's order, so that weights computed from them equal a full
 * build's (see `indexPassages`).
 */
export function buildSegment(
  fields: PassageFields,
  dictionary: TermDictionary,
  config: RankingConfig,
): BuiltSegment {
  const { count, vocabulary } = fields;
  const wTitle = config.fieldWeights.title;
  const wBody = config.fieldWeights.body;
  // Pass 1: local numbering (order of appearance), dictionary ids, postings per term.
  const counts = countFieldTerms(fields, wTitle, wBody);
  const { vocabularyIdOf, passageCounts: postingCounts, titleLengths, bodyLengths } = counts;
  const termIdOf = new Int32Array(vocabulary.length).fill(-1);
  const globalOfLocal = new Int32Array(counts.termCount);
  for (let local = 0; local < counts.termCount; local++) {
    const raw = vocabularyIdOf[local] as number;
    const id = dictionary.idOf(vocabulary[raw] as string);
    termIdOf[raw] = id;
    globalOfLocal[local] = id;
  }
  // Terms in dictionary order; slotOf[local] is a local term's place among them.
  const localCount = globalOfLocal.length;
  const order = Int32Array.from({ length: localCount }, (_, i) => i).sort(
    (a, b) => (globalOfLocal[a] as number) - (globalOfLocal[b] as number),
  );
  const terms = new Int32Array(localCount);
  const slotOf = new Int32Array(localCount);
  const offsets = new Int32Array(localCount + 1);
  for (let i = 0; i < localCount; i++) {
    const local = order[i] as number;
    terms[i] = globalOfLocal[local] as number;
    slotOf[local] = i;
    offsets[i + 1] = (offsets[i] as number) + (postingCounts[local] as number);
  }
  // Pass 2: each passage's weighted term frequencies, appended to the postings of its terms.
  const size = offsets[localCount] as number;
  const passages = new Int32Array(size);
  const freqs = new Float64Array(size);
  const termStart = new Int32Array(count + 1);
  const passageTerms = new Int32Array(size);
  const fill = offsets.slice(0, localCount);
  let forward = 0;
  forEachPassageTerms(fields, counts, wTitle, wBody, (p, distinct, n, freq) => {
    for (let j = 0; j < n; j++) {
      const local = distinct[j] as number;
      const slot = slotOf[local] as number;
      const at = fill[slot] as number;
      passages[at] = p;
      freqs[at] = freq[local] as number;
      fill[slot] = at + 1;
      passageTerms[forward++] = globalOfLocal[local] as number;
    }
    termStart[p + 1] = forward;
  });
  return {
    segment: { count, terms, offsets, passages, freqs, titleLengths, bodyLengths, termStart, passageTerms },
    termIdOf,
  };
}

/** Where term id t's postings start in a segment (its place in `terms`), or -1 when it has none. */
export function termSlot(segment: Segment, t: number): number {
  const terms = segment.terms;
  // Segments built in one go over a fresh dictionary hold ids 0..n-1: no search needed.
  if (t < terms.length && terms[t] === t) return t;
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = terms[mid] as number;
    if (at < t) lo = mid + 1;
    else if (at > t) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A segment with the flags of its deleted passages (null: none deleted). */
export interface SegmentPart {
  segment: Segment;
  deleted: Uint8Array | null;
}

/**
 * One segment holding the passages of `parts` that are not deleted, in order (parts in order,
 * passages ascending within each): what merging writes. Frequencies and lengths are copied, never
 * recomputed, so scores do not move.
 */
export function mergeSegments(parts: readonly SegmentPart[]): Segment {
  // New number of each part's passages (-1: deleted).
  let count = 0;
  const renumber = parts.map(({ segment, deleted }) => {
    const to = new Int32Array(segment.count);
    for (let p = 0; p < segment.count; p++) to[p] = deleted !== null && deleted[p] === 1 ? -1 : count++;
    return to;
  });
  let maxTerm = -1;
  for (const { segment } of parts) maxTerm = Math.max(maxTerm, segment.terms[segment.terms.length - 1] ?? -1);
  // Live postings per term id, then the terms that keep some, ascending.
  const postingCounts = new Int32Array(maxTerm + 1);
  parts.forEach(({ segment }, k) => {
    const to = renumber[k] as Int32Array;
    for (let i = 0; i < segment.terms.length; i++) {
      let live = 0;
      for (let j = segment.offsets[i] as number, end = segment.offsets[i + 1] as number; j < end; j++)
        if ((to[segment.passages[j] as number] as number) >= 0) live++;
      const t = segment.terms[i] as number;
      postingCounts[t] = (postingCounts[t] as number) + live;
    }
  });
  let termCount = 0;
  for (let t = 0; t <= maxTerm; t++) if ((postingCounts[t] as number) > 0) termCount++;
  const terms = new Int32Array(termCount);
  const offsets = new Int32Array(termCount + 1);
  const fillOf = new Int32Array(maxTerm + 1);
  for (let t = 0, i = 0; t <= maxTerm; t++) {
    const n = postingCounts[t] as number;
    if (n === 0) continue;
    terms[i] = t;
    fillOf[t] = offsets[i] as number;
    offsets[i + 1] = (offsets[i] as number) + n;
    i++;
  }
  const size = offsets[termCount] as number;
  const passages = new Int32Array(size);
  const freqs = new Float64Array(size);
  const titleLengths = new Float64Array(count);
  const bodyLengths = new Float64Array(count);
  const termStart = new Int32Array(count + 1);
  const passageTerms = new Int32Array(size);
  let forward = 0;
  parts.forEach(({ segment }, k) => {
    const to = renumber[k] as Int32Array;
    for (let i = 0; i < segment.terms.length; i++) {
      const t = segment.terms[i] as number;
      for (let j = segment.offsets[i] as number, end = segment.offsets[i + 1] as number; j < end; j++) {
        const p = to[segment.passages[j] as number] as number;
        if (p < 0) continue;
        const at = fillOf[t] as number;
        passages[at] = p;
        freqs[at] = segment.freqs[j] as number;
        fillOf[t] = at + 1;
      }
    }
    for (let p = 0; p < segment.count; p++) {
      const q = to[p] as number;
      if (q < 0) continue;
      titleLengths[q] = segment.titleLengths[p] as number;
      bodyLengths[q] = segment.bodyLengths[p] as number;
      const from = segment.termStart[p] as number;
      const end = segment.termStart[p + 1] as number;
      passageTerms.set(segment.passageTerms.subarray(from, end), forward);
      forward += end - from;
      termStart[q + 1] = forward;
    }
  });
  return { count, terms, offsets, passages, freqs, titleLengths, bodyLengths, termStart, passageTerms };
}
