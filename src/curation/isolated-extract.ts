/**
 * Reading a page off the bot's main thread: each page is read in a worker thread of its own,
 * ended when it takes longer than a hard time limit or uses too much memory, so that a page
 * built to be slow to read never stalls heartbeats and other members' interactions.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../search/worker-bundle.ts';
import { type ExtractedPage, PageRefused } from './extract.ts';

/** The worker's TypeScript, and the JavaScript that runs it through tsx when no bundle can be made. */
const EXTRACT_WORKER = new URL('./extract-worker-main.ts', import.meta.url);
const EXTRACT_WORKER_TSX = new URL('./extract-worker.js', import.meta.url);

/** Longest a page may take to read; an ordinary article takes well under a second. */
export const EXTRACT_TIMEOUT_MS = 10_000;
/** Heap a reading worker may use; a page at the largest fetch size fits several times over. */
const WORKER_HEAP_MB = 256;

/** What a reading worker posts: the page (or null: no article), or why it failed. */
export type ExtractOutcome = { page: ExtractedPage | null } | { refused: string | null; error: string };

/**
 * The page's article (null when none is found), read in a worker thread. PageRefused, with a
 * sentence for the moderator, when the page is nested too deeply, takes longer than `timeoutMs`
 * (the worker is ended) or more memory than a page should, or the reader fails on it.
 */
export function extractArticle(
  html: string,
  options: { timeoutMs?: number } = {},
): Promise<ExtractedPage | null> {
  const timeoutMs = options.timeoutMs ?? EXTRACT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(EXTRACT_WORKER, EXTRACT_WORKER_TSX), {
      workerData: html,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new PageRefused(
              `That page took longer than ${timeoutMs / 1000} s to read; save its article as a .txt or .md file and attach that instead.`,
            ),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (outcome: ExtractOutcome) =>
      settle(() => {
        if ('page' in outcome) resolve(outcome.page);
        else
          reject(
            new PageRefused(outcome.refused ?? 'That page could not be read.', { cause: outcome.error }),
          );
      }),
    );
    worker.once('error', (error) =>
      settle(() =>
        reject(
          new PageRefused('That page could not be read (it is too large or malformed).', { cause: error }),
        ),
      ),
    );
    worker.once('exit', () => settle(() => reject(new PageRefused('That page could not be read.'))));
  });
}
