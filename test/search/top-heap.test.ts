import { describe, expect, it } from 'vitest';
import { type ScoredPassage, sortBest, TopHeap } from '../../src/search/top-heap.ts';
import { seededRandom } from '../seeded-random.ts';

/** Random candidates with many equal scores, so ties must fall to the earlier passage. */
function candidates(count: number, seed: number): ScoredPassage[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, passage) => ({ passage, score: Math.floor(random() * 20) / 4 }));
}
const bestFirst = (a: ScoredPassage, b: ScoredPassage) => b.score - a.score || a.passage - b.passage;

describe('picking the best passages', () => {
  it('the heap keeps the top `limit`, best first, ties to the earlier passage', () => {
    const heap = new TopHeap();
    for (const [count, limit] of [
      [0, 5],
      [3, 5],
      [200, 7],
      [500, 60],
    ] as const) {
      const all = candidates(count, count + limit);
      heap.reset(limit);
      for (const c of [...all].reverse()) heap.offer(c.passage, c.score);
      expect(heap.sorted()).toEqual([...all].sort(bestFirst).slice(0, limit));
    }
  });

  it('takes the best of a score table as offering each does, leaving the table at 0', () => {
    const heap = new TopHeap();
    for (const [count, limit] of [
      [0, 5],
      [3, 5],
      [200, 7],
      [5000, 60],
      [5000, 1],
    ] as const) {
      const all = candidates(count, 3 * count + limit);
      // Touched in a shuffled order, in a table with room for passages never touched.
      const order = Int32Array.from(all, (c) => c.passage).sort(
        (a, b) => ((a * 7919) % 101) - ((b * 7919) % 101),
      );
      const scores = new Float64Array(count + 10);
      for (const c of all) scores[c.passage] = c.score;
      heap.reset(limit);
      heap.takeScores(order, order.length, scores);
      expect(heap.sorted()).toEqual([...all].sort(bestFirst).slice(0, limit));
      expect(scores.every((s) => s === 0)).toBe(true);
    }
  });

  it('sortBest orders in place as the comparator sort does', () => {
    for (const count of [0, 1, 2, 60, 300]) {
      const all = candidates(count, 7 * count + 1);
      const expected = [...all].sort(bestFirst);
      expect(sortBest(all)).toBe(all);
      expect(all).toEqual(expected);
    }
  });
});
