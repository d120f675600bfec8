/**
 * Tokenising a large corpus on several threads. The articles are cut into runs of about RUN_CHARS
 * characters; the build's thread and a pool of worker threads claim runs from a shared counter
 * until none is left (so a worker still starting simply takes fewer), each splitting and
 * tokenising its runs with `tokeniseArticles`. A worker numbers terms in its own vocabulary and
 * sends, with each run, the terms it met first; the build's thread maps them into its vocabulary
 * and renumbers the run. Runs are joined in article order, so the result holds the same sentences
 * and the same terms as on one thread (the index numbers its terms in order of appearance, not by
 * vocabulary id). The build stays synchronous: it waits for a worker's runs with `Atomics.wait`
 * and reads them with `receiveMessageOnPort`. Whatever goes wrong with a worker, the build's thread
 * does the run itself.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type ArticleTerms, type ArticleText, joinArticleTerms, tokeniseArticles } from './article-terms.ts';
import type { TermVocabulary } from './tokenize.ts';

/**
 * Below this many characters of text (about 20,000 sentences of news), a corpus is tokenised on
 * the build's thread alone: handing the text to a worker would cost more than it saves.
 */
export const PARALLEL_MIN_CHARS = 3_000_000;
/** Characters of text in one run of articles (a few milliseconds of work). */
const RUN_CHARS = 250_000;
/** How long the build waits for a worker's run before doing it itself and giving up the pool. */
const WORKER_WAIT_MS = 10_000;
/** Worker threads: as many as the cores besides the build's own, at most 2. */
const POOL_SIZE = Math.min(2, availableParallelism() - 1);

/** `shared[0]` counts claimed runs; `shared[1 + r]` is the state of run r. */
const NEXT = 0;
/** Run states (in `shared`): claimed, or not yet; sent by a worker; failed in a worker. */
export const RUN_PENDING = 0;
export const RUN_SENT = 1;
export const RUN_FAILED = 2;

/** What a worker is asked to do: tokenise runs of these articles while runs are left. */
export interface TermsJob {
  titles: string[];
  texts: string[];
  /** Run r is articles [bounds[r], bounds[r + 1]). */
  bounds: Int32Array;
  /** Int32Array view: the run counter, then each run's state. */
  shared: SharedArrayBuffer;
  /** Where the worker posts its runs (RunMessage). */
  port: MessagePort;
}

/** One run done by a worker: its terms (ids of the worker's vocabulary) and the terms new to it. */
export interface RunMessage {
  run: number;
  /** The worker's vocabulary terms first met in this run, in id order (ids continue its earlier messages'). */
  newTerms: string[];
  terms: ArticleTerms;
}

/** How a corpus is cut and shared (the defaults suit a build; tests use small runs). */
export interface ParallelOptions {
  /** Fewest characters of text for which workers are used (default PARALLEL_MIN_CHARS). */
  minChars?: number;
  /** Characters of text in one run (default RUN_CHARS). */
  runChars?: number;
  /** Set to the number of runs workers did. */
  stats?: { workerRuns: number };
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
      const worker = new Worker(new URL('./terms-worker.js', import.meta.url), { execArgv: [] });
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

/**
 * Starts the worker pool, without waiting, when a corpus of `chars` characters of text is coming
 * (one that `tokeniseCorpus` would share with workers): called as a corpus is read, so that the
 * workers have started by the time its index is built.
 */
export function warmTermWorkers(chars: number, minChars = PARALLEL_MIN_CHARS): void {
  if (chars >= minChars) workers();
}

/** Stops the pool's workers; the next large build starts new ones (unless workers are disabled). */
function stopPool(): void {
  for (const worker of pool ?? []) void worker.terminate();
  pool = null;
}

/** A worker's channel during one build, and its vocabulary ids mapped to the build's. */
interface Lane {
  port: MessagePort;
  global: number[];
}

/**
 * Splits and tokenises every article (see `tokeniseArticles`) into ids of `vocabulary`, on
 * worker threads too when the corpus has at least PARALLEL_MIN_CHARS characters.
 */
export function tokeniseCorpus(
  articles: readonly ArticleText[],
  vocabulary: TermVocabulary,
  options: ParallelOptions = {},
): ArticleTerms {
  let chars = 0;
  for (const a of articles) chars += a.text.length + a.title.length;
  const pool = chars >= (options.minChars ?? PARALLEL_MIN_CHARS) ? workers() : [];
  if (pool.length === 0) return tokeniseArticles(articles, 0, articles.length, vocabulary);
  const bounds = runBounds(articles, options.runChars ?? RUN_CHARS);
  const runs = bounds.length - 1;
  const state = new Int32Array(new SharedArrayBuffer(4 * (1 + runs)));
  const titles = articles.map((a) => a.title);
  const texts = articles.map((a) => a.text);
  const lanes: Lane[] = pool.map((worker) => {
    const { port1, port2 } = new MessageChannel();
    const job: TermsJob = { titles, texts, bounds, shared: state.buffer as SharedArrayBuffer, port: port2 };
    worker.postMessage(job, [port2]);
    return { port: port1, global: [] };
  });
  const results: Array<ArticleTerms | undefined> = new Array(runs);
  const own = (r: number) => {
    results[r] = tokeniseArticles(articles, bounds[r] as number, bounds[r + 1] as number, vocabulary);
  };
  const receive = () => {
    for (const lane of lanes) {
      for (let m = receiveMessageOnPort(lane.port); m !== undefined; m = receiveMessageOnPort(lane.port)) {
        const { run, newTerms, terms } = m.message as RunMessage;
        for (const term of newTerms) lane.global.push(vocabulary.idOf(term));
        if (results[run] !== undefined) continue;
        renumber(terms, lane.global);
        results[run] = terms;
        if (options.stats) options.stats.workerRuns++;
      }
    }
  };
  for (let r = Atomics.add(state, NEXT, 1); r < runs; r = Atomics.add(state, NEXT, 1)) {
    own(r);
    receive();
  }
  let gaveUp = false;
  for (let r = 0; r < runs; r++) {
    while (results[r] === undefined) {
      const status = gaveUp ? RUN_FAILED : Atomics.load(state, 1 + r);
      if (status === RUN_SENT) {
        receive();
        if (results[r] === undefined) own(r);
      } else if (status === RUN_FAILED) own(r);
      else if (Atomics.wait(state, 1 + r, RUN_PENDING, WORKER_WAIT_MS) === 'timed-out') gaveUp = true;
    }
  }
  for (const lane of lanes) lane.port.close();
  if (gaveUp) stopPool();
  return joinArticleTerms(results as ArticleTerms[]);
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

/** Replaces a worker's vocabulary ids by the build's. */
function renumber(terms: ArticleTerms, global: readonly number[]): void {
  for (const ids of [terms.sentenceTerms.ids, terms.titleTerms.ids])
    for (let i = 0; i < ids.length; i++) ids[i] = global[ids[i] as number] as number;
}
