/**
 * Serves a corpus folder's hand edits without `/corpus refresh`: a watch on the folder
 * (store/folder-watch.ts) whose quiet moments refresh the live index, with what changed, the
 * problems found (each once, and once more when it is gone) and any failure logged. A refresh that fails or finds no readable article
 * keeps the index served, as `/corpus refresh` does.
 */
import type { Logger } from '../log.ts';
import { type FolderWatch, watchCorpusFolder } from '../store/folder-watch.ts';
import type { LiveEngine } from './live-engine.ts';

/**
 * Refreshes `live` each time the article or events files of its folder `dir` have been edited
 * and then left alone for `quietMs`, logging the outcome on `logger`; returns the watch, or null
 * (with a warning logged) when the folder cannot be watched.
 */
export function refreshOnFolderEdits(
  live: LiveEngine,
  dir: string,
  logger: Logger,
  options: { quietMs?: number } = {},
): FolderWatch | null {
  // Problems already logged, so that a refresh logs only new ones and those fixed since.
  let logged = new Map<string, { path: string; line: number | null }>();
  const onError = (error: Error) =>
    logger.warn('watching the corpus folder failed; edits by hand need /corpus refresh', { error });
  try {
    return watchCorpusFolder(
      dir,
      async () => {
        const report = await live.refresh();
        if (!report.ok) {
          logger.warn('corpus folder edited, but it could not be read; the previous index is still serving', {
            error: report.error,
          });
          return;
        }
        const now = new Map<string, { path: string; line: number | null }>();
        for (const problem of report.problems) {
          const key = `${problem.path}\u0000${problem.line}\u0000${problem.message}`;
          now.set(key, { path: problem.path, line: problem.line });
          if (!logged.has(key))
            logger.warn('corpus problem', {
              path: problem.path,
              line: problem.line,
              problem: problem.message,
            });
        }
        for (const [key, { path, line }] of logged)
          if (!now.has(key)) logger.info('corpus problem gone', { path, line });
        logged = now;
        if (report.added.length + report.updated.length + report.removed.length === 0) return;
        logger.info('corpus folder edited; now serving it', {
          added: report.added.length,
          updated: report.updated.length,
          removed: report.removed.length,
          articles: report.articles,
          passages: report.passages,
          ms: Math.round(report.durationMs),
        });
      },
      { quietMs: options.quietMs, onError },
    );
  } catch (error) {
    onError(error as Error);
    return null;
  }
}
