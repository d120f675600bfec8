/** Picking the best-scored passages among many candidates, as wink orders them. */

/** A ranked passage: its index in the build order and its BM25F score. */
export interface ScoredPassage {
  passage: number;
  score: number;
  /**
   * Its BM25F score when `score` is a re-ranker's: the re-ranker orders the candidates, and this
   * still says how much of the question's evidence a passage holds against the others'.
   */
  bm25?: number;
}

/**
 * A bounded min-heap of (passage, score) in preallocated typed arrays, for picking the `limit`
 * highest scores among many candidates without an object per candidate. The root is the worst
 * kept: lower score, or same score and later passage (wink's stable sort over ascending ids puts
 * the lower passage first among equal scores).
 */
export class TopHeap {
  private passages = new Int32Array(64);
  private scores = new Float64Array(64);
  private size = 0;
  private limit = 0;

  /** Empties the heap for a new selection of at most `limit`. */
  reset(limit: number): void {
    if (limit > this.passages.length) {
      this.passages = new Int32Array(limit);
      this.scores = new Float64Array(limit);
    }
    this.size = 0;
    this.limit = limit;
  }

  offer(passage: number, score: number): void {
    if (this.size < this.limit) {
      // Sift up from a new leaf while the candidate is worse than the parent.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!isWorse(passage, score, this.passages[parent] as number, this.scores[parent] as number)) break;
        this.move(parent, i);
        i = parent;
      }
      this.passages[i] = passage;
      this.scores[i] = score;
    } else if (!isWorse(passage, score, this.passages[0] as number, this.scores[0] as number)) {
      this.replaceRoot(passage, score);
    }
  }

  /**
   * Offers each passage of `passages[0, count)` with its score in `scores`, and sets those scores
   * back to 0. Once `limit` are kept, a score below the worst kept is passed over with one compare.
   */
  takeScores(passages: Int32Array, count: number, scores: Float64Array): void {
    let floor = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i++) {
      const p = passages[i] as number;
      const s = scores[p] as number;
      scores[p] = 0;
      if (s < floor) continue;
      this.offer(p, s);
      if (this.size === this.limit) floor = this.scores[0] as number;
    }
  }

  /**
   * The kept candidates, best first, emptying the heap: popped worst first into place, so no
   * comparator runs (a sort's comparator returning a fraction allocates a number per call).
   */
  sorted(): ScoredPassage[] {
    const out: ScoredPassage[] = new Array(this.size);
    while (this.size > 0) {
      const last = --this.size;
      out[last] = { passage: this.passages[0] as number, score: this.scores[0] as number };
      if (last > 0) this.replaceRoot(this.passages[last] as number, this.scores[last] as number);
    }
    return out;
  }

  /** Puts (passage, score) at the root and sifts it down while the worse child is worse than it. */
  private replaceRoot(passage: number, score: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const m =
        r < this.size &&
        isWorse(
          this.passages[r] as number,
          this.scores[r] as number,
          this.passages[l] as number,
          this.scores[l] as number,
        )
          ? r
          : l;
      if (!isWorse(this.passages[m] as number, this.scores[m] as number, passage, score)) break;
      this.move(m, i);
      i = m;
    }
    this.passages[i] = passage;
    this.scores[i] = score;
  }

  private move(from: number, to: number): void {
    this.passages[to] = this.passages[from] as number;
    this.scores[to] = this.scores[from] as number;
  }
}

/** Is (p, s) worse than (q, t): a lower score, or the same score and a later passage? */
export function isWorse(p: number, s: number, q: number, t: number): boolean {
  return s < t || (s === t && p > q);
}

/**
 * Sorts ranked passages in place, best first (higher score, then earlier passage), without a
 * comparator call per pair: an insertion sort, quick on the short, nearly ordered lists re-ranking leaves.
 */
export function sortBest(ranked: ScoredPassage[]): ScoredPassage[] {
  for (let i = 1; i < ranked.length; i++) {
    const item = ranked[i] as ScoredPassage;
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = ranked[j] as ScoredPassage;
      if (!isWorse(other.passage, other.score, item.passage, item.score)) break;
      ranked[j + 1] = other;
    }
    ranked[j + 1] = item;
  }
  return ranked;
}
