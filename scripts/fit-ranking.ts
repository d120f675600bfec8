/**
 * Fits the ranking settings on SQuAD v1.1 train (never on dev): builds an index over samples of
 * whole train articles (every `--every`-th article, starting at each of `--starts`, so the samples
 * are disjoint), asks each sample's questions, and prints for every candidate setting the gold
 * paragraph's MRR@10 and recall@1 (paragraphs ranked by their best passage, as `rankArticles`
 * ranks them; with `--answer`, also through `ask` with k = 10, the answer path).
 *
 *   npx tsx scripts/fit-ranking.ts [--data ../shared/eval] [--every 9] [--starts 0,4] [--answer]
 *     [--only <regular expression matching candidate names>]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Doc as Paragraph, Question } from '../bench/data.ts';
import { RankMetrics } from '../bench/lib/metrics.ts';
import { AnswerEngine, buildIndex } from '../src/answer/engine.ts';
import { parseJsonl } from '../src/corpus/jsonl.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../src/search/ranking-config.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(import.meta.dirname, '..', '..', 'shared', 'eval') },
    every: { type: 'string', default: '9' },
    starts: { type: 'string', default: '0,4' },
    answer: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const squad = path.join(values.data, 'squad');
const lines = (file: string) => readFileSync(path.join(squad, file), 'utf8').split('\n').filter(Boolean);
const paragraphLines = lines('train-paragraphs.jsonl');
const questions = lines('train-questions.jsonl').map((l) => JSON.parse(l) as Question);
const articleOf = (paragraphId: string) => paragraphId.slice(0, paragraphId.lastIndexOf('#'));

/** Train articles in file order. */
const articles: string[] = [];
for (const line of paragraphLines) {
  const slug = articleOf((JSON.parse(line) as Paragraph).id);
  if (articles[articles.length - 1] !== slug) articles.push(slug);
}

/** One sample: the paragraphs of every `every`-th article from `start`, and their questions. */
function sample(start: number, every: number) {
  const chosen = new Set(articles.filter((_, i) => i % every === start));
  const chosenLines = paragraphLines.filter((l) => chosen.has(articleOf((JSON.parse(l) as Paragraph).id)));
  const parsed = parseJsonl('train-paragraphs.jsonl', chosenLines.join('\n'));
  const asked = questions.filter((q) => chosen.has(articleOf(q.paragraph)));
  return { corpus: { label: squad, articles: parsed.articles, events: [], problems: [] }, questions: asked };
}

/** A candidate: a name and how it changes the default settings. */
interface Candidate {
  name: string;
  config: RankingConfig;
}
const D = DEFAULT_RANKING_CONFIG;
const candidates: Candidate[] = [
  { name: 'default', config: D },
  { name: 'no coordination', config: { ...D, coordination: 0 } },
  ...[0, 0.1, 0.2, 0.3, 0.5, 0.8].map((p) => ({ name: `proximity ${p}`, config: { ...D, proximity: p } })),
  ...[0, 0.1, 0.3, 0.4].map((c) => ({ name: `coordination ${c}`, config: { ...D, coordination: c } })),
  ...[0.6, 0.9, 1.5, 2].map((k1) => ({ name: `k1 ${k1}`, config: { ...D, k1 } })),
  ...[0.4, 0.6, 0.9].map((b) => ({ name: `b ${b}`, config: { ...D, b } })),
  ...[0.5, 2, 3].map((t) => ({
    name: `title weight ${t}`,
    config: { ...D, fieldWeights: { title: t, body: 3 } },
  })),
  ...[
    { window: 2, stride: 1 },
    { window: 3, stride: 2 },
    { window: 1, stride: 1 },
  ].map((passages) => ({
    name: `window ${passages.window} stride ${passages.stride}`,
    config: { ...D, passages },
  })),
  ...[0, 0.1, 0.2].flatMap((coordination) =>
    [2, 3, 4, 6].flatMap((title) =>
      [0.5, 0.8].map((proximity) => ({
        name: `coordination ${coordination}, title ${title}, proximity ${proximity}`,
        config: { ...D, coordination, proximity, fieldWeights: { title, body: 3 } },
      })),
    ),
  ),
];

/** Settings that change the index itself (not only the re-ranking), as a key. */
const indexKey = (c: RankingConfig) => JSON.stringify([c.fieldWeights, c.k1, c.b, c.k, c.passages]);

const starts = values.starts.split(',').map(Number);
const every = Number(values.every);
const samples = starts.map((s) => sample(s, every));
for (const [i, s] of samples.entries())
  console.log(`sample ${i}: ${s.corpus.articles.length} paragraphs, ${s.questions.length} questions`);

const only = values.only === undefined ? null : new RegExp(values.only);
const header = samples.map(
  (_, i) => `s${i} MRR@10 | s${i} R@1${values.answer ? ` | s${i} answer MRR@10` : ''}`,
);
console.log(`\n| candidate | ${header.join(' | ')} | mean MRR@10 |`);
console.log(`| --- |${' --- |'.repeat(samples.length * (values.answer ? 3 : 2) + 1)}`);
const built = new Map<string, AnswerEngine[]>();
for (const c of candidates) {
  if (only !== null && !only.test(c.name)) continue;
  const key = indexKey(c.config);
  let bases = built.get(key);
  if (bases === undefined) {
    bases = samples.map((s) => buildIndex(s.corpus, c.config));
    built.set(key, bases);
  }
  const cells: string[] = [];
  let sum = 0;
  for (const [i, s] of samples.entries()) {
    const base = bases[i] as AnswerEngine;
    const index = new AnswerEngine({ ...base.parts(), config: c.config }, base.index);
    const ranking = new RankMetrics();
    const answer = new RankMetrics();
    for (const q of s.questions) {
      ranking.add(
        index.rankArticles(q.question, 10).map((r) => r.docId),
        q.paragraph,
      );
      if (values.answer)
        answer.add(
          [...new Set(index.ask(q.question, { count: 10 }).results.map((r) => r.docId))],
          q.paragraph,
        );
    }
    const r = ranking.result();
    sum += r.mrr10;
    cells.push(r.mrr10.toFixed(4), r.recall1.toFixed(4));
    if (values.answer) cells.push(answer.result().mrr10.toFixed(4));
  }
  console.log(`| ${c.name} | ${cells.join(' | ')} | ${(sum / samples.length).toFixed(4)} |`);
}
