import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { sentenceKind } from '../../src/passages/sentence-kinds.ts';
import { startTermWorkers, tokeniseCorpus } from '../../src/search/parallel-terms.ts';
import { DEFAULT_RANKING_CONFIG } from '../../src/search/ranking-config.ts';
import { MAX_STEMMED_WORD, TermVocabulary, terms } from '../../src/search/tokenize.ts';
import { readJsonl } from './helpers.ts';

interface Paragraph {
  id: string;
  title: string;
  text: string;
}

let paragraphs: Paragraph[];
let questions: Array<{ question: string }>;

/**
 * The sample three times over (ids suffixed): enough runs that a worker woken on a loaded machine
 * still finds some left to claim, which the tests check it did.
 */
const enough = (list: Paragraph[]): Paragraph[] =>
  [0, 1, 2].flatMap((k) => list.map((p) => ({ ...p, id: k === 0 ? p.id : `${p.id}~${k}` })));

/** Every string in a posted message (plain objects and arrays, looked into) but a job's `kind`. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    for (const [key, v] of Object.entries(value)) if (key !== 'kind') stringsIn(v, out);
  return out;
}

/**
 * Builds `corpus` on the worker pool (runs of 2,000 characters, `options` added), checks it equals a
 * build on one thread, and gives every string posted to the workers and the build's stats.
 */
function postedInParallelBuild(
  corpus: Corpus,
  options: { wordChunk?: number },
): { strings: string[]; stats: { workerRuns: number; workerChunks: number } } {
  const posted = vi.spyOn(Worker.prototype, 'postMessage');
  const stats = { workerRuns: 0, workerChunks: 0 };
  const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
    parallel: { minChars: 0, runChars: 2000, ...options, stats },
  });
  const strings = posted.mock.calls.flatMap(([message]) => stringsIn(message));
  const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
  expect(parallel.parts()).toEqual(single.parts());
  return { strings, stats };
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeAll(async () => {
  paragraphs = await readJsonl<Paragraph>('squad-sample-paragraphs.jsonl');
  questions = await readJsonl<{ question: string }>('squad-sample-questions.jsonl');
});

describe('building with worker threads', () => {
  it('starts its workers under vitest', async () => {
    expect(await startTermWorkers()).toBe(true);
  });

  it('can start a worker from its TypeScript through tsx too (when no bundle can be built)', async () => {
    const worker = new Worker(new URL('../../src/search/terms-worker.js', import.meta.url), { execArgv: [] });
    try {
      expect(
        await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject)),
      ).toBe('ready');
    } finally {
      await worker.terminate();
    }
  });

  it('gives the same index parts, weights and answers as a build on one thread', async () => {
    await startTermWorkers();
    // Paragraphs cut in two, so that articles have several paragraphs, and a title-only article.
    const records = enough(paragraphs).map((p) => {
      const middle = p.text.indexOf('. ', p.text.length / 2) + 1;
      return { id: p.id, title: p.title, text: `${p.text.slice(0, middle)}\n\n${p.text.slice(middle + 1)}` };
    });
    records.splice(7, 0, { id: 'empty', title: 'A title over no sentence', text: '   ' });
    const corpus = corpusFromRecords(records);
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    const stats = { workerRuns: 0, workerChunks: 0 };
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

  it("keeps the large arrays it builds out of V8's external-memory count, which would start full collections", async () => {
    await startTermWorkers();
    const copies = Array.from({ length: 12 }, (_, k) =>
      paragraphs.map((p) => ({ ...p, id: `${p.id}~${k}` })),
    );
    const corpus = corpusFromRecords(copies.flat());
    // The lower rise of two builds: ordinary garbage a collection happens to leave uncounted varies.
    const rises: number[] = [];
    let engine = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: 0 } });
    for (let i = 0; i < 2; i++) {
      const before = getHeapStatistics().external_memory;
      engine = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: 0 } });
      rises.push(getHeapStatistics().external_memory - before);
    }
    const rise = Math.min(...rises);
    const { postings, sentenceTerms } = engine.parts();
    const large = postings.passages.byteLength + postings.weights.byteLength + sentenceTerms.ids.byteLength;
    expect(large).toBeGreaterThan(3_000_000);
    // Before, the rise was above `large` (every array counted); now arrays under 64 KB only.
    expect(rise).toBeLessThan(large / 2);
  });

  it('shares the normalising of words with the workers and gives the same index as one thread', async () => {
    await startTermWorkers();
    // Words this process has never normalised (made up, deterministic), so that normalising them
    // takes the build's thread long enough for a worker to take chunks of them too.
    let seed = 7;
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => {
      let w = '';
      for (let i = 0; i < 9; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        w += letters[seed % 26];
      }
      return w;
    };
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: `made-up-${i}`,
      title: `${word()} ${word()}`,
      text: Array.from({ length: 6 }, () => `${Array.from({ length: 12 }, word).join(' ')}.`).join(' '),
    }));
    // The first build lets the worker load its normaliser; the second is the one compared.
    buildIndex(corpusFromRecords(records.slice(0, 20)), DEFAULT_RANKING_CONFIG, {
      parallel: { minChars: 0, runChars: 2000 },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stats = { workerRuns: 0, workerChunks: 0 };
    const corpus = corpusFromRecords(records.slice(20));
    const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
      parallel: { minChars: 0, runChars: 2000, wordChunk: 32, stats },
    });
    expect(stats.workerChunks).toBeGreaterThan(0);
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    expect(parallel.parts()).toEqual(single.parts());
    const [question] = corpus.articles[5]?.text.split(' ') ?? [];
    expect(parallel.rankArticles(question ?? '', 3)).toEqual(single.rankArticles(question ?? '', 3));
    expect(parallel.rankArticles(question ?? '', 3)[0]?.docId).toBe('made-up-25');
  });

  it('hands its workers the texts in shared memory: nothing it posts them holds an article’s text', async () => {
    await startTermWorkers();
    const corpus = corpusFromRecords(enough(paragraphs));
    // Titles of one word (SQuAD's "Normans") are words, which the normalising phase posts.
    const texts = new Set(
      corpus.articles.flatMap((a) => [a.text, ...(a.title.includes(' ') ? [a.title] : [])]),
    );
    const { strings, stats } = postedInParallelBuild(corpus, {});
    expect(stats.workerRuns).toBeGreaterThan(0);
    expect(strings.filter((s) => texts.has(s))).toEqual([]);
  });

  it('hands its workers the words to normalise in shared memory too: it posts them no word', async () => {
    await startTermWorkers();
    const corpus = corpusFromRecords(enough(paragraphs));
    const words = new Set(corpus.articles.flatMap((a) => `${a.title} ${a.text}`.split(/[^\p{L}\p{N}]+/u)));
    const { strings } = postedInParallelBuild(corpus, { wordChunk: 64 });
    expect(strings.filter((s) => words.has(s))).toEqual([]);
  });

  it('hands over the sentences while its workers normalise words, before it takes words itself', async () => {
    await startTermWorkers();
    const corpus = corpusFromRecords(enough(paragraphs));
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    const jobsPosted: string[][] = [];
    const tokenised = tokeniseCorpus(
      corpus.articles,
      new TermVocabulary(),
      { minChars: 0, runChars: 2000 },
      () => {
        jobsPosted.push(posted.mock.calls.map(([message]) => (message as { kind: string }).kind));
      },
    );
    expect(jobsPosted).toEqual([['runs', 'words']]);
    const single = tokeniseCorpus(corpus.articles, new TermVocabulary(), { minChars: Infinity });
    expect(tokenised.spans).toEqual(single.spans);
    expect(tokenised.sentenceCounts).toEqual(single.sentenceCounts);
  });

  it('posts its workers the runs before it writes their texts, so that they start on the first at once', async () => {
    await startTermWorkers();
    const corpus = corpusFromRecords(enough(paragraphs));
    const post = Worker.prototype.postMessage;
    const writtenWhenPosted: number[][] = [];
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message, transfer) {
      const job = message as { kind: string; texts?: { written: Int32Array } };
      if (job.kind === 'runs') writtenWhenPosted.push(Array.from(job.texts?.written ?? []));
      return post.call(this, message, transfer);
    });
    const stats = { workerRuns: 0, workerChunks: 0 };
    const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
      parallel: { minChars: 0, runChars: 2000, stats },
    });
    expect(writtenWhenPosted.length).toBe(1);
    expect(writtenWhenPosted[0]?.length).toBeGreaterThan(10);
    expect(writtenWhenPosted[0]?.every((w) => w === 0)).toBe(true);
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    expect(parallel.parts()).toEqual(single.parts());
  });

  it('reads every text back whole from shared memory: accents, other scripts, emoji and a lone surrogate', async () => {
    await startTermWorkers();
    const extras = [
      'Zürich talks: café owners said 2,000 jobs were lost.',
      'Київ and Kyiv: officials met in Київ on Monday.',
      'Leaders 🤝 agreed; the 𝒳 index rose. Odd \ud800 byte and \udfff too.',
    ];
    const records = enough(paragraphs).map((p, i) => ({
      id: p.id,
      title: i % 10 === 1 ? `${p.title} — Київ 🤝` : p.title,
      text: i % 10 === 3 ? `${p.text}\n\n${extras[i % 3]}` : p.text,
    }));
    const corpus = corpusFromRecords(records);
    const stats = { workerRuns: 0, workerChunks: 0 };
    const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
      parallel: { minChars: 0, runChars: 300, wordChunk: 16, stats },
    });
    expect(stats.workerRuns).toBeGreaterThan(0);
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    expect(parallel.parts()).toEqual(single.parts());
    const top = parallel.rankArticles('Zürich café owners', 1)[0]?.docId;
    expect(corpus.articles.find((a) => a.id === top)?.text).toContain(extras[0]);
  });

  it('gives each sentence and title exactly the terms of `terms`, and each sentence its kind, on one thread and on several', async () => {
    await startTermWorkers();
    const records = paragraphs.slice(0, 40).map((p, i) => ({
      id: p.id,
      title: i === 3 ? 'The U.S.is and it’s end.The 2,000.5 café' : p.title,
      text:
        i === 5
          ? `Stop words: the of and. Glued U.S.is here. Dotted end.The e.g. 1.8 a.b.c.\n\n${p.text}`
          : p.text,
    }));
    const corpus = corpusFromRecords(records);
    for (const parallel of [{ minChars: Infinity }, { minChars: 0, runChars: 500, wordChunk: 16 }]) {
      const parts = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel }).parts();
      const termOf = new Map([...parts.postings.termIds].map(([term, id]) => [id, term]));
      const row = (table: typeof parts.sentenceTerms, r: number) =>
        Array.from(table.ids.subarray(table.offsets[r], table.offsets[r + 1]), (id) => termOf.get(id));
      let s = 0;
      corpus.articles.forEach((article, a) => {
        expect(row(parts.titleTerms, a)).toEqual(terms(article.title));
        for (const span of parts.sentences[a] ?? []) {
          expect(parts.sentenceTerms.tags?.[s]).toBe(sentenceKind(article.text, span.start, span.end));
          expect(row(parts.sentenceTerms, s++)).toEqual(terms(article.text.slice(span.start, span.end)));
        }
      });
      expect(s).toBe(parts.sentenceTerms.offsets.length - 1);
    }
  });

  it('builds a text with a 40,000-letter word in linear time, the same index on one thread and on several', async () => {
    await startTermWorkers();
    const letters = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(from + i * 7) % 26]).join('');
    const huge = `${letters(40_000)}ing`;
    // Just past the stemmed length, a word keeps its ending; just within it, it is stemmed as usual.
    const over = `${letters(MAX_STEMMED_WORD - 2, 3)}ing`;
    const within = `${letters(MAX_STEMMED_WORD - 3, 5)}ing`;
    expect(terms(`${over} ${within}`)).toEqual([over, within.slice(0, -3)]);
    const records = paragraphs.map((p, i) => ({
      id: p.id,
      title: i === 2 ? `A title with ${over}` : p.title,
      text: i === 4 ? `${p.text} Then someone typed ${huge} and ${within}.` : p.text,
    }));
    const corpus = corpusFromRecords(records);
    const started = performance.now();
    const single = buildIndex(corpus, DEFAULT_RANKING_CONFIG, { parallel: { minChars: Infinity } });
    // Stemming the word would take seconds (quadratic in its length); a linear build takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
    const stats = { workerRuns: 0, workerChunks: 0 };
    const parallel = buildIndex(corpus, DEFAULT_RANKING_CONFIG, {
      parallel: { minChars: 0, runChars: 500, wordChunk: 16, stats },
    });
    expect(stats.workerRuns).toBeGreaterThan(0);
    expect(parallel.parts()).toEqual(single.parts());
    expect(single.parts().postings.termIds.has(huge)).toBe(true);
    expect(single.rankArticles(`Who typed ${huge}?`, 1)[0]?.docId).toBe(paragraphs[4]?.id);
  });
});
