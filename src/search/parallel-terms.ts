/**
 * Tokenising a large corpus on several threads, with the same sentences and terms as on one.
 * The build's thread and worker threads claim runs of articles from a shared counter and scan
 * them into words (their texts written once into shared memory, see scan-texts.ts); then each
 * distinct word is normalised into its term once (lemmas and stems, the costly part), in chunks
 * claimed the same way. The build stays synchronous (`Atomics.wait`,
 * `receiveMessageOnPort`), and does a failed worker's share itself.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { int32Array } from '../util/shared-arrays.ts';
import type { TermTable } from '../util/term-table.ts';
import {
  type ArticleSentences,
  type ArticleTerms,
  joinSentences,
  joinTerms,
  scanArticles,
} from './article-terms.ts';
import { type ArticleText, copiedTexts, planTexts, SharedTextReader, writeTexts } from './scan-texts.ts';
import {
  type ChunkMessage,
  claimItem,
  ITEM_FAILED,
  ITEM_PENDING,
  ITEM_SENT,
  itemStates,
  normaliseChunk,
  type RunMessage,
  type RunsJob,
  type WordsJob,
} from './terms-jobs.ts';
import { type TermVocabulary, termsOfWordOnce } from './tokenize.ts';
import { charsWordCount, type WordChars, WordTable } from './word-table.ts';
import { workerScript } from './worker-bundle.ts';

/** The worker's TypeScript, and the JavaScript that runs it through tsx when no bundle can be made. */
const TERMS_WORKER = new URL('./terms-worker-main.ts', import.meta.url);
const TERMS_WORKER_TSX = new URL('./terms-worker.js', import.meta.url);

/**
 * Below this many characters of text (about 20,000 sentences of news), a corpus is tokenised on
 * the build's thread alone: handing the text to a worker would cost more than it saves.
 */
const PARALLEL_MIN_CHARS = 3_000_000;
/** Characters of text in one run of articles (a few milliseconds of work). */
const RUN_CHARS = 250_000;
/** Distinct words in one chunk to normalise (a few milliseconds of work). */
const WORD_CHUNK = 4096;
/** How long the build waits for a worker's result before doing it itself and giving up the pool. */
const WORKER_WAIT_MS = 10_000;
/** Worker threads: as many as the cores besides the build's own, at most 2. */
const POOL_SIZE = Math.min(2, availableParallelism() - 1);

/** How a corpus is cut and shared (the defaults suit a build; tests use small runs). */
export interface ParallelOptions {
  /** Fewest characters of text for which workers are used (default PARALLEL_MIN_CHARS). */
  minChars?: number;
  /** Characters of text in one run (default RUN_CHARS). */
  runChars?: number;
  /** Distinct words in one chunk to normalise (default WORD_CHUNK). */
  wordChunk?: number;
  /** Counts the runs and the chunks of words that workers did. */
  stats?: { workerRuns: number; workerChunks: number };
}

let pool: Worker[] | null = null;
/** Resolves once every worker of the pool has started. */
let poolReady: Promise<void> = Promise.resolve();
/** Set when workers cannot start here (no tsx, no threads): every build then runs on one thread. */
let disabled = false;

/** The worker pool, started on first use; unref'd, so that it never keeps a process alive. */
function workers(): Worker[] {
  if (disabled || POOL_SIZE < 1) return [];
  if (pool === null) {
    pool = [];
    const started: Array<Promise<void>> = [];
    for (let i = 0; i < POOL_SIZE; i++) {
      const worker = new Worker(workerScript(TERMS_WORKER, TERMS_WORKER_TSX), { execArgv: [] });
      worker.unref();
      started.push(
        new Promise((resolve) => {
          worker.once('message', () => resolve());
          worker.once('exit', () => resolve());
        }),
      );
      worker.on('error', () => {
        disabled = true;
        stopPool();
      });
      pool.push(worker);
    }
    poolReady = Promise.all(started).then(() => undefined);
  }
  return pool;
}

/**
 * Starts the worker pool now rather than at the first large build, and resolves once it is
 * ready: true when workers will be used, false when they cannot start here.
 */
export async function startTermWorkers(): Promise<boolean> {
  workers();
  await poolReady;
  return !disabled && pool !== null && pool.length > 0;
}

/** Stops the pool's workers; the next large build starts new ones (unless workers are disabled). */
function stopPool(): void {
  for (const worker of pool ?? []) void worker.terminate();
  pool = null;
}

/**
 * Splits and tokenises every article (sentences as `scanArticles`, terms as `terms` of
 * tokenize.ts) into ids of `vocabulary`, on worker threads too when the corpus has at least
 * PARALLEL_MIN_CHARS characters. `meanwhile`, when given, is called with the sentences once they
 * are known, while the workers normalise words: work on sentences alone done there costs the
 * build half its time.
 */
export function tokeniseCorpus(
  articles: readonly ArticleText[],
  vocabulary: TermVocabulary,
  options: ParallelOptions = {},
  meanwhile?: (sentences: ArticleSentences) => void,
): ArticleTerms {
  let chars = 0;
  for (const a of articles) chars += a.text.length + a.title.length;
  const team = chars >= (options.minChars ?? PARALLEL_MIN_CHARS) ? workers() : [];
  const words = new WordTable();
  const scanned = scanCorpus(articles, words, team, options);
  // A pool given up in the first phase (stopped) is not waited for again.
  const sentences = joinSentences(scanned);
  const termsOfWords = normaliseWords(words.share(), vocabulary, team === pool ? team : [], options, () =>
    meanwhile?.(sentences),
  );
  return { ...sentences, ...joinTerms(scanned, termsOfWords) };
}

/** A worker's channel during one phase of a build. */
function channels(pool: readonly Worker[], job: (port: MessagePort) => RunsJob | WordsJob): MessagePort[] {
  return pool.map((worker) => {
    const { port1, port2 } = new MessageChannel();
    worker.postMessage(job(port2), [port2]);
    return port1;
  });
}

/** Every message waiting on these ports, in order, to `take`. */
function drain<T>(ports: readonly MessagePort[], take: (message: T, lane: number) => void): void {
  ports.forEach((port, lane) => {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port))
      take(m.message as T, lane);
  });
}

/**
 * Does every item of a list shared with workers through `state`: claims items until none is left,
 * doing each with `own` (and taking the workers' results with `receive` in between), then waits
 * for the items workers claimed, doing itself any a worker failed. A worker that does not answer
 * within WORKER_WAIT_MS is given up: the build's thread does the rest and the pool is stopped.
 */
function shareItems(
  state: Int32Array,
  count: number,
  done: (item: number) => boolean,
  own: (item: number) => void,
  receive: () => void,
): void {
  for (let i = claimItem(state); i < count; i = claimItem(state)) {
    own(i);
    receive();
  }
  let gaveUp = false;
  for (let i = 0; i < count; i++) {
    while (!done(i)) {
      const status = gaveUp ? ITEM_FAILED : Atomics.load(state, 1 + i);
      if (status === ITEM_SENT) {
        receive();
        if (!done(i)) own(i);
      } else if (status === ITEM_FAILED) own(i);
      else if (Atomics.wait(state, 1 + i, ITEM_PENDING, WORKER_WAIT_MS) === 'timed-out') gaveUp = true;
    }
  }
  if (gaveUp) stopPool();
}

/**
 * Phase 1: the sentences of every article and the ids in `words` of the words of its title and
 * sentences, as runs of articles in order.
 */
function scanCorpus(
  articles: readonly ArticleText[],
  words: WordTable,
  pool: readonly Worker[],
  options: ParallelOptions,
): ArticleTerms[] {
  if (pool.length === 0) return [scanArticles(copiedTexts(articles), 0, articles.length, words)];
  const bounds = runBounds(articles, options.runChars ?? RUN_CHARS);
  const runs = bounds.length - 1;
  const state = itemStates(runs);
  const texts = planTexts(articles, bounds);
  const source = new SharedTextReader(texts);
  const shared = state.buffer as SharedArrayBuffer;
  const ports = channels(pool, (port) => ({ kind: 'runs', texts, shared, port }));
  // The workers start on the first runs while the rest are written.
  writeTexts(texts, articles);
  // Each worker's word ids in `words`.
  const global: number[][] = pool.map(() => []);
  const results: Array<ArticleTerms | undefined> = new Array(runs);
  shareItems(
    state,
    runs,
    (r) => results[r] !== undefined,
    (r) => {
      results[r] = scanArticles(source, bounds[r] as number, bounds[r + 1] as number, words);
    },
    () =>
      drain<RunMessage>(ports, ({ run, newWords, terms }, lane) => {
        const ids = global[lane] as number[];
        const { chars, starts } = newWords;
        for (let k = 1; k < starts.length; k++)
          ids.push(words.idOfChars(chars, starts[k - 1] as number, starts[k] as number));
        if (results[run] !== undefined) return;
        renumber(terms, ids);
        results[run] = terms;
        if (options.stats) options.stats.workerRuns++;
      }),
  );
  for (const port of ports) port.close();
  return results as ArticleTerms[];
}

/** The terms of some words: `counts[i]` terms for word i, their ids one after another. */
interface NormalisedChunk {
  counts: Int32Array;
  ids: number[];
}

/**
 * Phase 2: the term ids (in `vocabulary`) of each word, as row w of a table. `first` is done by
 * the build's thread before its own chunks (once the workers have theirs to claim).
 */
function normaliseWords(
  words: WordChars,
  vocabulary: TermVocabulary,
  pool: readonly Worker[],
  options: ParallelOptions,
  first: () => void,
): TermTable {
  const chunkSize = options.wordChunk ?? WORD_CHUNK;
  const wordCount = charsWordCount(words);
  const chunks = Math.ceil(wordCount / chunkSize);
  const results: Array<NormalisedChunk | undefined> = new Array(chunks);
  const take = ({ chunk, counts, terms }: ChunkMessage) => {
    results[chunk] = { counts, ids: terms.map((term) => vocabulary.idOf(term)) };
  };
  const own = (c: number) => take(normaliseChunk(words, c, chunkSize, termsOfWordOnce));
  if (pool.length === 0 || chunks < 2) {
    first();
    for (let c = 0; c < chunks; c++) own(c);
  } else {
    const state = itemStates(chunks);
    const shared = state.buffer as SharedArrayBuffer;
    const ports = channels(pool, (port) => ({
      kind: 'words',
      words,
      chunkSize,
      shared,
      port,
    }));
    first();
    shareItems(
      state,
      chunks,
      (c) => results[c] !== undefined,
      own,
      () =>
        drain<ChunkMessage>(ports, (message) => {
          if (results[message.chunk] !== undefined) return;
          take(message);
          if (options.stats) options.stats.workerChunks++;
        }),
    );
    for (const port of ports) port.close();
  }
  const offsets = int32Array(wordCount + 1);
  const ids: number[] = [];
  let w = 0;
  for (const { counts, ids: chunkIds } of results as NormalisedChunk[]) {
    for (const count of counts) {
      offsets[w + 1] = (offsets[w] as number) + count;
      w++;
    }
    for (const id of chunkIds) ids.push(id);
  }
  return { offsets, ids: Int32Array.from(ids) };
}

/** Article bounds of runs of about `runChars` characters. */
function runBounds(articles: readonly ArticleText[], runChars: number): Int32Array {
  const bounds = [0];
  let chars = 0;
  articles.forEach((a, i) => {
    chars += a.text.length + a.title.length;
    if (chars >= runChars && i + 1 < articles.length) {
      bounds.push(i + 1);
      chars = 0;
    }
  });
  bounds.push(articles.length);
  return Int32Array.from(bounds);
}

/** Replaces a worker's word ids by the build's. */
function renumber(terms: ArticleTerms, global: readonly number[]): void {
  for (const ids of [terms.sentenceTerms.ids, terms.titleTerms.ids])
    for (let i = 0; i < ids.length; i++) ids[i] = global[ids[i] as number] as number;
}
