/**
 * What assembling an answer leaves for the garbage collector: excerpts chosen and grouped by
 * copies allocate about what the answer keeps, not a typed array or a set per candidate.
 */
import { describe, expect, it } from 'vitest';
import { groupExcerpts } from '../../src/answer/copy-groups.ts';
import { buildIndex } from '../../src/answer/engine.ts';
import { engineState } from '../../src/answer/engine-state.ts';
import { prepareQuery } from '../../src/answer/query.ts';
import { CANDIDATE_PASSAGES, rank } from '../../src/answer/ranking.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { heapBytesPerCall } from '../heap-bytes.ts';
import { CORPUS_DIR } from './helpers.ts';

describe('assembling an answer', () => {
  it('groups ranked excerpts allocating no typed array or set per candidate', async () => {
    const engine = buildIndex(await loadCorpus(CORPUS_DIR));
    const state = engineState(engine.engineParts(), engine.index);
    const query = prepareQuery(state, 'How many people have been killed in the Syrian war?', {});
    if (query === null) throw new Error('the question has no terms');
    const ranked = rank(state, query, CANDIDATE_PASSAGES, query.filters);
    expect(ranked.length).toBeGreaterThan(20);
    const groups = groupExcerpts(state, ranked, query, 4);
    expect(groups).toHaveLength(4);
    const bytes = heapBytesPerCall(() => groupExcerpts(state, ranked, query, 4));
    // About 17 candidates read for 4 groups: their excerpts, the groups and the strings the answer
    // keeps (about 7 KB alone, up to 8.6 KB beside other test files); a typed array and a view per
    // excerpt's shingles and a set per window made it 13 KB.
    expect(bytes).toBeLessThan(10_000);
  });
});
