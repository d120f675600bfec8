/**
 * The change lock of a corpus folder, shared by every process that edits it (shards, a second
 * bot, the CLI): a lock directory inside the folder (a dot-entry, which the corpus loader
 * ignores), made with proper-lockfile. Its holder touches it every few seconds; one left
 * untouched for LOCK_STALE_MS (its process died) is taken over.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreBusyError } from './types.ts';

/**
 * A lock untouched this long is stale. It is touched from a timer, so it must outlast the longest
 * synchronous stretch of a change (the index build of a large folder).
 */
export const LOCK_STALE_MS = 30_000;
/** How long a change waits for the lock: longer than a stale lock takes to be recognised. */
export const LOCK_WAIT_MS = 45_000;

/** The change lock of the corpus folder `dir`. */
export function changeLockPath(dir: string): string {
  return path.join(dir, '.change.lock');
}

/**
 * Runs `work` holding the change lock of `dir`, waiting at most `waitMs` for it; StoreBusyError
 * (nothing was run) when another process holds it all that time.
 */
export async function withChangeLock<T>(
  dir: string,
  work: () => Promise<T>,
  waitMs = LOCK_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(dir, {
        lockfilePath: changeLockPath(dir),
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_STALE_MS / 6,
        // Taken over while held (this process stalled past LOCK_STALE_MS): the change is made
        // already; the default, a throw from a timer, would end the process.
        onCompromised: () => undefined,
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreBusyError(error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, 50 + Math.random() * 100)));
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
