import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { PairMatcher } from '../../src/answer/proximity.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { DEFAULT_RANKING_CONFIG } from '../../src/search/ranking-config.ts';

// "scattered" holds every word of the question, shorter (so BM25F prefers it), but reversed:
// "stadium bowl", "bowl super". "phrase" holds "super bowl" as asked.
const corpus = corpusFromRecords([
  { id: 'scattered', title: 'Stadium', text: 'The stadium bowl was super loud.' },
  {
    id: 'phrase',
    title: 'Stadium',
    text: 'The Super Bowl drew a loud crowd to the new stadium in the city that year.',
  },
  { id: 'other', title: 'Weather', text: 'Rain fell on the city all week.' },
]);
const question = 'super bowl stadium';

describe('proximity in ranking', () => {
  it("puts the passage holding the question's words adjacent and in order first", () => {
    const index = buildIndex(corpus);
    expect(index.rankArticles(question, 10).map((r) => r.docId)).toEqual(['phrase', 'scattered']);
    expect(index.ask(question).results.map((r) => r.docId)).toEqual(['phrase', 'scattered']);
  });

  it('is what changes the order: without it BM25F and coordination prefer the shorter passage', () => {
    const index = buildIndex(corpus, { ...DEFAULT_RANKING_CONFIG, proximity: 0, rerank: false });
    expect(index.rankArticles(question, 10).map((r) => r.docId)).toEqual(['scattered', 'phrase']);
  });
});

describe('PairMatcher', () => {
  // Rows: [1 2 3], [3 4], [2 1 5 3 4]
  const table = {
    offsets: Int32Array.from([0, 3, 5, 10]),
    ids: Int32Array.from([1, 2, 3, 3, 4, 2, 1, 5, 3, 4]),
  };

  it('counts each distinct pair of consecutive known question terms once, in order, inside one row', () => {
    const pairs = new PairMatcher(8);
    pairs.setQuery([1, 2, -1, 3, 4, 1, 2]);
    // Pairs (1 2), (3 4), (4 1): (2 3) spans an unknown term, the repeat of (1 2) counts once.
    expect(pairs.pairs).toBe(3);
    expect(pairs.count(table, 0, 1)).toBe(1);
    expect(pairs.count(table, 0, 2)).toBe(2);
    // Row 2 holds (2 1), reversed, and (3 4).
    expect(pairs.count(table, 2, 3)).toBe(1);
  });

  it('never pairs the last term of one row with the first of the next', () => {
    const pairs = new PairMatcher(8);
    pairs.setQuery([4, 2]);
    expect(pairs.count(table, 1, 3)).toBe(0);
  });

  it('finds nothing for a question of one term', () => {
    const pairs = new PairMatcher(8);
    pairs.setQuery([3]);
    expect(pairs.pairs).toBe(0);
    expect(pairs.count(table, 0, 3)).toBe(0);
  });
});
