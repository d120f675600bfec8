/**
 * Reading a page off the bot's main thread: pages are read by a small pool of worker threads
 * (extract-pool.ts), each page ended when it takes longer than a hard time limit or uses too
 * much memory, so that a page built to be slow to read never stalls heartbeats, other members'
 * interactions or the other pages of a bulk import.
 */
import { availableParallelism } from 'node:os';
import type { ExtractedPage } from './extract.ts';
import { ExtractPool } from './extract-pool.ts';

/** Longest a page may take to read; an ordinary article takes well under a second. */
export const EXTRACT_TIMEOUT_MS = 10_000;

/** Pages read at once: one a core, at most four (each worker holds its own copy of the reader). */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

let pool: ExtractPool | null = null;

/**
 * The page's article (null when none is found), read in a worker thread of the shared pool.
 * PageRefused, with a sentence for the moderator, when the page is nested too deeply, takes
 * longer than `timeoutMs` to read (its worker is ended) or more memory than a page should, or
 * the reader fails on it.
 */
export function extractArticle(
  html: string,
  options: { timeoutMs?: number } = {},
): Promise<ExtractedPage | null> {
  pool ??= new ExtractPool(POOL_SIZE);
  return pool.extract(html, options.timeoutMs ?? EXTRACT_TIMEOUT_MS);
}
