/**
 * What the build's thread and its tokenising workers say to each other (see parallel-terms.ts),
 * and how both share a list of work items: each claims the next item from a shared counter, and
 * a worker marks each item it claimed as sent (its result posted) or failed.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ArticleTerms } from './article-terms.ts';
import type { SharedTexts } from './scan-texts.ts';
import { charsWord, charsWordCount, type WordChars } from './word-table.ts';

/** Item states (in a job's `shared` array, at 1 + item): claimed or not yet; sent; failed. */
export const ITEM_PENDING = 0;
export const ITEM_SENT = 1;
export const ITEM_FAILED = 2;

/** Int32Array view of a job's shared buffer: the claim counter, then each item's state. */
export function itemStates(items: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (1 + items)));
}

/** Claims the next item of a shared list (≥ the item count once none is left). */
export function claimItem(state: Int32Array): number {
  return Atomics.add(state, 0, 1);
}

/** Marks an item sent or failed, and wakes the build's thread if it waits for it. */
export function markItem(
  state: Int32Array,
  item: number,
  status: typeof ITEM_SENT | typeof ITEM_FAILED,
): void {
  Atomics.store(state, 1 + item, status);
  Atomics.notify(state, 1 + item);
}

/** Phase 1: split and scan runs of these articles into words while runs are left. */
export interface RunsJob {
  kind: 'runs';
  /** The articles' titles and texts, run by run (run r is articles [bounds[r], bounds[r + 1])). */
  texts: SharedTexts;
  /** The claim counter and each run's state (see `itemStates`). */
  shared: SharedArrayBuffer;
  /** Where the worker posts its runs (RunMessage). */
  port: MessagePort;
}

/** One run done by a worker: its sentences and word ids (of the worker's word table). */
export interface RunMessage {
  run: number;
  /**
   * The worker's words first met in this run, in id order (ids continue its earlier messages'),
   * as characters (see `WordTable.charsFrom`).
   */
  newWords: WordChars;
  terms: ArticleTerms;
}

/** Phase 2: normalise chunks of these words into terms while chunks are left. */
export interface WordsJob {
  kind: 'words';
  /** The words, in shared memory (see word-table.ts). */
  words: WordChars;
  /** Chunk c is words [c × chunkSize, (c + 1) × chunkSize). */
  chunkSize: number;
  /** The claim counter and each chunk's state (see `itemStates`). */
  shared: SharedArrayBuffer;
  /** Where the worker posts its chunks (ChunkMessage). */
  port: MessagePort;
}

/** One chunk of words normalised by a worker. */
export interface ChunkMessage {
  chunk: number;
  /** Number of terms of each word of the chunk (0 for a stop word). */
  counts: Int32Array;
  /** The terms of the chunk's words, one after another. */
  terms: string[];
}

export type TermsJob = RunsJob | WordsJob;

/**
 * The terms of chunk `chunk` of `words` (chunks of `chunkSize`), by `termsOfWord`: what a worker
 * posts, and what the build's thread computes for the chunks it claims itself.
 */
export function normaliseChunk(
  words: WordChars,
  chunk: number,
  chunkSize: number,
  termsOfWord: (word: string) => readonly string[],
): ChunkMessage {
  const from = chunk * chunkSize;
  const to = Math.min(charsWordCount(words), from + chunkSize);
  const message: ChunkMessage = { chunk, counts: new Int32Array(to - from), terms: [] };
  for (let w = from; w < to; w++) {
    const terms = termsOfWord(charsWord(words, w));
    message.counts[w - from] = terms.length;
    for (const term of terms) message.terms.push(term);
  }
  return message;
}
