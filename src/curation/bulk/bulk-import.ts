/**
 * Importing many pages into one event from a list of addresses: each page read as /corpus add
 * reads one by URL, checked for duplicates against the corpus and the pages before it, written
 * in batches (each one store change with its audit lines), so an interrupted run keeps what it
 * wrote and a second run skips it. Nothing is indexed here: the bot picks the new files up.
 */
import { corpusFromSnapshot } from '../../corpus/load.ts';
import type { Article } from '../../corpus/types.ts';
import type { CorpusStore } from '../../store/types.ts';
import { writeNewArticle } from '../checked-writes.ts';
import { type ArticleDraft, DraftError } from '../draft.ts';
import { DuplicateIndex } from '../duplicates.ts';
import { CurationError } from '../errors.ts';
import { type FetchPolicy, FetchRefused } from '../fetch-page.ts';
import { draftFromAddress } from '../ingest.ts';
import { forEachByHost } from './host-pool.ts';

/** What happened to one address. */
export type ImportOutcome =
  | { url: string; kind: 'added'; file: string }
  | { url: string; kind: 'duplicate'; why: string; alreadyIn: boolean }
  | { url: string; kind: 'refused'; why: string };

/** Counts so far, for a progress display. */
export interface ImportProgress {
  done: number;
  total: number;
  added: number;
  duplicates: number;
  refused: number;
}

/** What a feed says of an item, used where its page does not say it. */
export interface FeedHint {
  title: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  source: string | null;
}

export interface BulkImportOptions {
  event: string;
  policy: FetchPolicy;
  /** Pages fetched at once, in all and from one host. */
  concurrency: { total: number; perHost: number };
  /** Who the audit log names. */
  who: { id: string; name: string };
  onProgress?: (progress: ImportProgress) => void;
  /** What a feed says of each address, by its place in the list: fills what the page lacks. */
  hints?: (FeedHint | undefined)[];
}

/** Drafts written in one store change: fewer changes, yet little lost if the run is stopped. */
const WRITE_BATCH = 20;

/** A duplicate's reason, naming the article it copies. */
function duplicateWhy(reason: string, article: Article): string {
  return `${reason}: “${article.title}” (${article.source ?? 'unknown outlet'}, ${article.path})`;
}

/** Throws CurationError, naming the known events, when `event` is not one of `store`'s. */
export async function checkImportEvent(store: CorpusStore, event: string): Promise<void> {
  const corpus = corpusFromSnapshot(store.label, await store.read());
  if (!corpus.events.some((e) => e.id === event)) {
    const known = corpus.events.map((e) => e.id).join(', ') || 'none';
    throw new CurationError(`there is no event \`${event}\`; known events: ${known}`);
  }
}

/**
 * Imports the page at each of `urls` into `options.event` of `store`, in list order as far as
 * concurrency allows; resolves with one outcome an address, in list order. Throws CurationError,
 * fetching nothing, when the event does not exist.
 */
export async function importAddresses(
  store: CorpusStore,
  urls: string[],
  options: BulkImportOptions,
): Promise<ImportOutcome[]> {
  const corpus = corpusFromSnapshot(store.label, await store.read());
  if (!corpus.events.some((e) => e.id === options.event)) {
    const known = corpus.events.map((e) => e.id).join(', ') || 'none';
    throw new CurationError(`there is no event \`${options.event}\`; known events: ${known}`);
  }
  const known = new DuplicateIndex(corpus.articles);
  const outcomes: ImportOutcome[] = new Array(urls.length);
  const progress: ImportProgress = { done: 0, total: urls.length, added: 0, duplicates: 0, refused: 0 };
  const listed = new Set<string>();
  /** Pages read, waiting for every address listed before theirs to be decided. */
  const read = new Map<number, { url: string; draft: ArticleDraft } | ImportOutcome>();
  let nextToDecide = 0;
  let pending: { index: number; draft: ArticleDraft }[] = [];
  let writing: Promise<void> = Promise.resolve();

  const settle = (index: number, outcome: ImportOutcome): void => {
    outcomes[index] = outcome;
    progress.done++;
    if (outcome.kind === 'added') progress.added++;
    else if (outcome.kind === 'duplicate') progress.duplicates++;
    else progress.refused++;
    options.onProgress?.({ ...progress });
  };

  /** Writes the pending drafts in one change, after any change already under way. */
  const flush = (): Promise<void> => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return writing;
    writing = writing.then(() => writeBatch(store, batch, options.who, settle));
    return writing;
  };

  /**
   * Checks the pages read for duplicates in list order, so that of two copies the one listed
   * first is kept whichever was read first; queues the new ones for writing.
   */
  const decide = (): void => {
    for (let next = read.get(nextToDecide); next !== undefined; next = read.get(nextToDecide)) {
      const index = nextToDecide++;
      read.delete(index);
      if (!('draft' in next)) {
        settle(index, next);
        continue;
      }
      const duplicate = known.find(next.draft);
      if (duplicate !== null) {
        const why = duplicateWhy(duplicate.reason, duplicate.article);
        settle(index, { url: next.url, kind: 'duplicate', why, alreadyIn: false });
        continue;
      }
      known.add({ ...next.draft, id: `pending-${index}`, path: '(this import)' });
      pending.push({ index, draft: next.draft });
      if (pending.length >= WRITE_BATCH) void flush();
    }
  };

  await forEachByHost(urls, options.concurrency, async (url, index) => {
    read.set(index, await readOne(url, listed, known, options, options.hints?.[index]));
    decide();
    // Reading waits while a batch is written, so drafts do not pile up faster than they land.
    await writing;
  });
  await flush();
  return outcomes;
}

/** One address read into a draft, or what happened to it instead (refused, listed twice, already in). */
async function readOne(
  url: string,
  listed: Set<string>,
  known: DuplicateIndex,
  options: BulkImportOptions,
  hint: FeedHint | undefined,
): Promise<{ url: string; draft: ArticleDraft } | ImportOutcome> {
  if (listed.has(url)) return { url, kind: 'duplicate', why: 'listed twice', alreadyIn: false };
  listed.add(url);
  const already = known.hasUrl(url);
  if (already !== null && already.path !== '(this import)')
    return { url, kind: 'duplicate', why: duplicateWhy('already in', already), alreadyIn: true };
  try {
    const overrides = { event: options.event, fallback: hint };
    return { url, draft: await draftFromAddress(url, overrides, options.policy) };
  } catch (error) {
    if (error instanceof FetchRefused || error instanceof DraftError || error instanceof CurationError)
      return { url, kind: 'refused', why: error.message };
    return { url, kind: 'refused', why: `It could not be read (${(error as Error).message}).` };
  }
}

/** Writes `batch` as new Markdown files in one store change, an audit line each, and settles them. */
async function writeBatch(
  store: CorpusStore,
  batch: { index: number; draft: ArticleDraft }[],
  who: { id: string; name: string },
  settle: (index: number, outcome: ImportOutcome) => void,
): Promise<void> {
  const written: { index: number; outcome: ImportOutcome }[] = [];
  await store.change(
    async (tx) => {
      written.length = 0;
      const existing = new Set(await tx.list('corpus'));
      for (const { index, draft } of batch) {
        const url = draft.url ?? '';
        let name: string;
        try {
          name = await writeNewArticle(tx, draft, existing, who);
        } catch (error) {
          if (!(error instanceof CurationError)) throw error;
          written.push({ index, outcome: { url, kind: 'refused', why: error.message } });
          continue;
        }
        written.push({ index, outcome: { url, kind: 'added', file: name } });
      }
    },
    async () => null,
  );
  for (const { index, outcome } of written) settle(index, outcome);
}
