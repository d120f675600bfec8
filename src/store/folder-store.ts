/**
 * The folder store: the corpus folder itself, as the bot has always used it. The removed-articles
 * folder sits beside it, the audit log inside it, and the saved index in the cache folder. Changes
 * are serialised within the process and, through a lock file in the folder, across processes;
 * every write is atomic and durable, and a change that fails is rolled back whole.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { listArticleFiles } from '../corpus/load.ts';
import type { CorpusSnapshot } from '../corpus/types.ts';
import { syncDir, writeFileAtomic } from '../util/atomic-write.ts';
import { readWholeFile } from '../util/read-whole.ts';
import { SerialQueue } from '../util/serial-queue.ts';
import { AUDIT_FILE, type AuditEntry, appendAudit, readAudit } from './audit-log.ts';
import { FolderChanges } from './folder-changes.ts';
import { FolderJournal } from './folder-journal.ts';
import { LOCK_WAIT_MS, withChangeLock } from './folder-lock.ts';
import { FolderManifest } from './folder-manifest.ts';
import {
  type CorpusStore,
  type IndexBlob,
  type IndexChangeBlob,
  type KnownFiles,
  type PreparedIndex,
  type PrepareIndex,
  type StoreArea,
  type StoreTransaction,
  StoreUnavailableError,
} from './types.ts';

export { changeLockPath } from './folder-lock.ts';

/** The removed-articles folder of a corpus folder: beside it, named after it. */
export function removedDir(corpusDir: string): string {
  const resolved = path.resolve(corpusDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-removed`);
}

/** The saved-index file for a corpus folder inside a cache folder. */
export function savedIndexPath(cacheDir: string, corpusDir: string): string {
  const id = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `index-${id}.bin`);
}

/** Article files (.md, .txt) in a removed-articles folder, relative, sorted; none when it does not exist. */
export async function listRemovedFiles(corpusDir: string): Promise<string[]> {
  try {
    return (await listArticleFiles(removedDir(corpusDir))).filter((f) => /\.(md|txt)$/.test(f));
  } catch {
    return [];
  }
}

/** A corpus folder as a store. */
export class FolderStore implements CorpusStore {
  readonly kind = 'folder';
  readonly indexLocation: string | null;
  private readonly changes = new SerialQueue();
  private readonly lockWaitMs: number;
  private readonly savedChanges: FolderChanges | null;
  private readonly manifest: FolderManifest;

  /**
   * `cacheDir`: folder for the saved index; null never saves nor loads one. `lockWaitMs`: how
   * long a change waits for another process's change to the folder (default LOCK_WAIT_MS).
   */
  constructor(
    readonly dir: string,
    cacheDir: string | null = null,
    options: { lockWaitMs?: number } = {},
  ) {
    this.indexLocation = cacheDir === null ? null : savedIndexPath(cacheDir, dir);
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    this.savedChanges = this.indexLocation === null ? null : new FolderChanges(this.indexLocation);
    this.manifest = new FolderManifest(dir);
  }

  get label(): string {
    return this.dir;
  }

  /** The folder's content fingerprint (reading only the files whose stat changed since the last read). */
  version(): Promise<string> {
    return this.manifest.version();
  }

  /** The folder can be listed and read (a detached volume or a lost mount cannot). */
  async reachable(): Promise<void> {
    try {
      await access(this.dir, constants.R_OK | constants.X_OK);
    } catch (error) {
      throw new StoreUnavailableError(error, `The corpus folder ${this.dir} cannot be read.`);
    }
  }

  /** The folder's files, the content of those `known` holds and whose stat did not change taken from it. */
  read(known?: KnownFiles): Promise<CorpusSnapshot> {
    return this.manifest.read(known);
  }

  async loadIndex(): Promise<Buffer | null> {
    if (this.indexLocation === null) return null;
    try {
      return await readWholeFile(this.indexLocation);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The saved changes that lead on from `after` (see folder-changes.ts). */
  async loadIndexChanges(after: string, rankingKey: string): Promise<IndexChangeBlob[]> {
    return (await this.savedChanges?.after(after, rankingKey)) ?? [];
  }

  /**
   * One file per folder: the header's key says which version and ranking it holds. The saved
   * changes that do not lead on from its version are removed.
   */
  async saveIndex(version: string, blob: IndexBlob): Promise<void> {
    if (this.indexLocation === null) return;
    await mkdir(path.dirname(this.indexLocation), { recursive: true });
    await writeFileAtomic(this.indexLocation, blob.data, { durable: false });
    await this.savedChanges?.keepAfter(version, blob.rankingKey);
  }

  /** Saves what `prepare` returned: the whole index, or one saved change. */
  private async savePrepared(version: string, prepared: PreparedIndex): Promise<void> {
    if ('index' in prepared) await this.saveIndex(version, prepared.index);
    else await this.savedChanges?.save(prepared.change);
  }

  /**
   * Runs one change holding the folder's change lock (StoreBusyError when another process keeps
   * it too long): `mutate`, then `prepare` on the result. When either fails, every file the change
   * wrote, moved or appended to is put back as it was, and the error is passed on.
   */
  change<T>(
    mutate: (tx: StoreTransaction) => Promise<T>,
    prepare: PrepareIndex,
    known?: KnownFiles,
  ): Promise<{ result: T; version: string }> {
    return this.changes.run(() =>
      withChangeLock(
        this.dir,
        async () => {
          const journal = new FolderJournal();
          const touched = new Set<string>();
          let result: T;
          let snapshot: CorpusSnapshot;
          let prepared: PreparedIndex | null;
          try {
            result = await mutate(this.transaction(journal, touched));
            // The files the change wrote are read whatever their stat; the others are statted
            // only when another process may have changed the folder (a refresh: every file).
            snapshot = await this.manifest.readAfterOwnChange(known, touched);
            prepared = await prepare(snapshot, null);
          } catch (error) {
            await journal.rollback();
            // Files put back: what was read of them is no longer what the folder holds.
            if (touched.size > 0) await this.manifest.changed(false);
            throw error;
          }
          if (touched.size > 0) await this.manifest.changed(true);
          if (prepared !== null) {
            try {
              await this.savePrepared(snapshot.version, prepared);
            } catch {
              // The index serves from memory; the next start rebuilds it.
            }
          }
          return { result, version: snapshot.version };
        },
        this.lockWaitMs,
      ),
    );
  }

  removed(): Promise<string[]> {
    return listRemovedFiles(this.dir);
  }

  history(count: number): Promise<AuditEntry[]> {
    return readAudit(this.dir, count);
  }

  /** A folder sends no notifications: other processes' edits are picked up by a refresh. */
  watch(): void {}

  async close(): Promise<void> {}

  /** The steps of a change, each recorded in `journal` before it is taken, and the paths it touched. */
  private transaction(journal: FolderJournal, touched: Set<string>): StoreTransaction {
    const dir = this.dir;
    const removed = removedDir(dir);
    const move = async (from: string, to: string) => {
      await mkdir(path.dirname(to), { recursive: true });
      await journal.keep(to);
      await rename(from, to);
      journal.renamed(from, to);
      await syncDir(path.dirname(from));
      await syncDir(path.dirname(to));
    };
    return {
      list: async (area: StoreArea) => (area === 'corpus' ? listArticleFiles(dir) : listRemovedFiles(dir)),
      read: async (rel) => {
        try {
          return await readFile(path.join(dir, rel), 'utf8');
        } catch {
          return null;
        }
      },
      write: async (rel, content) => {
        touched.add(rel);
        await journal.keep(path.join(dir, rel));
        await writeFileAtomic(path.join(dir, rel), content);
      },
      remove: (rel) => {
        touched.add(rel);
        return move(path.join(dir, rel), path.join(removed, rel));
      },
      restore: (rel) => {
        touched.add(rel);
        return move(path.join(removed, rel), path.join(dir, rel));
      },
      audit: async (entry) => {
        await journal.keepLength(path.join(dir, AUDIT_FILE));
        await appendAudit(dir, entry);
      },
    };
  }
}
