/**
 * `npx tsx bench/change.ts [--sizes 100k] [--changes 10]`: how long a change takes to be served
 * by the process that makes it, over a folder store holding the bench scale corpus (bench/data.ts)
 * as one JSONL file: one article added, then removed, again and again, without a saved index and
 * with one (each change saving what it did, the whole index saved after merges, in the
 * background; the bytes a change saved are reported). Changes start once the
 * process has readied its first change (LiveEngine.prepareSoon); the first is reported apart.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { updateEngine } from '../src/answer/engine-update.ts';
import { LiveEngine } from '../src/live/live-engine.ts';
import { DEFAULT_DATA_DIR, scaleCorpus } from './data.ts';
import { percentile } from './lib/percentiles.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100k' }, changes: { type: 'string', default: '10' } },
});
const sizes = (values.sizes ?? '100k')
  .split(',')
  .map((s) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000')));
const changes = Number(values.changes);
const ARTICLE = (i: number) => `---
title: "Kerry and Lavrov agree on a Syrian truce ${i}"
source: "Example Wire"
date: "2016-09-10"
---
Kerry and Lavrov announced a nationwide truce in Syria that would begin at sundown on Monday, the first day of Eid al-Adha. The truce number ${i} was welcomed.
`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

console.log(
  '| passages | saved index | open | first change | later changes p50 / max | of which the new engine (updateEngine) p50 | bytes saved per change | served passages |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const work = await mkdtemp(path.join(tmpdir(), 'coverage-bench-change-'));
try {
  for (const size of sizes) {
    const dir = path.join(work, `corpus-${size}`);
    await mkdir(dir);
    const docs = await scaleCorpus(DEFAULT_DATA_DIR, size);
    await writeFile(path.join(dir, 'passages.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    for (const cache of [null, path.join(work, `cache-${size}`)]) {
      let t = performance.now();
      const live = await LiveEngine.open(dir, { cacheDir: cache });
      const openMs = performance.now() - t;
      // Its first change readied in the background (index as a segment, files parsed).
      await live.flushPrepare();
      const times: number[] = [];
      const bytes: number[] = [];
      for (let i = 0; i <= changes; i++) {
        t = performance.now();
        if (i % 2 === 0) await live.change((tx) => tx.write(`truce-${i}.md`, ARTICLE(i)));
        else await live.change((tx) => tx.remove(`truce-${i - 1}.md`));
        times.push(performance.now() - t);
        bytes.push(live.lastChangeBytes);
      }
      // The in-memory part alone: the served engine plus one article, made again and again.
      const served = live.engine;
      const article = {
        ...(served.corpus.articles[0] as (typeof served.corpus.articles)[number]),
        id: 'one-more',
      };
      const engineTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        updateEngine(served, { ...served.corpus, articles: [...served.corpus.articles, article] });
        engineTimes.push(performance.now() - t);
      }
      engineTimes.sort((a, b) => a - b);
      const [first, ...later] = times;
      later.sort((a, b) => a - b);
      console.log(
        `| ${size.toLocaleString('en')} | ${cache === null ? 'none' : 'saved changes, whole after merges'} | ${ms(openMs)} | ${ms(first ?? 0)} | ${ms(percentile(later, 0.5))} / ${ms(later[later.length - 1] ?? 0)} | ${ms(percentile(engineTimes, 0.5))} | ${Math.min(...bytes)}–${Math.max(...bytes)} | ${live.engine.passageCount.toLocaleString('en')} |`,
      );
      await live.close();
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
