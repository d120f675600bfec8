/**
 * The BM25F weights of one segment's postings under one set of collection statistics, filled
 * term by term: by the first search that needs a term, or ahead of it while the process is idle
 * (`SegmentedIndex.readyWeights`). The indexes made from one another share one per segment, owned
 * by the newest statistics that asked for it, so a change reuses the array instead of allocating
 * one per change (see `SegmentedIndex`).
 */
import { postingWeight } from './bm25-index.ts';
import type { RankingConfig } from './ranking-config.ts';
import type { Segment } from './segment.ts';

/** What a posting's weight depends on besides the posting: the collection's statistics. */
export interface WeightStatistics {
  /** Identifies these statistics: equal ids, equal weights (see `SegmentedIndex`). */
  readonly statsId: number;
  readonly config: RankingConfig;
  /** The average passage length, as a full build divides it. */
  averageLength(): number;
  /** The IDF of term id t, as a full build computes it. */
  idfOf(t: number): number;
}

/** A segment's posting weights under the statistics that own them, and which terms are filled. */
export class SegmentWeights {
  /** Weight of each posting, at the posting's own place in the segment. */
  readonly values: Float64Array;
  /** Per term slot, the id of the statistics its weights were computed under (0: none yet). */
  private readonly filledFor: Int32Array;
  /** Per term slot, 1 when each of its weights is above 0 (valid where filled). */
  private readonly positive: Uint8Array;
  /** The next term slot `fillAll` looks at. */
  private cursor = 0;
  /** Per passage, k1 × its length normalisation under the statistics `normsFor` names. */
  private readonly norms: Float64Array;
  private normsFor = 0;

  constructor(
    readonly segment: Segment,
    /** The statistics whose weights this holds; only they may read or fill it. */
    public owner: number,
  ) {
    this.values = new Float64Array(segment.passages.length);
    this.filledFor = new Int32Array(segment.terms.length);
    this.positive = new Uint8Array(segment.terms.length);
    this.norms = new Float64Array(segment.count);
  }

  /** Hands this to newer statistics: what it holds is stale for them, so every term is filled again. */
  claim(owner: number): void {
    this.owner = owner;
    this.cursor = 0;
  }

  /** Whether the weights of the term at `slot` are computed under the owner's statistics. */
  filled(slot: number): boolean {
    return this.filledFor[slot] === this.owner;
  }

  /**
   * Makes sure the weights of the term at `slot` (term id t) are those of `stats` (its owner's),
   * computing them with `indexPassages`' arithmetic, term for term; true when each is above 0.
   */
  fill(slot: number, t: number, stats: WeightStatistics): boolean {
    if (this.filledFor[slot] !== stats.statsId) {
      if (this.normsFor !== stats.statsId) {
        fillNorms(this.segment, stats, this.norms);
        this.normsFor = stats.statsId;
      }
      const positive = fillWeights(
        this.segment,
        slot,
        stats.idfOf(t),
        stats.config.k1,
        this.norms,
        this.values,
      );
      this.positive[slot] = positive ? 1 : 0;
      this.filledFor[slot] = stats.statsId;
    }
    return this.positive[slot] === 1;
  }

  /**
   * Fills the terms not yet filled, in slot order, until `deadline` (a `performance.now()` time);
   * true when every term is filled.
   */
  fillAll(stats: WeightStatistics, deadline: number): boolean {
    const { terms } = this.segment;
    while (this.cursor < terms.length) {
      const slot = this.cursor++;
      if (this.filledFor[slot] === stats.statsId) continue;
      this.fill(slot, terms[slot] as number, stats);
      // Looked at after each term: one of a million postings takes milliseconds.
      if (performance.now() > deadline) return this.cursor >= terms.length;
    }
    return true;
  }
}

/** Writes k1 × each passage's length normalisation under `stats`, as a full build computes it. */
function fillNorms(segment: Segment, stats: WeightStatistics, out: Float64Array): void {
  const { titleLengths, bodyLengths } = segment;
  const { k1, b } = stats.config;
  const average = stats.averageLength();
  for (let p = 0; p < segment.count; p++) {
    const length = 0 + (titleLengths[p] as number) + (bodyLengths[p] as number);
    out[p] = k1 * (1 - b + b * (length / average));
  }
}

/**
 * Writes the weights of the postings of the term at `slot` into `out` at the postings' places
 * (`postingWeight`, from `norms`: see `fillNorms`); true when each is above 0.
 */
function fillWeights(
  segment: Segment,
  slot: number,
  idf: number,
  k1: number,
  norms: Float64Array,
  out: Float64Array,
): boolean {
  const { passages, freqs } = segment;
  const end = segment.offsets[slot + 1] as number;
  let positive = true;
  for (let i = segment.offsets[slot] as number; i < end; i++) {
    const weight = postingWeight(freqs[i] as number, k1, norms[passages[i] as number] as number, idf);
    out[i] = weight;
    if (!(weight > 0)) positive = false;
  }
  return positive;
}
