/**
 * What a change to a corpus folder has done so far, as steps that undo it: a change that fails
 * (in its own steps or in building the index of the result) is rolled back, so that a folder
 * change lands whole or not at all, as a database change does.
 */
import { readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { syncDir, writeFileAtomic } from '../util/atomic-write.ts';

/** Some steps of a failed change could not be undone: the folder holds part of it. */
export class RollbackFailed extends Error {
  override name = 'RollbackFailed';
}

/** The undo steps of one folder change, undone newest first. */
export class FolderJournal {
  private readonly steps: Array<{ file: string; undo: () => Promise<void> }> = [];

  /** Remembers `file`'s content (or that there is none) so that a rollback puts it back. */
  async keep(file: string): Promise<void> {
    let before: Buffer | null = null;
    try {
      before = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.steps.push({
      file,
      undo: async () => {
        if (before !== null) await writeFileAtomic(file, before);
        else {
          await rm(file, { force: true });
          await syncDir(path.dirname(file));
        }
      },
    });
  }

  /** Remembers `file`'s length so that a rollback cuts off what is appended to it. */
  async keepLength(file: string): Promise<void> {
    let size: number | null = null;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.steps.push({
      file,
      undo: () => (size === null ? rm(file, { force: true }) : truncate(file, size)),
    });
  }

  /** Records that `from` was renamed to `to`: a rollback renames it back. */
  renamed(from: string, to: string): void {
    this.steps.push({
      file: from,
      undo: async () => {
        await rename(to, from);
        await syncDir(path.dirname(from));
        await syncDir(path.dirname(to));
      },
    });
  }

  /** Undoes every step, newest first; RollbackFailed naming the files some step failed on. */
  async rollback(): Promise<void> {
    const failed: string[] = [];
    let cause: unknown;
    for (const step of this.steps.reverse()) {
      try {
        await step.undo();
      } catch (error) {
        failed.push(step.file);
        cause ??= error;
      }
    }
    this.steps.length = 0;
    if (failed.length > 0)
      throw new RollbackFailed(
        `FolderStore: a failed change could not be undone for ${failed.join(', ')}; check those files by hand.`,
        { cause },
      );
  }
}
