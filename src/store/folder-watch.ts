/**
 * Hand edits of a corpus folder, noticed: a watch on the folder (and its subfolders) that calls
 * back once the article files or the events file have been quiet for a moment, so that a file
 * saved by an editor, copied in or deleted is served without `/corpus refresh`. It only says that
 * something may have changed; the refresh that follows compares the files and changes nothing
 * when they are the same.
 */
import { type FSWatcher, watch } from 'node:fs';
import { EVENTS_FILE } from '../corpus/events.ts';
import { isArticlePath } from '../corpus/load.ts';

/** A running watch of a corpus folder. */
export interface FolderWatch {
  /** Stops watching; a call already waiting for quiet is dropped. */
  close(): void;
}

export interface FolderWatchOptions {
  /** How long no relevant file may change before `onEdit` is called (default 1,000 ms). */
  quietMs?: number;
  /** Called when the watch itself fails (e.g. the system's limit on watches is reached). */
  onError?: (error: Error) => void;
}

/** Is a path the watch reports (relative, either separator) one the corpus reads? */
export function isCorpusPath(rel: string): boolean {
  const path = rel.split('\\').join('/');
  return path === EVENTS_FILE || isArticlePath(path);
}

/**
 * Watches `dir` and calls `onEdit` once its article or events files have stopped changing for
 * `quietMs`; edits during a call wait for the next quiet moment. Changes to other files (the
 * audit log, removed articles, dot-files, an editor's swap files) are ignored. Throws what
 * `fs.watch` throws when the folder cannot be watched at all.
 */
export function watchCorpusFolder(
  dir: string,
  onEdit: () => Promise<void> | void,
  options: FolderWatchOptions = {},
): FolderWatch {
  const quietMs = options.quietMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let closed = false;
  const fire = async () => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onEdit();
    } catch (error) {
      options.onError?.(error as Error);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void fire(), quietMs);
    timer.unref();
  };
  const watcher: FSWatcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
    // Some platforms do not name the file: then anything may have changed.
    if (file === null || isCorpusPath(String(file))) schedule();
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      watcher.close();
    },
  };
}
