/**
 * The code of a page-reading worker thread (started by isolated-extract.ts): reads the page in
 * its `workerData`, posts the outcome once and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticleFromHtml, PageRefused } from './extract.ts';
import type { ExtractOutcome } from './isolated-extract.ts';

let outcome: ExtractOutcome;
try {
  outcome = { page: extractArticleFromHtml(workerData as string) };
} catch (error) {
  outcome = { refused: error instanceof PageRefused ? error.message : null, error: String(error) };
}
parentPort?.postMessage(outcome);
