/**
 * What a folder store last read of each article file: its stat (size, modification and change
 * times, inode) and the digest of its bytes. A read stats every file and reads only those whose
 * stat differs — an edit by hand changes at least the change time — or that a change wrote,
 * taking the others' content from the reader (`KnownFiles`); the version is made from digests,
 * so it needs no unchanged file's bytes. A change made by this store stats only the files it
 * wrote, when no other process's change was made since the last read (the change mark, a token
 * each change writes in the folder under the change lock, says so); hand edits are seen by the
 * next full read (a refresh).
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { EVENTS_FILE } from '../corpus/events.ts';
import { digestOf, type FileDigest, fingerprintDigests } from '../corpus/fingerprint.ts';
import { isArticlePath, listArticleFiles } from '../corpus/load.ts';
import type { CorpusProblem, CorpusSnapshot, StoredFile } from '../corpus/types.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { readWholeFile } from '../util/read-whole.ts';
import type { KnownFiles } from './types.ts';

interface Entry extends FileDigest {
  /** The file's stat when it was read, as one string (size, times in nanoseconds, inode). */
  stamp: string;
}

/** The file, in a corpus folder, holding the mark of the last change made through a folder store (a dot-entry the loader ignores). */
export const CHANGE_MARK_FILE = '.change.mark';

/** The stat of the files of one folder as last read, and their digests. */
export class FolderManifest {
  private entries = new Map<string, Entry>();
  /** The change mark the folder held when `entries` were read in full (null: not known). */
  private mark: string | null = null;

  constructor(private readonly dir: string) {}

  /**
   * The folder's files and version, each file's content read unless its stat is the one last
   * read, `touched` does not list it and `known` holds its content. Without `known` every file is
   * read. A file that cannot be read is a problem of the snapshot.
   */
  async read(known?: KnownFiles, touched: ReadonlySet<string> = new Set()): Promise<CorpusSnapshot> {
    const mark = await this.markNow();
    const snapshot = await this.scan(known ?? null, touched, true, null);
    this.mark = mark;
    return snapshot;
  }

  /**
   * The folder after a change this store made holding the change lock, which wrote, removed or
   * restored `touched`: only those are statted and read when the folder's change mark is the one
   * of the last read (no other process changed it since), otherwise every file (see `read`).
   */
  async readAfterOwnChange(
    known: KnownFiles | undefined,
    touched: ReadonlySet<string>,
  ): Promise<CorpusSnapshot> {
    const mark = await this.markNow();
    if (touched.size === 0 || this.mark === null || mark !== this.mark) return this.read(known, touched);
    return this.scan(known ?? null, touched, true, await this.pathsAfter(touched));
  }

  /**
   * Writes a new change mark once a change is made (under the change lock), so that other
   * processes' stores know their last read is out of date; after a change that failed, forgets
   * what was read, so that the next read is a full one.
   */
  async changed(ok: boolean): Promise<void> {
    if (!ok) {
      this.mark = null;
      return;
    }
    const mark = randomUUID();
    try {
      await writeFileAtomic(path.join(this.dir, CHANGE_MARK_FILE), mark, { durable: false });
      if (this.mark !== null) this.mark = mark;
    } catch {
      this.mark = null;
    }
  }

  /** The folder's version, reading only the files whose stat changed. */
  async version(): Promise<string> {
    return (await this.scan(null, new Set(), false, null)).version;
  }

  /** The change mark in the folder now ('' when there is none yet). */
  private async markNow(): Promise<string> {
    try {
      return await readFile(path.join(this.dir, CHANGE_MARK_FILE), 'utf8');
    } catch {
      return '';
    }
  }

  /** The article files after a change to `touched`: those last read and the touched ones that exist now, sorted. */
  private async pathsAfter(touched: ReadonlySet<string>): Promise<string[]> {
    const added: string[] = [];
    const gone = new Set<string>();
    for (const rel of touched) {
      if (!isArticlePath(rel)) continue;
      const exists = await stat(path.join(this.dir, rel)).then(
        () => true,
        () => false,
      );
      if (!exists) gone.add(rel);
      else if (!this.entries.has(rel)) added.push(rel);
    }
    added.sort();
    // The paths last read are in sorted order (a read keeps them in the order it listed them).
    const rels: string[] = [];
    let a = 0;
    for (const rel of this.entries.keys()) {
      if (gone.has(rel)) continue;
      while (a < added.length && (added[a] as string) < rel) rels.push(added[a++] as string);
      rels.push(rel);
    }
    while (a < added.length) rels.push(added[a++] as string);
    return rels;
  }

  /** Reads the folder; `own`, the article files after a change of this store, whose untouched files are not statted. */
  private async scan(
    known: KnownFiles | null,
    touched: ReadonlySet<string>,
    withContent: boolean,
    own: string[] | null,
  ): Promise<CorpusSnapshot> {
    const rels = own ?? (await listArticleFiles(this.dir));
    let events: Buffer | null = null;
    try {
      events = await readWholeFile(path.join(this.dir, EVENTS_FILE));
    } catch {
      // No events file: no events.
    }
    const digests: Array<[string, FileDigest | null]> = [
      [EVENTS_FILE, events === null ? null : digestOf(events)],
    ];
    const files: StoredFile[] = [];
    const problems: CorpusProblem[] = [];
    const next = new Map<string, Entry>();
    for (const rel of rels) {
      const full = path.join(this.dir, rel);
      try {
        const kept = touched.has(rel) ? undefined : this.entries.get(rel);
        // Stat before reading: a write after it changes the stat the next read compares.
        const stamp =
          own !== null && kept !== undefined ? kept.stamp : stampOf(await stat(full, { bigint: true }));
        const same = kept !== undefined && kept.stamp === stamp;
        const content = !same || !withContent ? null : (known?.contentOf(rel, kept.md5) ?? null);
        if (same && (content !== null || !withContent)) {
          next.set(rel, kept);
          digests.push([rel, kept]);
          if (content !== null) files.push({ path: rel, content, md5: kept.md5 });
          continue;
        }
        const bytes = await readWholeFile(full);
        const entry: Entry = { ...digestOf(bytes), stamp };
        next.set(rel, entry);
        digests.push([rel, entry]);
        // The digest is of the bytes: the content's own MD5 only when they are valid UTF-8.
        files.push({
          path: rel,
          content: bytes.toString('utf8'),
          ...(isUtf8(bytes) ? { md5: entry.md5 } : {}),
        });
      } catch (error) {
        digests.push([rel, null]);
        problems.push({ path: rel, line: null, message: `cannot be read: ${(error as Error).message}` });
      }
    }
    this.entries = next;
    return {
      version: fingerprintDigests(digests),
      events: events?.toString('utf8') ?? null,
      files,
      problems,
    };
  }
}

function stampOf(s: BigIntStats): string {
  return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
}
