/**
 * The code of a `tokeniseCorpus` worker thread (started by terms-worker.js). For a runs job, it
 * claims runs of articles from the shared counter until none is left, scans each into words of
 * its own word table and posts it with the words new to that table; for a words job, it claims
 * chunks of words and posts their terms. The normaliser (tokenize.ts, which loads wink's
 * lemmatizer and stemmer) is loaded only after the first runs, so that a starting worker can
 * begin scanning sooner.
 */
import { parentPort } from 'node:worker_threads';
import { type ArticleText, scanArticles } from './article-terms.ts';
import {
  type ChunkMessage,
  claimItem,
  ITEM_FAILED,
  ITEM_SENT,
  markItem,
  type RunMessage,
  type RunsJob,
  type TermsJob,
  type WordsJob,
} from './terms-jobs.ts';
import { WordTable } from './word-table.ts';

let normaliser: Promise<typeof import('./tokenize.ts')> | null = null;

/** tokenize.ts, loaded on first use. */
function loadNormaliser(): Promise<typeof import('./tokenize.ts')> {
  normaliser ??= import('./tokenize.ts');
  return normaliser;
}

parentPort?.postMessage('ready');
parentPort?.on('message', (job: TermsJob) => {
  if (job.kind === 'runs') {
    doRuns(job);
    // The words job comes next: load the normaliser while the build's thread joins the runs.
    void loadNormaliser();
  } else void doWords(job);
});

function doRuns(job: RunsJob): void {
  const state = new Int32Array(job.shared);
  const runs = job.bounds.length - 1;
  const articles: ArticleText[] = job.titles.map((title, i) => ({ title, text: job.texts[i] ?? '' }));
  const words = new WordTable();
  let sent = 0;
  for (let r = claimItem(state); r < runs; r = claimItem(state)) {
    try {
      // Strings received from another thread are flat strings of their own.
      const terms = scanArticles(articles, job.bounds[r] as number, job.bounds[r + 1] as number, words, true);
      const message: RunMessage = { run: r, newWords: words.wordsFrom(sent), terms };
      sent = words.size;
      const arrays = [terms.sentenceCounts, terms.spans, terms.sentenceTerms, terms.titleTerms].flatMap(
        (a) => (a instanceof Int32Array ? [a] : [a.ids, a.offsets]),
      );
      job.port.postMessage(
        message,
        arrays.map((a) => a.buffer as ArrayBuffer),
      );
    } catch {
      markItem(state, r, ITEM_FAILED);
      break;
    }
    markItem(state, r, ITEM_SENT);
  }
  job.port.close();
}

async function doWords(job: WordsJob): Promise<void> {
  const state = new Int32Array(job.shared);
  const chunks = Math.ceil(job.words.length / job.chunkSize);
  try {
    const { termsOfWord } = await loadNormaliser();
    for (let c = claimItem(state); c < chunks; c = claimItem(state)) {
      try {
        const from = c * job.chunkSize;
        const to = Math.min(job.words.length, from + job.chunkSize);
        const message: ChunkMessage = { chunk: c, counts: new Int32Array(to - from), terms: [] };
        for (let w = from; w < to; w++) {
          const terms = termsOfWord(job.words[w] as string);
          message.counts[w - from] = terms.length;
          for (const term of terms) message.terms.push(term);
        }
        job.port.postMessage(message, [message.counts.buffer as ArrayBuffer]);
      } catch {
        markItem(state, c, ITEM_FAILED);
        break;
      }
      markItem(state, c, ITEM_SENT);
    }
  } finally {
    job.port.close();
  }
}
