/**
 * What a folder store last read of each article file: its stat (size, modification and change
 * times, inode) and the digest of its bytes. A later read stats every file and reads only those
 * whose stat differs — an edit by hand changes at least the change time — or that a change wrote,
 * taking the others' content from the reader (`KnownFiles`); the version is made from digests,
 * so it needs no unchanged file's bytes.
 */
import { isUtf8 } from 'node:buffer';
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EVENTS_FILE } from '../corpus/events.ts';
import { digestOf, type FileDigest, fingerprintDigests } from '../corpus/fingerprint.ts';
import { listArticleFiles } from '../corpus/load.ts';
import type { CorpusProblem, CorpusSnapshot, StoredFile } from '../corpus/types.ts';
import { readWholeFile } from '../util/read-whole.ts';
import type { KnownFiles } from './types.ts';

interface Entry extends FileDigest {
  /** The file's stat when it was read, as one string (size, times in nanoseconds, inode). */
  stamp: string;
}

/** The stat of the files of one folder as last read, and their digests. */
export class FolderManifest {
  private entries = new Map<string, Entry>();

  constructor(private readonly dir: string) {}

  /**
   * The folder's files and version, each file's content read unless its stat is the one last
   * read, `touched` does not list it and `known` holds its content. Without `known` every file is
   * read. A file that cannot be read is a problem of the snapshot.
   */
  read(known?: KnownFiles, touched: ReadonlySet<string> = new Set()): Promise<CorpusSnapshot> {
    return this.scan(known ?? null, touched, true) as Promise<CorpusSnapshot>;
  }

  /** The folder's version, reading only the files whose stat changed. */
  async version(): Promise<string> {
    return (await this.scan(null, new Set(), false)).version;
  }

  private async scan(
    known: KnownFiles | null,
    touched: ReadonlySet<string>,
    withContent: boolean,
  ): Promise<CorpusSnapshot> {
    const rels = await listArticleFiles(this.dir);
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
        // Stat before reading: a write after it changes the stat the next read compares.
        const stamp = stampOf(await stat(full, { bigint: true }));
        const kept = touched.has(rel) ? undefined : this.entries.get(rel);
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
