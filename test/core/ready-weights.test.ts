/**
 * The first question after a change is answered as fast as later ones: a change moves every term
 * weight (the passage count, the average length and document frequencies change), and the
 * process computes them again while idle, so the first questions compute none themselves.
 */
import { describe, expect, it } from 'vitest';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { SegmentedIndex } from '../../src/search/segmented-index.ts';
import { corpusCopyPerTest, TRUCE_ARTICLE } from './helpers.ts';

const dir = corpusCopyPerTest();

/** The served index, segmented as it is after any change. */
function servedIndex(live: LiveEngine): SegmentedIndex {
  const { index } = live.engine;
  if (!(index instanceof SegmentedIndex)) throw new Error('expected a segmented index after a change');
  return index;
}

describe('the term weights a change moves', () => {
  it('are computed while idle after an added article: the first questions compute none', async () => {
    const live = await LiveEngine.open(dir());
    await live.flushPrepare();
    await live.change((tx) => tx.write('zz-truce.md', TRUCE_ARTICLE));
    await live.flushWeights();
    const index = servedIndex(live);
    expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
      'zz-truce',
    );
    expect(live.engine.ask('Who met in Geneva?').results.length).toBeGreaterThan(0);
    expect(index.weightsComputedBySearch).toBe(0);
    await live.close();
  });

  it('are computed while idle after a removal, and after a merge of the small segments', async () => {
    const live = await LiveEngine.open(dir());
    await live.flushPrepare();
    for (let i = 0; i < 10; i++)
      await live.change((tx) =>
        tx.write(`zz-truce-${i}.md`, TRUCE_ARTICLE.replace('Example Wire', `Wire ${i}`)),
      );
    await live.flushMerge();
    await live.flushWeights();
    const merged = servedIndex(live);
    expect(merged.segments.length).toBeLessThan(11);
    live.engine.ask('What did Kerry and Lavrov announce in Syria?');
    expect(merged.weightsComputedBySearch).toBe(0);
    await live.change((tx) => tx.remove('zz-truce-3.md'));
    await live.flushWeights();
    const removed = servedIndex(live);
    const docs = live.engine.ask('What did Kerry and Lavrov announce in Syria?').results.map((r) => r.docId);
    expect(docs).not.toContain('zz-truce-3');
    expect(removed.weightsComputedBySearch).toBe(0);
    await live.close();
  });
});
