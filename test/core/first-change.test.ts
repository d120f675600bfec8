/**
 * The first change after start costs what later ones do: once the process has readied it (its
 * files parsed in the background), a change compares only the articles around what it changed,
 * not every article of the corpus (which the index it loaded or built holds as other objects).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { copyOfCorpus } from './helpers.ts';

/** For each comparison of two article lists, how many articles it had to look at one by one. */
const middles = vi.hoisted(() => [] as number[]);
vi.mock('../../src/corpus/diff.ts', async (original) => {
  const actual = await original<typeof import('../../src/corpus/diff.ts')>();
  return {
    ...actual,
    sameEnds: (...args: Parameters<typeof actual.sameEnds>) => {
      const ends = actual.sameEnds(...args);
      middles.push(Math.max(ends.beforeEnd, ends.afterEnd) - ends.start);
      return ends;
    },
  };
});

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await copyOfCorpus());
});
afterEach(() => remove());

const TRUCE = `---
title: "Kerry and Lavrov agree on a Syrian truce"
source: "Example Wire"
date: "2016-09-10"
---
Kerry and Lavrov announced a nationwide truce in Syria.
`;

describe('the first change after start', () => {
  for (const cached of [false, true])
    it(`compares only the articles it changed (${cached ? 'index loaded from the cache' : 'index built'})`, async () => {
      const cacheDir = cached ? `${dir}-cache` : null;
      if (cached) await (await LiveEngine.open(dir, { cacheDir })).close();
      const live = await LiveEngine.open(dir, { cacheDir });
      await live.flushPrepare();
      expect(live.engine.corpus.articles.length).toBeGreaterThan(3);
      middles.length = 0;
      await live.change((tx) => tx.write('zz-truce.md', TRUCE));
      expect(middles.length).toBeGreaterThan(0);
      expect(Math.max(...middles)).toBe(1);
      expect(live.engine.ask('What did Kerry and Lavrov announce in Syria?').results[0]?.docId).toBe(
        'zz-truce',
      );
      await live.close();
    });
});
