/**
 * Where the in-memory part of one change goes at one scale: the engine of the bench scale corpus
 * as a segmented index, then articles added one after another, before the others (as a path
 * sorting first puts it) and after them in turn, each made by `updateEngine` from the last and
 * then warmed (catalogue, question context), as the changing and every receiving process do. Run
 * under the CPU profiler:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/change-profile.ts [size]
 */
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { segmentedEngine, updateEngine } from '../src/answer/engine-update.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import type { Article } from '../src/corpus/types.ts';
import { DEFAULT_DATA_DIR, scaleCorpus } from './data.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const size = Number((positionals[0] ?? '100k').replace(/k$/i, '000').replace(/m$/i, '000000'));
const corpus = corpusFromRecords(await scaleCorpus(DEFAULT_DATA_DIR, size));
let engine = segmentedEngine(buildIndex(corpus));
let articles = corpus.articles;
engine.warmUp();
const first = corpus.articles[0] as Article;
const added = (where: string): Article => ({
  ...first,
  id: `added-${where}`,
  path: `added-${where}.md`,
  title: `Kerry and Lavrov agree on a Syrian truce ${where}`,
  text: 'Kerry and Lavrov announced a nationwide truce in Syria. The truce was welcomed.',
});
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
for (let run = 0; run < 4; run++) {
  for (const where of ['first', 'last'] as const) {
    const article = added(`${where}-${run}`);
    articles = where === 'first' ? [article, ...articles] : [...articles, article];
    let t = performance.now();
    const next = updateEngine(engine, { ...corpus, articles });
    engine = next;
    const update = ms(t);
    t = performance.now();
    next.warmUp();
    console.log(
      `${size} records, change ${2 * run + (where === 'first' ? 1 : 2)}, added ${where}: updateEngine ${update}, warmUp ${ms(t)}, ${next.passageCount} passages`,
    );
  }
}
