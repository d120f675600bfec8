/**
 * What re-ranking reads once per article of a question's candidates (its title's and text's
 * match), kept in a small open-addressing table of typed arrays keyed by article number: sibling
 * candidates share it, and its size follows the candidates, not the corpus.
 */

/** Values kept per article. */
export const MEMO_VALUES = 3;

/** A per-question memo of article values; one question at a time. */
export class ArticleMemo {
  /** MEMO_VALUES values per slot, at slot × MEMO_VALUES. */
  values = new Float64Array(256 * MEMO_VALUES);
  private keys = new Int32Array(256);
  private stamps = new Int32Array(256);
  private round = 0;

  /** Starts a new question that ranks up to `candidates` passages (so as many articles). */
  begin(candidates: number): void {
    let size = this.keys.length;
    while (size < 2 * candidates) size *= 2;
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.values = new Float64Array(size * MEMO_VALUES);
      this.round = 0;
    }
    this.round++;
  }

  /**
   * The slot of `article` when this question has it already (>= 0); else it is claimed for it
   * and -1 - slot is returned, for the caller to fill.
   */
  find(article: number): number {
    const mask = this.keys.length - 1;
    for (let slot = (Math.imul(article, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.round) {
        this.stamps[slot] = this.round;
        this.keys[slot] = article;
        return -1 - slot;
      }
      if (this.keys[slot] === article) return slot;
    }
  }
}
