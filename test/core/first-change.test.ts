/**
 * The first change after start costs what later ones do: once the process has readied it (its
 * files parsed in the background), a change compares only the articles around what it changed,
 * not every article of the corpus (which the index it loaded or built holds as other objects).
 */
import { describe, expect, it, vi } from 'vitest';
import { Catalog } from '../../src/corpus/catalog.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { corpusCopyPerTest, TRUCE_ARTICLE } from './helpers.ts';

/** For each comparison of two article lists, how many articles it had to look at one by one. */
const middles = vi.hoisted(() => [] as number[]);
/** For each comparison, the length of the first list and the runs of the same articles at its start and its end. */
const compared = vi.hoisted(() => [] as Array<{ length: number; start: number; end: number }>);
vi.mock('../../src/corpus/diff.ts', async (original) => {
  const actual = await original<typeof import('../../src/corpus/diff.ts')>();
  return {
    ...actual,
    sameEnds: (...args: Parameters<typeof actual.sameEnds>) => {
      const ends = actual.sameEnds(...args);
      middles.push(Math.max(ends.beforeEnd, ends.afterEnd) - ends.start);
      compared.push({ length: args[0].length, start: ends.start, end: args[0].length - ends.beforeEnd });
      return ends;
    },
  };
});

/** How many engines were updated from another (`updateEngine`), and how many full collections were asked for. */
const calls = vi.hoisted(() => ({ updates: 0, collections: 0 }));
vi.mock('../../src/answer/engine-update.ts', async (original) => {
  const actual = await original<typeof import('../../src/answer/engine-update.ts')>();
  return {
    ...actual,
    updateEngine: (...args: Parameters<typeof actual.updateEngine>) => {
      calls.updates++;
      return actual.updateEngine(...args);
    },
  };
});
vi.mock('../../src/util/collect-garbage.ts', async (original) => {
  const actual = await original<typeof import('../../src/util/collect-garbage.ts')>();
  return {
    ...actual,
    collectGarbage: () => {
      calls.collections++;
      return actual.collectGarbage();
    },
  };
});

/** How many term tables were copied whole (`joinRows`), as a change's first append does without room. */
const joins = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/util/term-table.ts', async (original) => {
  const actual = await original<typeof import('../../src/util/term-table.ts')>();
  return {
    ...actual,
    joinRows: (...args: Parameters<typeof actual.joinRows>) => {
      joins.count++;
      return actual.joinRows(...args);
    },
  };
});

const dir = corpusCopyPerTest();

describe('the first change after start', () => {
  for (const cached of [false, true])
    it(`compares only the articles it changed (${cached ? 'index loaded from the cache' : 'index built'})`, async () => {
      const cacheDir = cached ? `${dir()}-cache` : null;
      if (cached) await (await LiveEngine.open(dir(), { cacheDir })).close();
      const live = await LiveEngine.open(dir(), { cacheDir });
      await live.flushPrepare();
      expect(live.engine.corpus.articles.length).toBeGreaterThan(3);
      middles.length = 0;
      await live.change((tx) => tx.write('zz-truce.md', TRUCE_ARTICLE));
      expect(middles.length).toBeGreaterThan(0);
      expect(Math.max(...middles)).toBe(1);
      expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
        'zz-truce',
      );
      await live.close();
    });

  it('copies no term table and sorts no catalogue again: both are readied with it', async () => {
    const live = await LiveEngine.open(dir());
    await live.flushPrepare();
    joins.count = 0;
    const sorts = vi.spyOn(Catalog, 'of');
    await live.change((tx) => tx.write('zz-truce.md', TRUCE_ARTICLE));
    live.engine.warmUp();
    expect(joins.count).toBe(0);
    expect(sorts).not.toHaveBeenCalled();
    expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
      'zz-truce',
    );
    expect(
      live.engine.ask('Kerry Lavrov', { filters: { since: '2016-09-01' } }).results.map((r) => r.docId),
    ).toEqual(['zz-truce']);
    sorts.mockRestore();
    await live.close();
  });

  it('finds the change code run and the start collected: readying practises a change, then collects', async () => {
    const live = await LiveEngine.open(dir());
    const served = live.engine;
    const n = served.corpus.articles.length;
    calls.updates = 0;
    calls.collections = 0;
    compared.length = 0;
    await live.flushPrepare();
    // A change over lists of the corpus's size, long at both ends, made and dropped while readying.
    expect(calls.updates).toBeGreaterThan(0);
    expect(compared.some((c) => c.length === n && c.start >= (n >> 1) - 1 && c.end >= (n >> 1) - 1)).toBe(
      true,
    );
    expect(calls.collections).toBe(1);
    // The prepared engine is served in its place, answering alike.
    expect(live.engine).not.toBe(served);
    expect(live.engine.ask('Who met in Geneva?').results).toEqual(served.ask('Who met in Geneva?').results);
    expect(live.engine.corpus.articles.length).toBe(n);
    // The practice left the tables their room: the first real change appends, and is served.
    joins.count = 0;
    await live.change((tx) => tx.write('zz-truce.md', TRUCE_ARTICLE));
    expect(joins.count).toBe(0);
    expect(calls.collections).toBe(1);
    expect(live.engine.corpus.articles.length).toBe(n + 1);
    expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
      'zz-truce',
    );
    await live.close();
  });

  it('serves the prepared engine and collects the one it started with while readying: the first change collects nothing', async () => {
    const live = await LiveEngine.open(dir());
    const question = 'What did Lavrov say about terrorists?';
    const answer = live.engine.ask(question).results;
    const start = new WeakRef(live.engine);
    calls.collections = 0;
    await live.flushPrepare();
    expect(calls.collections).toBe(1);
    // Its index and its own copy of the articles went with that collection, at start.
    expect(start.deref()).toBeUndefined();
    expect(live.engine.ask(question).results).toEqual(answer);
    await live.change((tx) => tx.write('zz-truce.md', TRUCE_ARTICLE));
    await live.flushWeights();
    expect(calls.collections).toBe(1);
    expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
      'zz-truce',
    );
    await live.close();
  });
});
