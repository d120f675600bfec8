/**
 * `corpus add-urls FILE --event ID`: imports the pages a list or sitemap names into an event, with
 * progress on stderr (a bar on a terminal, a counter line otherwise) and a summary on stdout.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { readImportSettings } from '../config.ts';
import { readAddressList } from '../curation/bulk/address-list.ts';
import { type ImportOutcome, type ImportProgress, importAddresses } from '../curation/bulk/bulk-import.ts';
import { openStoreIndex } from '../live/open-engine.ts';
import type { CorpusStore } from '../store/types.ts';

/** Reports progress: a bar with counts and ETA on a terminal, else a line each tenth of the way and at the end. */
function progressReporter(stream: NodeJS.WriteStream): {
  update: (p: ImportProgress) => void;
  stop: () => void;
} {
  const counts = (p: ImportProgress) => `${p.added} added, ${p.duplicates} duplicates, ${p.refused} refused`;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'add-urls [{bar}] {value}/{total} ({counts}) ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (!started) bar.start(p.total, 0, { counts: counts(p) });
        started = true;
        bar.update(p.done, { counts: counts(p) });
      },
      stop: () => bar.stop(),
    };
  }
  let shown = 0;
  return {
    update: (p) => {
      const step = Math.max(1, Math.ceil(p.total / 10));
      if (p.done === p.total || p.done - shown >= step) {
        shown = p.done;
        stream.write(`add-urls: ${p.done}/${p.total} (${counts(p)})\n`);
      }
    },
    stop: () => undefined,
  };
}

/** The summary: counts, then one line an address that was not simply added. */
export function renderImportSummary(outcomes: ImportOutcome[]): string {
  const added = outcomes.filter((o) => o.kind === 'added');
  const duplicates = outcomes.filter((o) => o.kind === 'duplicate');
  const alreadyIn = duplicates.filter((o) => o.alreadyIn).length;
  const refused = outcomes.filter((o) => o.kind === 'refused');
  const lines = [
    `Added ${added.length}, skipped ${duplicates.length} as duplicates (${alreadyIn} already in), refused ${refused.length} — of ${outcomes.length} addresses.`,
    ...added.map((o) => `  added: ${o.url} → ${o.file}`),
    ...duplicates.map((o) => `  duplicate: ${o.url} — ${o.why}`),
    ...refused.map((o) => `  refused: ${o.url} — ${o.why}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Builds and saves the index of the store's corpus once, after an import, as the bot opens it
 * (who said what is read later, when first asked): the bot's next start loads it instead of
 * building, and nothing was indexed page by page.
 */
async function indexOnce(store: CorpusStore, stream: NodeJS.WriteStream): Promise<void> {
  const opened = await openStoreIndex(store);
  const where = store.indexLocation ?? 'nowhere (no INDEX_CACHE_DIR)';
  stream.write(
    `add-urls: index built once for the new corpus (${opened.index.corpus.articles.length} articles, ${(opened.ms / 1000).toFixed(1)} s), saved to ${where}\n`,
  );
  if (opened.warning !== null) stream.write(`add-urls: ${opened.warning}\n`);
}

/**
 * Runs the import of the addresses in `file` into `event` of `store`, then indexes the corpus
 * once when anything was added; resolves to the exit code: 0 when nothing was refused, 1
 * otherwise (the summary says why for each).
 */
export async function addUrls(store: CorpusStore, file: string, event: string): Promise<number> {
  const settings = readImportSettings();
  const urls = readAddressList(await readFile(file, 'utf8'));
  const progress = progressReporter(process.stderr);
  let outcomes: ImportOutcome[];
  try {
    outcomes = await importAddresses(store, urls, {
      event,
      policy: settings.fetchPolicy,
      concurrency: settings.concurrency,
      who: { id: 'cli', name: 'corpus add-urls' },
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  if (outcomes.some((o) => o.kind === 'added')) await indexOnce(store, process.stderr);
  process.stdout.write(renderImportSummary(outcomes));
  return outcomes.some((o) => o.kind === 'refused') ? 1 : 0;
}
