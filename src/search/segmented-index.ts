/**
 * An index made of immutable segments (Lucene's design, with wink's BM25F): an added article is
 * a new small segment, a removed one a flag in its segment's deletion set, and small segments are
 * merged into larger ones (see `mergeRun`). Collection statistics — live passage count, total
 * field length, document frequency of every term — are kept for the whole index, and each
 * posting's weight is computed at query time from them with wink's arithmetic, so every score
 * equals that of a full build over the live passages in the same order (`indexPassages`).
 *
 * A SegmentedIndex is a value: every change returns a new one sharing the unchanged segments, so
 * questions answered from the old one during a change or a merge see a whole index.
 */
import { IndexError, type PassageFields, type PostingData, postingWeight } from './bm25-index.ts';
import type { PassageIndex } from './passage-index.ts';
import { addPositive, allPositive, positiveFactors } from './positive-scores.ts';
import type { RankingConfig } from './ranking-config.ts';
import { buildSegment, mergeSegments, type Segment, type SegmentPart, termSlot } from './segment.ts';
import { SegmentWeights, type WeightStatistics } from './segment-weights.ts';
import { TermDictionary } from './term-dictionary.ts';
import { type ScoredPassage, TopHeap } from './top-heap.ts';

/**
 * When merging: segments of up to this many live passages count as the smallest tier, and a run
 * of MERGE_FACTOR adjacent segments of one tier at the end of the index is merged into one.
 */
export const MIN_TIER_PASSAGES = 1000;
/** Adjacent segments of one tier that trigger their merge (Lucene's segments per tier is 10). */
export const MERGE_FACTOR = 10;

/** A new index and the slot of the first passage of the segment just added. */
export interface AddedSegment {
  index: SegmentedIndex;
  firstSlot: number;
  /** For each id of the input vocabulary, its term id in the index (-1 if unused). */
  termIdOf: Int32Array;
}

/** Each new set of collection statistics gets the next id (see `SegmentWeights`). */
let lastStatsId = 0;

/** Passages flagged in a deletion set, counted once per set (sets are never written once shared). */
const deletedCounts = new WeakMap<Uint8Array, number>();

/** How many passages a deletion set flags. */
function deletedIn(deleted: Uint8Array): number {
  let n = deletedCounts.get(deleted);
  if (n === undefined) {
    n = 0;
    for (let p = 0; p < deleted.length; p++) n += deleted[p] as number;
    deletedCounts.set(deleted, n);
  }
  return n;
}

/** `total` plus each passage's title then body length, in order: a full build's running sum, continued. */
function sumLengths(total: number, segment: Segment): number {
  let sum = total;
  for (let p = 0; p < segment.count; p++) {
    sum += segment.titleLengths[p] as number;
    sum += segment.bodyLengths[p] as number;
  }
  return sum;
}

/** Scratch arrays for search, shared by the indexes of one lineage (one search at a time: JS is single-threaded). */
class SearchScratch {
  scores = new Float64Array(0);
  touched = new Int32Array(0);
  seen = new Uint8Array(0);
  /** Each query term's slot in each segment (-1: none), query term by query term. */
  slots = new Int32Array(0);
  readonly heap = new TopHeap();
  /** Each segment's weights, owned by the newest statistics that used them. */
  readonly weights = new WeakMap<Segment, SegmentWeights>();

  fit(slots: number): void {
    if (this.scores.length >= slots) return;
    const size = Math.max(slots, Math.ceil(this.scores.length * 1.5));
    this.scores = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.seen = new Uint8Array(size);
  }
}

/**
 * A segmented BM25F index. Passages are addressed by slot: segment by segment, in order, deleted
 * passages included (a deleted slot is never returned); merging renumbers slots (see `mergeRun`).
 */
export class SegmentedIndex implements PassageIndex, WeightStatistics {
  /** First slot of each segment, and the slot count at the end. */
  private readonly bases: Int32Array;
  /** Per segment, the weights this index last read (see `weightsOf`). */
  private readonly stores: (SegmentWeights | undefined)[];
  /** Whether every preset weight is above 0 (see `withWeights`). */
  private readonly presetPositive: boolean;

  /**
   * Term weights searches of this index had to compute themselves, one per term and segment:
   * none once `readyWeights` has run, until a newer index takes the weights over.
   */
  weightsComputedBySearch = 0;

  private constructor(
    readonly config: RankingConfig,
    readonly dictionary: TermDictionary,
    readonly segments: readonly Segment[],
    /** Per segment, the flags of its deleted passages (null: none). Never written once shared. */
    readonly deletions: readonly (Uint8Array | null)[],
    /** Live passages holding each term id (ids past its length: none). Never written once shared. */
    private readonly df: Int32Array,
    /** Live passages. */
    readonly passageCount: number,
    private readonly scratch: SearchScratch,
    /**
     * Identifies the statistics: a new id for each new passage count or document frequencies, the
     * same for an index with the same live passages (a merge), whose weights are the same.
     */
    readonly statsId: number = ++lastStatsId,
    /** The weights of every posting of the first segment under these statistics, when known (see `withWeights`). */
    private readonly preset: Float64Array | null = null,
    /** The total field length, summed as a full build sums it, when known (else made on first use). */
    private total: number | null = null,
  ) {
    this.bases = new Int32Array(segments.length + 1);
    segments.forEach((s, i) => {
      this.bases[i + 1] = (this.bases[i] as number) + s.count;
    });
    this.stores = new Array(segments.length);
    this.presetPositive = preset !== null && allPositive(preset);
  }

  /**
   * An index of no passage. `terms`, when given, are numbered first, in order (an index made from
   * a single build keeps that build's term ids).
   */
  static empty(config: RankingConfig, terms: readonly string[] = []): SegmentedIndex {
    const dictionary = new TermDictionary();
    for (const term of terms) dictionary.idOf(term);
    return new SegmentedIndex(
      config,
      dictionary,
      [],
      [],
      new Int32Array(0),
      0,
      new SearchScratch(),
      undefined,
      null,
      0,
    );
  }

  /** An index of one segment holding `fields` (a full build); `terms` as in `empty`. */
  static build(fields: PassageFields, config: RankingConfig, terms: readonly string[] = []): AddedSegment {
    return SegmentedIndex.empty(config, terms).withPassages(fields);
  }

  /** Slots, deleted ones included: slot numbers are below this. */
  get slotCount(): number {
    return this.bases[this.segments.length] as number;
  }

  /** Number of terms the dictionary numbers (term ids are below this; some may be in no live passage). */
  get termCount(): number {
    return this.df.length;
  }

  /** The term id of a term held by some live passage, or undefined. */
  termId(term: string): number | undefined {
    const id = this.dictionary.get(term);
    return id !== undefined && id < this.df.length && (this.df[id] as number) > 0 ? id : undefined;
  }

  /** Is the passage in this slot live (not deleted)? */
  isLive(slot: number): boolean {
    const s = this.segmentOf(slot);
    return (this.deletions[s]?.[slot - (this.bases[s] as number)] ?? 0) === 0;
  }

  /** The first `limit` live passages (by slot) holding a term, in order. */
  passagesWith(term: string, limit: number): number[] {
    const found: number[] = [];
    const t = this.termId(term);
    if (t === undefined) return found;
    for (let s = 0; s < this.segments.length && found.length < limit; s++) {
      const segment = this.segments[s] as Segment;
      const slot = termSlot(segment, t);
      if (slot < 0) continue;
      const base = this.bases[s] as number;
      const deleted = this.deletions[s] ?? null;
      const end = segment.offsets[slot + 1] as number;
      for (let k = segment.offsets[slot] as number; k < end && found.length < limit; k++) {
        const p = segment.passages[k] as number;
        if (deleted === null || deleted[p] === 0) found.push(base + p);
      }
    }
    return found;
  }

  /** The IDF of a term, as a full build computes it, or null when no live passage contains it. */
  idf(term: string): number | null {
    const id = this.termId(term);
    return id === undefined ? null : this.idfOf(id);
  }

  /** The IDF a term would have if no passage contained it (the largest possible). */
  maxIdf(k: number): number {
    const n = this.passageCount;
    return Math.log((n + 0.5) / 0.5 + k);
  }

  /** The IDF of term id `id` under this index' statistics, as a full build computes it. */
  idfOf(id: number): number {
    const n = this.df[id] as number;
    return Math.log((Math.max(3, this.passageCount) - n + 0.5) / (n + 0.5) + this.config.k);
  }

  /** Adds passages as a new segment after the others (their slots follow every existing slot). */
  withPassages(fields: PassageFields): AddedSegment {
    const { segment, termIdOf } = buildSegment(fields, this.dictionary, this.config);
    const df = new Int32Array(this.dictionary.size);
    df.set(this.df);
    for (let i = 0; i < segment.terms.length; i++) {
      const t = segment.terms[i] as number;
      df[t] = (df[t] as number) + ((segment.offsets[i + 1] as number) - (segment.offsets[i] as number));
    }
    const index = new SegmentedIndex(
      this.config,
      this.dictionary,
      [...this.segments, segment],
      [...this.deletions, null],
      df,
      this.passageCount + segment.count,
      this.scratch,
      undefined,
      null,
      // The new passages come last: the running sum goes on, in the order a full build sums.
      this.total === null ? null : sumLengths(this.total, segment),
    );
    return { index, firstSlot: this.slotCount, termIdOf };
  }

  /** The index without the passages in these slots (already deleted ones are ignored). */
  without(slots: Iterable<number>): SegmentedIndex {
    const deletions = [...this.deletions];
    const copied = new Set<number>();
    let df: Int32Array | null = null;
    let removed = 0;
    // Whole lengths sum exactly in any order: the total less the removed ones is a full build's.
    let total = this.total;
    for (const slot of slots) {
      if (slot < 0 || slot >= this.slotCount) throw new IndexError(`SegmentedIndex: no slot ${slot}`);
      const s = this.segmentOf(slot);
      const p = slot - (this.bases[s] as number);
      const segment = this.segments[s] as Segment;
      if ((deletions[s]?.[p] ?? 0) === 1) continue;
      if (!copied.has(s)) {
        copied.add(s);
        const before = deletions[s] ?? null;
        deletions[s] = before?.slice() ?? new Uint8Array(segment.count);
        deletedCounts.set(deletions[s] as Uint8Array, before === null ? 0 : deletedIn(before));
      }
      const set = deletions[s] as Uint8Array;
      set[p] = 1;
      deletedCounts.set(set, (deletedCounts.get(set) as number) + 1);
      const length = 0 + (segment.titleLengths[p] as number) + (segment.bodyLengths[p] as number);
      total =
        total !== null && Number.isInteger(length) && Number.isSafeInteger(total) ? total - length : null;
      df ??= this.df.slice();
      for (let i = segment.termStart[p] as number, end = segment.termStart[p + 1] as number; i < end; i++) {
        const t = segment.passageTerms[i] as number;
        df[t] = (df[t] as number) - 1;
      }
      removed++;
    }
    if (removed === 0) return this;
    return new SegmentedIndex(
      this.config,
      this.dictionary,
      this.segments,
      deletions,
      df as Int32Array,
      this.passageCount - removed,
      this.scratch,
      undefined,
      null,
      total,
    );
  }

  /**
   * The segments [from, to) the tiered policy would merge now, or null: the longest run of
   * segments at the end whose live passages fall in one tier (each tier MERGE_FACTOR times the
   * last), when it holds MERGE_FACTOR or more. Only adjacent segments merge, so slot order (and
   * with it the order of equal scores) never changes.
   */
  mergeCandidate(): { from: number; to: number } | null {
    const tierOf = (s: number) => {
      const live = this.liveIn(s);
      return live <= MIN_TIER_PASSAGES
        ? 0
        : Math.floor(Math.log(live / MIN_TIER_PASSAGES) / Math.log(MERGE_FACTOR)) + 1;
    };
    const to = this.segments.length;
    if (to < 2) return null;
    const tier = tierOf(to - 1);
    let from = to - 1;
    while (from > 0 && tierOf(from - 1) <= tier) from--;
    return to - from >= MERGE_FACTOR ? { from, to } : null;
  }

  /** Live passages of segment s. */
  private liveIn(s: number): number {
    const deleted = this.deletions[s];
    const count = this.segments[s]?.count ?? 0;
    return deleted === null || deleted === undefined ? count : count - deletedIn(deleted);
  }

  /** The segments [from, to) with their deletion sets, as a merge reads them. */
  mergeParts(from: number, to: number): SegmentPart[] {
    const parts: SegmentPart[] = [];
    for (let s = from; s < to; s++)
      parts.push({ segment: this.segments[s] as Segment, deleted: this.deletions[s] ?? null });
    return parts;
  }

  /**
   * The index with segments [from, to) replaced by `merged`, built by `mergeSegments(parts)` from
   * `parts` (the same segments, read before: a merge may run while changes land). Passages deleted
   * since the parts were read stay deleted. Null when those segments are no longer in this index
   * (another merge replaced them). Slots change: `slotOf[old]` is each old slot's new one (-1: gone).
   */
  withMerged(
    parts: readonly SegmentPart[],
    merged: Segment,
  ): { index: SegmentedIndex; slotOf: Int32Array } | null {
    const from = this.segments.indexOf(parts[0]?.segment as Segment);
    if (from < 0 || parts.some((part, i) => this.segments[from + i] !== part.segment)) return null;
    const to = from + parts.length;
    const slotOf = new Int32Array(this.slotCount).fill(-1);
    let lateDeletions: Uint8Array | null = null;
    let q = 0;
    for (let s = 0; s < this.segments.length; s++) {
      const base = this.bases[s] as number;
      const count = (this.segments[s] as Segment).count;
      const inRun = s >= from && s < to;
      const read = inRun ? (parts[s - from] as SegmentPart).deleted : null;
      const now = this.deletions[s] ?? null;
      for (let p = 0; p < count; p++) {
        if (inRun && read !== null && read[p] === 1) continue;
        if (inRun && now !== null && now[p] === 1) {
          lateDeletions ??= new Uint8Array(merged.count);
          lateDeletions[q - (this.bases[from] as number)] = 1;
        }
        slotOf[base + p] = q++;
      }
    }
    const segments = [...this.segments.slice(0, from), merged, ...this.segments.slice(to)];
    const deletions = [...this.deletions.slice(0, from), lateDeletions, ...this.deletions.slice(to)];
    const index = new SegmentedIndex(
      this.config,
      this.dictionary,
      segments,
      deletions,
      this.df,
      this.passageCount,
      this.scratch,
      this.statsId,
      null,
      // The same live passages in the same order: the same total.
      this.total,
    );
    return { index, slotOf };
  }

  /**
   * The `limit` best live passages (slots) for already-normalised query terms (repeats count, as
   * in wink), best first, ties broken by slot. With `allowed`, only slots whose flag is 1 are
   * scored. Equal, scores and order, to `Bm25Index.search` over the live passages in slot order.
   */
  search(
    queryTerms: string[],
    limit: number,
    allowed: Uint8Array | null = null,
    termWeights: ArrayLike<number> | null = null,
  ): ScoredPassage[] {
    const scratch = this.scratch;
    scratch.fit(this.slotCount);
    const segmentCount = this.segments.length;
    if (scratch.slots.length < queryTerms.length * segmentCount)
      scratch.slots = new Int32Array(queryTerms.length * segmentCount * 2);
    const { scores, touched, seen, heap, slots } = scratch;
    // First each term's postings in each segment, their weights made ready: when every weight
    // read is above 0, a score of 0 means "not yet scored" and no flags are needed.
    let positive = positiveFactors(termWeights, queryTerms.length);
    for (let q = 0; q < queryTerms.length; q++) {
      const t = this.termId(queryTerms[q] as string);
      for (let s = 0; s < segmentCount; s++) {
        const slot = t === undefined ? -1 : termSlot(this.segments[s] as Segment, t);
        slots[q * segmentCount + s] = slot;
        if (slot >= 0 && !this.readyTerm(s, slot, t as number, true)) positive = false;
      }
    }
    let touchedCount = 0;
    for (let q = 0; q < queryTerms.length; q++) {
      const factor = termWeights === null ? 1 : (termWeights[q] ?? 1);
      for (let s = 0; s < segmentCount; s++) {
        const slot = slots[q * segmentCount + s] as number;
        if (slot < 0) continue;
        const segment = this.segments[s] as Segment;
        const base = this.bases[s] as number;
        const deleted = this.deletions[s] ?? null;
        const weights = this.weightsOf(s);
        const { passages } = segment;
        const from = segment.offsets[slot] as number;
        const end = segment.offsets[slot + 1] as number;
        if (positive && base === 0 && deleted === null) {
          touchedCount = addPositive(
            passages,
            weights,
            from,
            end,
            factor,
            allowed,
            scores,
            touched,
            touchedCount,
          );
          continue;
        }
        for (let i = from; i < end; i++) {
          const p = passages[i] as number;
          if (deleted !== null && deleted[p] === 1) continue;
          const g = base + p;
          if (allowed !== null && allowed[g] !== 1) continue;
          const score = scores[g] as number;
          if (positive ? score === 0 : seen[g] === 0) {
            if (!positive) seen[g] = 1;
            touched[touchedCount++] = g;
          }
          scores[g] = (factor === 1 ? (weights[i] as number) : factor * (weights[i] as number)) + score;
        }
      }
    }
    heap.reset(Math.max(1, limit));
    for (let i = 0; i < touchedCount; i++) {
      const g = touched[i] as number;
      heap.offer(g, scores[g] as number);
      scores[g] = 0;
      seen[g] = 0;
    }
    return heap.sorted();
  }

  /**
   * Computes now, until `deadline` (a `performance.now()` time), the term weights the first
   * searches of this index would otherwise compute (a change moves every weight): to run while
   * the process is idle, a slice at a time. True when every weight is ready, or when a newer
   * index has taken the weights over (this one is no longer worth readying).
   */
  readyWeights(deadline = Number.POSITIVE_INFINITY): boolean {
    for (let s = 0; s < this.segments.length; s++) {
      if (s === 0 && this.preset !== null) continue;
      const store = this.storeOf(s);
      if (this.scratch.weights.get(store.segment) !== store) return true;
      if (!store.fillAll(this, deadline)) return false;
    }
    return true;
  }

  /**
   * Makes the weights of term t's postings in segment s (at `slot` of its terms) those of this
   * index' statistics, computing them unless they are (a preset, or computed before under the same
   * statistics); true when each is above 0. `bySearch` counts a computation in `weightsComputedBySearch`.
   */
  private readyTerm(s: number, slot: number, t: number, bySearch: boolean): boolean {
    if (s === 0 && this.preset !== null) return this.presetPositive;
    const store = this.storeOf(s);
    if (bySearch && !store.filled(slot)) this.weightsComputedBySearch++;
    return store.fill(slot, t, this);
  }

  /** The weights of segment s's postings, at the postings' places (those of terms made ready, see `readyTerm`). */
  private weightsOf(s: number): Float64Array {
    if (s === 0 && this.preset !== null) return this.preset;
    return this.storeOf(s).values;
  }

  /**
   * The weights of segment s this index reads and fills: the ones its lineage shares for that
   * segment, taken over from older statistics; its own when newer statistics hold those (an index
   * still asked after a change has replaced it).
   */
  private storeOf(s: number): SegmentWeights {
    const mine = this.stores[s];
    if (mine !== undefined && mine.owner === this.statsId) return mine;
    const segment = this.segments[s] as Segment;
    let shared = this.scratch.weights.get(segment);
    if (shared === undefined) {
      shared = new SegmentWeights(segment, this.statsId);
      this.scratch.weights.set(segment, shared);
    } else if (shared.owner < this.statsId) shared.claim(this.statsId);
    const store = shared.owner === this.statsId ? shared : new SegmentWeights(segment, this.statsId);
    this.stores[s] = store;
    return store;
  }

  /** The average passage length under this index' statistics, as a full build divides it. */
  averageLength(): number {
    return this.totalLength() / Math.max(3, this.passageCount);
  }

  /** The live passages' total field length, summed in slot order, title then body, as a full build sums it. */
  private totalLength(): number {
    if (this.total !== null) return this.total;
    let total = 0;
    this.segments.forEach((segment, s) => {
      const deleted = this.deletions[s] ?? null;
      for (let p = 0; p < segment.count; p++) {
        if (deleted !== null && deleted[p] === 1) continue;
        total += segment.titleLengths[p] as number;
        total += segment.bodyLengths[p] as number;
      }
    });
    this.total = total;
    return total;
  }

  /** The segment holding a slot. */
  private segmentOf(slot: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.bases[mid] as number) <= slot) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * This index, answering from `weights` — a single build's weights of the same passages, in the
   * same posting order (`Bm25Index.data.weights`) — instead of computing them: an index made from
   * a build ranks as fast as the build until a change moves the statistics. Only for an index of
   * one segment with nothing deleted; spot-checked against the weights it would compute (IndexError).
   */
  withWeights(weights: Float64Array): SegmentedIndex {
    const segment = this.segments[0];
    if (this.segments.length !== 1 || segment === undefined || this.deletions[0] !== null)
      throw new IndexError('SegmentedIndex: preset weights need an index of one segment, nothing deleted');
    if (weights.length !== segment.passages.length)
      throw new IndexError(
        `SegmentedIndex: ${weights.length} preset weights for ${segment.passages.length} postings`,
      );
    const step = Math.max(1, Math.floor(segment.terms.length / 64));
    const computed = this.storeOf(0);
    for (let slot = 0; slot < segment.terms.length; slot += step) {
      computed.fill(slot, segment.terms[slot] as number, this);
      for (let i = segment.offsets[slot] as number, end = segment.offsets[slot + 1] as number; i < end; i++)
        if (weights[i] !== computed.values[i])
          throw new IndexError(
            `SegmentedIndex: preset weight ${i} is ${weights[i]}, computed ${computed.values[i]}`,
          );
    }
    return new SegmentedIndex(
      this.config,
      this.dictionary,
      this.segments,
      this.deletions,
      this.df,
      this.passageCount,
      this.scratch,
      this.statsId,
      weights,
      this.totalLength(),
    );
  }

  /**
   * The index as one build's posting data (`Bm25Index`): live passages numbered in slot order,
   * weights under this index' statistics, terms by their dictionary id (those in no live passage
   * left out of `termIds`). A Bm25Index over it ranks exactly as this index does.
   */
  postingData(): PostingData {
    const merged = mergeSegments(this.mergeParts(0, this.segments.length));
    const termCount = this.termCount;
    const idf = new Float64Array(termCount);
    const offsets = new Int32Array(termCount + 1);
    const termIds = new Map<string, number>();
    for (let t = 0, i = 0; t < termCount; t++) {
      if (merged.terms[i] === t) {
        offsets[t + 1] = merged.offsets[i + 1] as number;
        idf[t] = this.idfOf(t);
        termIds.set(this.dictionary.terms[t] as string, t);
        i++;
      } else offsets[t + 1] = offsets[t] as number;
    }
    const { b, k1 } = this.config;
    const average = this.totalLength() / Math.max(3, this.passageCount);
    const norm = Float64Array.from(
      merged.titleLengths,
      (title, p) => 1 - b + b * ((0 + title + (merged.bodyLengths[p] as number)) / average),
    );
    const weights = new Float64Array(merged.passages.length);
    for (let i = 0; i < merged.terms.length; i++) {
      const t = merged.terms[i] as number;
      for (let j = merged.offsets[i] as number, end = merged.offsets[i + 1] as number; j < end; j++) {
        const k1Norm = k1 * (norm[merged.passages[j] as number] as number);
        weights[j] = postingWeight(merged.freqs[j] as number, k1, k1Norm, idf[t] as number);
      }
    }
    return { passageCount: merged.count, termIds, idf, offsets, passages: merged.passages, weights };
  }

  /** Only a single build can be checked against wink's model: this always throws IndexError. */
  winkDisagreements(): string[] {
    throw new IndexError(
      'SegmentedIndex: comparing with wink needs a full build (buildIndex with keepEngine)',
    );
  }

  /** Merges one segment run the tiered policy asks for now (see `mergeCandidate`), or returns null. */
  mergeOnce(): { index: SegmentedIndex; slotOf: Int32Array } | null {
    const run = this.mergeCandidate();
    if (run === null) return null;
    const parts = this.mergeParts(run.from, run.to);
    return this.withMerged(parts, mergeSegments(parts));
  }
}
