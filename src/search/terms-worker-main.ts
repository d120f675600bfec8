/**
 * The code of a `tokeniseCorpus` worker thread (started by terms-worker.js). For a runs job, it
 * claims runs of articles from the shared counter until none is left, scans each into words of
 * its own word table and posts it with the words new to that table; for a words job, it claims
 * chunks of words and posts their terms. The normaliser (tokenize.ts, which loads wink's
 * lemmatizer and stemmer) is loaded only after the first runs, so that a starting worker can
 * begin scanning sooner.
 */
import { parentPort } from 'node:worker_threads';
import { transferable } from '../util/shared-arrays.ts';
import { scanArticles } from './article-terms.ts';
import { SharedTextReader } from './scan-texts.ts';
import {
  claimItem,
  ITEM_FAILED,
  ITEM_SENT,
  markItem,
  normaliseChunk,
  type RunMessage,
  type RunsJob,
  type TermsJob,
  type WordsJob,
} from './terms-jobs.ts';
import { charsWordCount, WordTable } from './word-table.ts';

/** How long a worker waits for the text of a run it claimed (the build's thread writes them all in well under that). */
const TEXT_WAIT_MS = 10_000;

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

/**
 * Claims items of a job from its shared counter until none is left, posting each (`post` does
 * the work and posts it) and marking it sent; an item that fails is marked failed and ends the
 * claiming, so that the build's thread does the rest. Closes the job's port.
 */
function workItems(job: RunsJob | WordsJob, count: number, post: (item: number) => void): void {
  const state = new Int32Array(job.shared);
  for (let i = claimItem(state); i < count; i = claimItem(state)) {
    try {
      post(i);
    } catch {
      markItem(state, i, ITEM_FAILED);
      break;
    }
    markItem(state, i, ITEM_SENT);
  }
  job.port.close();
}

function doRuns(job: RunsJob): void {
  const source = new SharedTextReader(job.texts);
  const { bounds } = job.texts;
  const words = new WordTable();
  let sent = 0;
  workItems(job, bounds.length - 1, (r) => {
    // The build's thread writes every run before it scans one: a run not written by then is failed.
    if (!source.awaitRun(r, TEXT_WAIT_MS)) throw new Error(`terms worker: run ${r} was not written`);
    const terms = scanArticles(source, bounds[r] as number, bounds[r + 1] as number, words);
    const message: RunMessage = { run: r, newWords: words.charsFrom(sent), terms };
    sent = words.size;
    const { sentenceTerms, titleTerms } = terms;
    const { newWords } = message;
    const arrays: Array<Int32Array | Uint8Array | Uint16Array> = [
      terms.sentenceCounts,
      terms.spans,
      terms.kinds,
      sentenceTerms.ids,
      sentenceTerms.offsets,
      titleTerms.ids,
      titleTerms.offsets,
      newWords.chars,
      newWords.starts,
    ];
    job.port.postMessage(message, transferable(arrays));
  });
}

async function doWords(job: WordsJob): Promise<void> {
  let termsOfWord: (word: string) => readonly string[];
  try {
    ({ termsOfWord } = await loadNormaliser());
  } catch {
    // Nothing claimed: the build's thread normalises every chunk itself.
    job.port.close();
    return;
  }
  workItems(job, Math.ceil(charsWordCount(job.words) / job.chunkSize), (c) => {
    const message = normaliseChunk(job.words, c, job.chunkSize, termsOfWord);
    job.port.postMessage(message, transferable([message.counts]));
  });
}
