/**
 * The code of a page-reading worker thread of the pool (extract-pool.ts): reads each page it is
 * sent and posts one outcome for it, until it is ended.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticleFromHtml, PageRefused } from './extract.ts';
import type { ExtractOutcome, ExtractReply, ExtractRequest } from './extract-pool.ts';

parentPort?.on('message', ({ id, html }: ExtractRequest) => {
  let outcome: ExtractOutcome;
  try {
    outcome = { page: extractArticleFromHtml(html) };
  } catch (error) {
    outcome = { refused: error instanceof PageRefused ? error.message : null, error: String(error) };
  }
  parentPort?.postMessage({ id, outcome } satisfies ExtractReply);
});
