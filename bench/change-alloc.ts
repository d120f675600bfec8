/**
 * The bytes one change allocates at one scale, phase by phase, in a process that receives it: the
 * engine of the bench scale corpus readied as LiveEngine readies it (a segmented index, warmed up,
 * a change practised, its weights readied), then articles added before the others (as the bench's
 * added paths sort first), each saved change made and applied, the engine updated, the report's
 * diff made, warmed up and its weights readied. Exact only when no collection runs meanwhile:
 *
 *   node --expose-gc --max-semi-space-size=1024 --import tsx bench/change-alloc.ts [size]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { segmentedEngine, updateEngine } from '../src/answer/engine-update.ts';
import { practiseChange } from '../src/answer/practice-change.ts';
import { applyCorpusChange, corpusChange } from '../src/answer/saved-change.ts';
import { diffArticles } from '../src/corpus/diff.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import type { Article } from '../src/corpus/types.ts';
import { DEFAULT_DATA_DIR, scaleCorpus } from './data.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const size = Number((positionals[0] ?? '100k').replace(/k$/i, '000').replace(/m$/i, '000000'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/change-alloc: run node with --expose-gc');
let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

const corpus = corpusFromRecords(await scaleCorpus(DEFAULT_DATA_DIR, size));
let engine = segmentedEngine(buildIndex(corpus));
engine.warmUp();
practiseChange(engine);
engine.readyIndex();
const first = corpus.articles[0] as Article;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const used = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};
for (let run = 0; run < 3; run++) {
  const article: Article = {
    ...first,
    id: `added-${run}`,
    path: `added-${run}.md`,
    title: `Kerry and Lavrov agree on a Syrian truce ${run}`,
    text: 'Kerry and Lavrov announced a nationwide truce in Syria. The truce was welcomed.',
  };
  const before = engine.corpus;
  const after = { ...before, articles: [article, ...before.articles] };
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  collections = 0;
  const rows: string[] = [];
  let last = used();
  const lap = (phase: string) => {
    const now = used();
    rows.push(
      `  ${phase}: heap ${mb(now.heap - last.heap)}, array buffers ${mb(now.buffers - last.buffers)}`,
    );
    last = now;
  };
  (globalThis as { __probe?: (phase: string) => void }).__probe = lap;
  const change = corpusChange(before.articles, after);
  lap('saved change made');
  const received = applyCorpusChange(before, change);
  lap('saved change applied');
  const next = updateEngine(engine, received);
  lap('engine updated');
  diffArticles(before.articles, next.corpus.articles);
  lap('report diff');
  next.warmUp();
  lap('warmed up');
  next.readyIndex();
  lap('weights readied');
  (globalThis as { __probe?: unknown }).__probe = undefined;
  engine = next;
  console.log(
    `${size} records, article added first, change ${run + 1} (${collections} collections meanwhile):`,
  );
  console.log(rows.join('\n'));
}
