import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/coverage-index.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { startTermWorkers } from '../../src/search/parallel-terms.ts';
import { DEFAULT_RANKING_CONFIG } from '../../src/search/ranking-config.ts';
import { readJsonl } from './helpers.ts';

interface Paragraph {
  id: string;
  title: string;
  text: string;
}

let paragraphs: Paragraph[];
let questions: Array<{ question: string }>;

beforeAll(async () => {
  paragraphs = await readJsonl<Paragraph>('squad-sample-paragraphs.jsonl');
  questions = await readJsonl<{ question: string }>('squad-sample-questions.jsonl');
});

describe('building with worker threads', () => {
  it('starts its workers under vitest', async () => {
    expect(await startTermWorkers()).toBe(true);
  });

  it('gives the same index parts, weights and answers as a build on one thread', async () => {
    await startTermWorkers();
    // Paragraphs cut in two, so that articles have several paragraphs, and a title-only article.
    const records = paragraphs.map((p) => {
      const middle = p.text.indexOf('. ', p.text.length / 2) + 1;
      return { id: p.id, title: p.title, text: `${p.text.slice(0, middle)}\n\n${p.text.slice(middle + 1)}` };
    });
    records.splice(7, 0, { id: 'empty', title: 'A title over no sentence', text: '   ' });
    const corpus = corpusFromRecords(records);
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    const stats = { workerRuns: 0 };
    const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
      keepEngine: true,
      parallel: { minChars: 0, runChars: 2000, stats },
    });
    expect(stats.workerRuns).toBeGreaterThan(0);
    expect(parallel.index.winkDisagreements()).toEqual([]);
    expect(parallel.parts()).toEqual(single.parts());
    expect([...parallel.parts().postings.termIds]).toEqual([...single.parts().postings.termIds]);
    for (const { question } of questions.slice(0, 60)) {
      expect(parallel.ask(question)).toEqual(single.ask(question));
      expect(parallel.rankArticles(question, 10)).toEqual(single.rankArticles(question, 10));
    }
  });
});
