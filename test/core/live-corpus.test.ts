import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { MERGE_FACTOR, SegmentedIndex } from '../../src/search/segmented-index.ts';
import { copyOfCorpus, TRUCE_ARTICLE } from './helpers.ts';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, remove } = await copyOfCorpus());
});
afterEach(() => remove());

describe('the live corpus', () => {
  it('serves a change by indexing only the article it adds, sharing the rest of the index with the engine before', async () => {
    const live = await LiveEngine.open(dir);
    const before = live.engine;
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    const after = live.engine;
    expect(after.ask('What happens at sundown on Eid al-Adha?').results[0]?.docId).toBe('truce');
    expect(after.index).toBeInstanceOf(SegmentedIndex);
    const segments = (after.index as SegmentedIndex).segments;
    expect(segments.map((s) => s.count)).toEqual([
      before.passageCount,
      after.passageCount - before.passageCount,
    ]);
    // The next change adds a segment to the same index: nothing indexed before is indexed again.
    await live.change((tx) => tx.remove('truce.md'));
    expect((live.engine.index as SegmentedIndex).segments[0]).toBe(segments[0]);
    expect(live.engine.ask('What happens at sundown on Eid al-Adha?').noAnswer).toBe(true);
  });

  it('merges the small segments changes leave, in the background, answering the same before, during and after', async () => {
    const live = await LiveEngine.open(dir);
    const question = 'What happens at sundown on Eid al-Adha?';
    const engines = [];
    // The index built at start, then one segment a change: MERGE_FACTOR segments ask for a merge.
    for (let i = 0; i < MERGE_FACTOR - 1; i++) {
      await live.change((tx) =>
        tx.write(`truce-${i}.md`, TRUCE_ARTICLE.replace('truce', `truce number ${i}`)),
      );
      engines.push(live.engine);
    }
    // The change that asked for the merge returned first, its engine unmerged.
    const unmerged = engines[engines.length - 1] as (typeof engines)[number];
    expect((unmerged.index as SegmentedIndex).segments).toHaveLength(MERGE_FACTOR);
    await live.flushMerge();
    const merged = live.engine.index as SegmentedIndex;
    expect(merged.segments).toHaveLength(1);
    expect(merged.passageCount).toBe(unmerged.passageCount);
    const fresh = await LiveEngine.open(dir);
    expect(live.engine.ask(question)).toEqual(fresh.engine.ask(question));
    expect(unmerged.ask(question)).toEqual(fresh.engine.ask(question));
  });

  it('parses again only the files a change touches: the other articles are the very ones served before', async () => {
    const live = await LiveEngine.open(dir);
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    const served = live.engine.corpus.articles;
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE.replace('sundown', 'dawn')));
    const after = live.engine.corpus.articles;
    expect(after.map((a) => a.id)).toEqual(served.map((a) => a.id));
    after.forEach((article, i) => {
      if (article.id === 'truce') expect(article.text).toContain('dawn');
      else expect(article).toBe(served[i]);
    });
    expect(live.engine.ask('What happens at dawn on Eid al-Adha?').results[0]?.docId).toBe('truce');
  });

  it('serves a new article after a refresh and reports what changed', async () => {
    const live = await LiveEngine.open(dir);
    const before = live.engine;
    expect(live.engine.ask('What happens at sundown on Eid al-Adha?').noAnswer).toBe(true);
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    const report = await live.refresh();
    expect(report).toMatchObject({
      ok: true,
      added: ['truce'],
      updated: [],
      removed: [],
      articles: 6,
      problems: [],
      error: null,
    });
    expect(report.passages).toBe(live.engine.passageCount);
    expect(live.engine).not.toBe(before);
    const [first] = live.engine.ask('What happens at sundown on Eid al-Adha?').results;
    expect(first).toMatchObject({ docId: 'truce', source: 'Example Wire', date: '2016-09-10' });
  });

  it('changes nothing when a refresh finds the folder as it is served, also from a saved index', async () => {
    const cache = path.join(dir, '..', `${path.basename(dir)}-cache`);
    try {
      for (const cacheDir of [null, cache, cache]) {
        const live = await LiveEngine.open(dir, { cacheDir });
        const before = live.engine;
        const report = await live.refresh();
        expect(report).toMatchObject({ ok: true, added: [], updated: [], removed: [], articles: 5 });
        expect(report.passages).toBe(before.passageCount);
        expect(live.engine).toBe(before);
      }
      // A moved file is a change even with the same articles in it.
      const live = await LiveEngine.open(dir);
      const [file] = (await readdir(dir)).filter((f) => f.endsWith('.md'));
      await rename(path.join(dir, file as string), path.join(dir, `moved-${file}`));
      const before = live.engine;
      await live.refresh();
      expect(live.engine).not.toBe(before);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('reports updated and removed articles', async () => {
    const live = await LiveEngine.open(dir);
    const files = await readdir(dir);
    const ndtv = files.find((f) => f.includes('ndtv')) as string;
    const brics = files.find((f) => f.includes('brics')) as string;
    await rename(path.join(dir, ndtv), path.join(dir, '..', ndtv));
    const text = await readFile(path.join(dir, brics), 'utf8');
    await writeFile(path.join(dir, brics), text.replace('Kerry told reporters', 'Kerry told the reporters'));
    const report = await live.refresh();
    expect(report.removed).toEqual([ndtv.replace('.md', '')]);
    expect(report.updated).toEqual([brics.replace('.md', '')]);
    expect(report.articles).toBe(4);
  });

  it('keeps serving the good articles when a new file is malformed, and reports it by path and line', async () => {
    const live = await LiveEngine.open(dir);
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: Broken\ndate: "not a date"\n---\nText.\n');
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    const report = await live.refresh();
    expect(report.ok).toBe(true);
    expect(report.added).toEqual(['truce']);
    expect(report.problems).toEqual([
      { path: 'broken.md', line: 3, message: expect.stringMatching(/date: must be a real date/) },
    ]);
    expect(live.engine.ask('What did Lavrov say about terrorists?').results.length).toBeGreaterThan(0);
  });

  it('keeps the previous index when the folder has no readable article any more', async () => {
    const live = await LiveEngine.open(dir);
    const before = live.engine;
    for (const f of await readdir(dir)) if (f.endsWith('.md')) await rm(path.join(dir, f));
    const report = await live.refresh();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/previous index is still serving/);
    expect(live.engine).toBe(before);
    expect(live.engine.ask('What did Lavrov say about terrorists?').results.length).toBeGreaterThan(0);
  });

  it('keeps the previous index when the folder itself is gone', async () => {
    const live = await LiveEngine.open(dir);
    const before = live.engine;
    await rm(dir, { recursive: true });
    const report = await live.refresh();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/could not be loaded/);
    expect(live.engine).toBe(before);
  });

  it('never interleaves two refreshes: they run one after the other', async () => {
    const live = await LiveEngine.open(dir);
    await writeFile(path.join(dir, 'truce.md'), TRUCE_ARTICLE);
    const [a, b] = await Promise.all([live.refresh(), live.refresh()]);
    expect(a.added).toEqual(['truce']);
    expect(b.added).toEqual([]);
    expect(b.articles).toBe(6);
  });
});
