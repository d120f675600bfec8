/** Ranking quality against one gold id per question: recall@1, recall@5, MRR@10. */

/** Ranking quality over a set of questions, each a fraction in [0, 1]. */
export interface RankQuality {
  questions: number;
  recall1: number;
  recall5: number;
  mrr10: number;
}

/**
 * The 0-based rank of `gold` in `ranked`, or -1 when it is absent. Only the first occurrence
 * counts, so a list that repeats an id is not rewarded twice.
 */
export function rankOf(ranked: readonly string[], gold: string): number {
  return ranked.indexOf(gold);
}

/**
 * Accumulates recall@1, recall@5 and MRR@10 (reciprocal rank of the gold id when it is in the
 * top 10, else 0), one question at a time. With no questions every figure is 0.
 */
export class RankMetrics {
  private n = 0;
  private hits1 = 0;
  private hits5 = 0;
  private reciprocal = 0;

  /** Records one question from its gold id's 0-based rank (-1 or ≥ 10 count as a miss for MRR@10). */
  addRank(rank: number): void {
    this.n++;
    if (rank < 0) return;
    if (rank === 0) this.hits1++;
    if (rank < 5) this.hits5++;
    if (rank < 10) this.reciprocal += 1 / (rank + 1);
  }

  /** Records one question from its ranked ids and its gold id. */
  add(ranked: readonly string[], gold: string): void {
    this.addRank(rankOf(ranked, gold));
  }

  /** The figures so far. */
  result(): RankQuality {
    const n = this.n;
    return {
      questions: n,
      recall1: n === 0 ? 0 : this.hits1 / n,
      recall5: n === 0 ? 0 : this.hits5 / n,
      mrr10: n === 0 ? 0 : this.reciprocal / n,
    };
  }
}
