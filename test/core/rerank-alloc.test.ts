/**
 * Re-ranking allocates nothing per candidate, also in an engine made by a change that moved the
 * articles' numbers (its passages keep their records; `articleOf` says where each is now).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { engineState } from '../../src/answer/engine-state.ts';
import { updateEngine } from '../../src/answer/engine-update.ts';
import { prepareQuery } from '../../src/answer/query.ts';
import { rerankFeatures } from '../../src/answer/rerank-features.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { CORPUS_DIR } from './helpers.ts';

/** Calls a round measures; a young-generation GC inside a round only lowers its figure, so the most of several rounds is taken. */
const CALLS = 100;
const ROUNDS = 5;
const WARM_UP = 3000;

describe('re-ranking features', () => {
  it('allocate nothing per candidate after a change moved every article number', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    const first = corpus.articles[0] as Article;
    const front: Article = {
      ...first,
      id: `${first.id}-front`,
      text: 'A short note on the weather in Oslo.',
    };
    const changed = updateEngine(buildIndex(corpus), { ...corpus, articles: [front, ...corpus.articles] });
    const state = engineState(changed.engineParts(), changed.index);
    expect(state.passages.some((p, slot) => p.article >= 0 && p.article !== state.articleOf[slot])).toBe(
      true,
    );
    const query = prepareQuery(state, 'When did the war in Syria begin?', {});
    if (query === null) throw new Error('the question has no terms');
    const ranked = state.index.search(query.searchTerms, 60, null, query.searchWeights);
    expect(ranked.length).toBeGreaterThan(20);
    // Warmed until optimised: unoptimised code boxes numbers, which says nothing of the candidates.
    for (let i = 0; i < WARM_UP; i++) rerankFeatures(state, query, ranked);
    let most = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < CALLS; i++) rerankFeatures(state, query, ranked);
      most = Math.max(most, process.memoryUsage().heapUsed - before);
    }
    // Bytes a candidate: a copy of its passage record would be dozens.
    expect(most / CALLS / ranked.length).toBeLessThan(8);
  });
});
