/**
 * Proximity: which of a question's adjacent term pairs ("super bowl", "nfl team") a passage holds
 * adjacent and in the same order inside one of its sentences. Counted with marks in typed arrays,
 * so re-ranking allocates nothing per candidate passage.
 */
import type { TermTable } from '../util/term-table.ts';

/** Counts a question's adjacent term pairs over rows of a term table; one query at a time. */
export class PairMatcher {
  /** Number of distinct pairs of the current query. */
  pairs = 0;
  private left = new Int32Array(16);
  private right = new Int32Array(16);
  private found = new Int32Array(16);
  /** leftMark[t] === query when term t starts a pair of the current query. */
  private readonly leftMark: Int32Array;
  private query = 0;
  private round = 0;

  constructor(termCount: number) {
    this.leftMark = new Int32Array(termCount);
  }

  /**
   * Makes the pairs of consecutive ids of `ids` (a question's terms in order, -1 for a term the
   * index lacks, which pairs with nothing) the current query; a repeated pair counts once, and so
   * does a term followed by itself never.
   */
  setQuery(ids: ArrayLike<number>): void {
    this.query++;
    this.pairs = 0;
    for (let i = 0; i + 1 < ids.length; i++) {
      const a = ids[i] as number;
      const b = ids[i + 1] as number;
      if (a < 0 || b < 0 || a === b || this.has(a, b)) continue;
      if (this.pairs === this.left.length) this.grow();
      this.left[this.pairs] = a;
      this.right[this.pairs] = b;
      this.found[this.pairs] = 0;
      this.pairs++;
      this.leftMark[a] = this.query;
    }
  }

  /**
   * The number of the current query's pairs found adjacent, in order, within one row of rows
   * [fromRow, toRow) of `table` (a pair never spans two sentences).
   */
  count(table: TermTable, fromRow: number, toRow: number): number {
    if (this.pairs === 0) return 0;
    const round = ++this.round;
    const { offsets, ids } = table;
    const { left, right, found, leftMark, query, pairs } = this;
    let matched = 0;
    for (let r = fromRow; r < toRow; r++) {
      for (let i = offsets[r] ?? 0, last = (offsets[r + 1] ?? 0) - 1; i < last; i++) {
        const a = ids[i] as number;
        if (a < 0 || leftMark[a] !== query) continue;
        const b = ids[i + 1] as number;
        for (let j = 0; j < pairs; j++) {
          if (left[j] !== a || right[j] !== b || found[j] === round) continue;
          found[j] = round;
          matched++;
        }
      }
    }
    return matched;
  }

  private has(a: number, b: number): boolean {
    if (this.leftMark[a] !== this.query) return false;
    for (let j = 0; j < this.pairs; j++) if (this.left[j] === a && this.right[j] === b) return true;
    return false;
  }

  private grow(): void {
    const size = this.left.length * 2;
    const grown = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.left = grown(this.left);
    this.right = grown(this.right);
    this.found = grown(this.found);
  }
}
