/** `corpus add-urls FILE --event ID`: imports the pages a list or sitemap names into an event. */
import { readFile } from 'node:fs/promises';
import { readImportSettings } from '../config.ts';
import { readAddressList } from '../curation/bulk/address-list.ts';
import type { CorpusStore } from '../store/types.ts';
import { runBulkImport } from './bulk-run.ts';

/**
 * Runs the import of the addresses in `file` into `event` of `store`, then indexes the corpus
 * once when anything was added; resolves to the exit code: 0 when nothing was refused, 1
 * otherwise (the summary says why for each).
 */
export async function addUrls(store: CorpusStore, file: string, event: string): Promise<number> {
  const settings = readImportSettings();
  const urls = readAddressList(await readFile(file, 'utf8'));
  const outcomes = await runBulkImport('add-urls', store, urls, event, settings);
  return outcomes.some((o) => o.kind === 'refused') ? 1 : 0;
}
