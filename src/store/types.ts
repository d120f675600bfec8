/**
 * The corpus store: where the coverage files live (a folder, or a PostgreSQL database shared by
 * many bot processes). The live corpus and the curator speak only to this interface, so both
 * stores share one code path for loading, changing and saving the index.
 */

import type { CorpusSnapshot, StoredFile } from '../corpus/types.ts';
import type { AuditEntry } from './audit-log.ts';

/** The two areas of a store: served articles, and articles taken out by moderators. */
export type StoreArea = 'corpus' | 'removed';

/** What a change may do to the store; everything it does lands together (or, in a database, not at all). */
export interface StoreTransaction {
  /** Relative paths of the article files in an area, sorted. */
  list(area: StoreArea): Promise<string[]>;
  /** A file's text in the corpus area (articles or the events file), or null when there is none. */
  read(path: string): Promise<string | null>;
  /** Creates or replaces a file in the corpus area. */
  write(path: string, content: string): Promise<void>;
  /** Moves an article file from the corpus area to the removed area. */
  remove(path: string): Promise<void>;
  /** Moves a file from the removed area back into the corpus area. */
  restore(path: string): Promise<void>;
  /** Appends one audit-log entry (its time is set by the store). */
  audit(entry: Omit<AuditEntry, 'at'>): Promise<void>;
}

/** A saved index's bytes, with the ranking key it was built for. */
export interface IndexBlob {
  rankingKey: string;
  data: Buffer;
}

/** A saved change's bytes (see answer/saved-change.ts): what turns the index of `from` into that of `to`. */
export interface IndexChangeBlob {
  rankingKey: string;
  from: string;
  to: string;
  data: Buffer;
}

/** What a change saves with itself: the whole index of its result, or only what it changed. */
export type PreparedIndex = { index: IndexBlob } | { change: IndexChangeBlob };

/**
 * Called inside a change, after the mutation, with the files as they will be once the change
 * lands and the version the store held when the change began (null when the store does not know
 * it without reading every file: a folder): makes the next index and returns what to save with the
 * change (or null).
 */
export type PrepareIndex = (snapshot: CorpusSnapshot, before: string | null) => Promise<PreparedIndex | null>;

/**
 * The article files a reader holds already (the last snapshot it read): a store may send only the
 * others' content. The database compares checksums and sends the files that differ; a folder
 * reads every file anyway (its version is the fingerprint of all of them).
 */
export interface KnownFiles {
  /** The content held for `path` when its MD5 (hex, of its UTF-8 bytes) is `md5`, else null. */
  contentOf(path: string, md5: string): string | null;
  /**
   * Every file held, sorted by path, when they are all those of one version the store committed
   * (a store then sends only the files changed since it); null when that is not known.
   */
  held?(): { version: string; files: StoredFile[] } | null;
}

/** A place the corpus lives. */
export interface CorpusStore {
  /** "folder" or "postgres". */
  readonly kind: 'folder' | 'postgres';
  /** For people and logs: the folder, or the database address without its password. */
  readonly label: string;
  /** Where saved indexes go, for messages ("file …", "the database"); null when indexes are not saved. */
  readonly indexLocation: string | null;
  /** The current corpus version. */
  version(): Promise<string>;
  /** Resolves when the store answers now (cheaply, for health checks); throws StoreUnavailableError when not. */
  reachable(): Promise<void>;
  /** Reads every file the loader needs, at one version (the content of `known` files from it). */
  read(known?: KnownFiles): Promise<CorpusSnapshot>;
  /**
   * The saved index for a version and ranking key, or else the latest one saved before it (its
   * header says for which version; the saved changes since then lead to `version`), or null.
   */
  loadIndex(version: string, rankingKey: string): Promise<Buffer | null>;
  /**
   * The saved changes of a ranking key that lead on from version `after`, in the order they were
   * made (one per version, each `from` the previous one's `to`); none when there are none.
   */
  loadIndexChanges(after: string, rankingKey: string): Promise<IndexChangeBlob[]>;
  /** Saves an index for a version and ranking key (a later save for the same pair is kept out). */
  saveIndex(version: string, blob: IndexBlob): Promise<void>;
  /**
   * Runs one change: `mutate`, then `prepare` on the resulting files, then (database) the version
   * bump, what `prepare` returned to save (the whole index, or the saved change) and the
   * notification, all in one transaction. Changes never interleave.
   */
  change<T>(
    mutate: (tx: StoreTransaction) => Promise<T>,
    prepare: PrepareIndex,
    known?: KnownFiles,
  ): Promise<{ result: T; version: string }>;
  /** The removed article files, sorted. */
  removed(): Promise<string[]>;
  /** The latest `count` audit entries, newest first. */
  history(count: number): Promise<AuditEntry[]>;
  /**
   * Calls `listener` whenever another process may have changed the corpus (a notification, or a
   * reconnection after missed ones): the listener compares versions. The folder store never calls it.
   */
  watch(listener: () => void): void;
  /** Closes connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * The store cannot be reached now (the database is down or unreachable). Answers keep coming
 * from the index in memory; the change asked for did not happen and can be tried again.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    cause?: unknown,
    message = 'The corpus store is unavailable, try again in a minute. Answers still come from the current index.',
  ) {
    super(message, { cause });
  }
}

/**
 * Another change held the store's change lock for longer than a change waits for it (a very
 * large rebuild, or a process stuck in the middle of one). Nothing was changed; try again.
 */
export class StoreBusyError extends StoreUnavailableError {
  override name = 'StoreBusyError';
  constructor(cause?: unknown) {
    super(
      cause,
      'Another change to the corpus is still running, try again in a minute. Nothing was changed.',
    );
  }
}
