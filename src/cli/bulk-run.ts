/**
 * The part of the bulk import commands (`corpus add-urls`, `corpus add-feed-archive`) that a
 * terminal sees: progress on stderr (a bar on a terminal, a counter line otherwise), the import,
 * the index built once at the end, and the summary on stdout.
 */
import cliProgress from 'cli-progress';
import type { ImportSettings } from '../config.ts';
import {
  type FeedHint,
  type ImportOutcome,
  type ImportProgress,
  importAddresses,
} from '../curation/bulk/bulk-import.ts';
import { openStoreIndex } from '../live/open-engine.ts';
import type { CorpusStore } from '../store/types.ts';

/** Reports progress: a bar with counts and ETA on a terminal, else a line each tenth of the way and at the end. */
function progressReporter(
  label: string,
  stream: NodeJS.WriteStream,
): {
  update: (p: ImportProgress) => void;
  stop: () => void;
} {
  const counts = (p: ImportProgress) => `${p.added} added, ${p.duplicates} duplicates, ${p.refused} refused`;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {value}/{total} ({counts}) ETA {eta_formatted}`, hideCursor: true },
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
        stream.write(`${label}: ${p.done}/${p.total} (${counts(p)})\n`);
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
async function indexOnce(label: string, store: CorpusStore, stream: NodeJS.WriteStream): Promise<void> {
  const opened = await openStoreIndex(store);
  const where = store.indexLocation ?? 'nowhere (no INDEX_CACHE_DIR)';
  stream.write(
    `${label}: index built once for the new corpus (${opened.index.corpus.articles.length} articles, ${(opened.ms / 1000).toFixed(1)} s), saved to ${where}\n`,
  );
  if (opened.warning !== null) stream.write(`${label}: ${opened.warning}\n`);
}

/**
 * Imports `urls` into `event` of `store` with progress under `label` (the command's name, also
 * what the audit log names), then builds the index once when anything was added, and prints the
 * summary; resolves with one outcome an address, in list order.
 */
export async function runBulkImport(
  label: string,
  store: CorpusStore,
  urls: string[],
  event: string,
  settings: ImportSettings,
  hints?: (FeedHint | undefined)[],
): Promise<ImportOutcome[]> {
  const progress = progressReporter(label, process.stderr);
  let outcomes: ImportOutcome[];
  try {
    outcomes = await importAddresses(store, urls, {
      event,
      policy: settings.fetchPolicy,
      concurrency: settings.concurrency,
      who: { id: 'cli', name: `corpus ${label}` },
      onProgress: progress.update,
      ...(hints === undefined ? {} : { hints }),
    });
  } finally {
    progress.stop();
  }
  if (outcomes.some((o) => o.kind === 'added')) await indexOnce(label, store, process.stderr);
  process.stdout.write(renderImportSummary(outcomes));
  return outcomes;
}
