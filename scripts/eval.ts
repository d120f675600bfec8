/**
 * Answer quality, measured: the coverage development questions on the corpus, and SQuAD v1.1 dev
 * loaded as a JSONL corpus (paragraph recall@1/@5, MRR@10 of the right paragraph, answer in the
 * top-3 excerpts, and how often an answerable question is wrongly refused).
 *
 *   npm run eval [-- --data ../shared/eval] [--corpus corpus] [--limit N]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonLines } from '../bench/lib/jsonl.ts';
import { RankMetrics } from '../bench/lib/metrics.ts';
import { containsAnswer } from '../bench/lib/normalise.ts';
import { parseJsonl } from '../src/corpus/jsonl.ts';
import { buildIndex, loadCorpus } from '../src/library.ts';
import { buildPassageIndex } from '../src/search/bm25-index.ts';
import { DEFAULT_RANKING_CONFIG } from '../src/search/ranking-config.ts';
import { terms } from '../src/search/tokenize.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(ROOT, '..', 'shared', 'eval') },
    corpus: { type: 'string', default: path.join(ROOT, 'corpus') },
    limit: { type: 'string' },
  },
});

interface CoverageQuestion {
  id: string;
  question: string;
  event?: string;
  answers: string[];
  expectNoAnswer?: boolean;
}
interface SquadQuestion {
  id: string;
  question: string;
  answers: string[];
  paragraph: string;
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

async function coverage(): Promise<void> {
  const file = path.join(values.data, 'coverage', 'dev-questions.jsonl');
  const questions = await readJsonLines<CoverageQuestion>(file);
  const index = buildIndex(await loadCorpus(values.corpus));
  let answered = 0;
  const failures: string[] = [];
  for (const q of questions) {
    const answer = index.ask(q.question, { filters: { event: q.event } });
    const ok = q.expectNoAnswer
      ? answer.noAnswer
      : containsAnswer(
          answer.results.slice(0, 3).map((r) => r.text),
          q.answers,
        );
    if (ok) answered++;
    else
      failures.push(
        `  ${q.id} ${q.question} → ${answer.noAnswer ? 'noAnswer' : answer.results.map((r) => `“${r.text.slice(0, 80)}…”`).join(' | ')}`,
      );
  }
  console.log(`## Coverage questions (${file}, corpus ${values.corpus})`);
  console.log(
    `answered correctly: ${answered}/${questions.length} (answer in the top 3 excerpts, or noAnswer where expected)`,
  );
  if (failures.length > 0) console.log(`failures:\n${failures.join('\n')}`);
}

async function squad(): Promise<void> {
  const dir = path.join(values.data, 'squad');
  const paragraphsFile = path.join(dir, 'dev-paragraphs.jsonl');
  const parsed = parseJsonl('dev-paragraphs.jsonl', await readFile(paragraphsFile, 'utf8'));
  let questions = await readJsonLines<SquadQuestion>(path.join(dir, 'dev-questions.jsonl'));
  if (values.limit) questions = questions.slice(0, Number(values.limit));
  const started = performance.now();
  const index = buildIndex({ dir, articles: parsed.articles, events: [], problems: parsed.problems });
  const buildMs = performance.now() - started;
  const metrics = new RankMetrics();
  let inExcerpt = 0;
  let refused = 0;
  const askStarted = performance.now();
  for (const q of questions) {
    const ranked = index.rankArticles(q.question, 10);
    metrics.add(
      ranked.map((r) => r.docId),
      q.paragraph,
    );
    const answer = index.ask(q.question, { k: 3 });
    if (answer.noAnswer) refused++;
    if (
      containsAnswer(
        answer.results.slice(0, 3).map((r) => r.text),
        q.answers,
      )
    )
      inExcerpt++;
  }
  const perQuestion = (performance.now() - askStarted) / questions.length;
  const n = questions.length;
  const quality = metrics.result();
  console.log(`\n## SQuAD v1.1 dev (${paragraphsFile})`);
  console.log(
    `${parsed.articles.length} paragraphs → ${index.passageCount} passages, built in ${(buildMs / 1000).toFixed(2)} s; ${n} questions`,
  );
  console.log(
    '| paragraph recall@1 | recall@5 | MRR@10 | answer in top-3 excerpts | answerable but refused (noAnswer) |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    `| ${quality.recall1.toFixed(3)} | ${quality.recall5.toFixed(3)} | ${quality.mrr10.toFixed(3)} | ${(inExcerpt / n).toFixed(3)} | ${pct(refused, n)} |`,
  );
  console.log(`(rank + answer: ${perQuestion.toFixed(2)} ms a question on average)`);
}

/** The fast top-k path against wink-bm25-text-search's own search, on every SQuAD dev question. */
async function fastPathCheck(): Promise<void> {
  const dir = path.join(values.data, 'squad');
  const paragraphs = parseJsonl(
    'dev-paragraphs.jsonl',
    await readFile(path.join(dir, 'dev-paragraphs.jsonl'), 'utf8'),
  ).articles;
  const questions = await readJsonLines<SquadQuestion>(path.join(dir, 'dev-questions.jsonl'));
  const index = buildPassageIndex(
    paragraphs.map((p) => ({ title: terms(p.title), body: terms(p.text) })),
    DEFAULT_RANKING_CONFIG,
    { keepEngine: true },
  );
  // The index computes wink's weights itself; keepEngine builds wink's model too and compares.
  const cut = buildIndex({ dir, articles: paragraphs, events: [], problems: [] }, DEFAULT_RANKING_CONFIG, {
    keepEngine: true,
  });
  const differences = [...index.winkDisagreements(), ...cut.index.winkDisagreements()];
  let same = 0;
  for (const q of questions) {
    if (
      JSON.stringify(index.search(terms(q.question), 10)) === JSON.stringify(index.winkSearch(q.question, 10))
    )
      same++;
  }
  console.log('\n## Fast top-k path against wink-bm25-text-search search()');
  console.log(
    `same top 10 with the same scores on ${same} of ${questions.length} SQuAD dev questions (paragraphs as documents)`,
  );
  console.log(
    `BM25F weights and IDF equal to wink's consolidated model for every term of ${index.passageCount} paragraphs and of the ${cut.passageCount} passages they are cut into: ${differences.length === 0 ? 'yes' : `no (${differences.join('; ')})`}`,
  );
  if (same !== questions.length || differences.length > 0) process.exitCode = 1;
}

console.log(`# npm run eval — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
await coverage();
await squad();
await fastPathCheck();
