/**
 * `corpus add-feed-archive URL --event ID`: imports every item of a feed and of its older pages
 * (RFC 5005 archives, or a paged feed) into an event, through the same path as `add-urls`.
 */
import { readImportSettings } from '../config.ts';
import { checkImportEvent } from '../curation/bulk/bulk-import.ts';
import { readFeedArchive } from '../curation/bulk/feed-archive.ts';
import type { CorpusStore } from '../store/types.ts';
import { runBulkImport } from './bulk-run.ts';

/**
 * Reads the feed at `url` and its older pages (at most IMPORT_FEED_PAGES), then imports their
 * items into `event` of `store`, the feed's title, outlet and date filling what a page lacks; resolves to
 * the exit code: 0 when every page of the archive was read and nothing refused, 1 otherwise.
 * Throws FeedError when the feed itself cannot be read, CurationError for an unknown event.
 */
export async function addFeedArchive(store: CorpusStore, url: string, event: string): Promise<number> {
  const settings = readImportSettings();
  await checkImportEvent(store, event);
  const archive = await readFeedArchive(url, settings.fetchPolicy, settings.feedPages);
  process.stderr.write(
    `add-feed-archive: ${archive.pages.length} feed page${archive.pages.length === 1 ? '' : 's'} read, ${archive.items.length} items\n`,
  );
  const outcomes = await runBulkImport(
    'add-feed-archive',
    store,
    archive.items.map((item) => item.url),
    event,
    settings,
    archive.items.map((item) => ({ title: item.title, date: item.date, source: item.source })),
  );
  process.stdout.write(
    `Feed pages read: ${archive.pages.length}${archive.stopped === null ? ' (the whole archive)' : `; ${archive.stopped}`}.\n`,
  );
  return archive.stopped !== null || outcomes.some((o) => o.kind === 'refused') ? 1 : 0;
}
