/** `corpus import` and `corpus export`: a corpus folder into the database and back, exactly. */

import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import type { FeedsSnapshot } from '../store/feed-store.ts';
import { FolderFeedStore } from '../store/folder-feed-store.ts';
import { PgFeedStore } from '../store/pg/pg-feed-store.ts';
import type { PgStore } from '../store/pg/pg-store.ts';
import { type FolderContents, readFolderContents, writeFolderContents } from '../store/transfer.ts';
import { buildSnapshotIndex, indexBlob } from './open-engine.ts';

/** What an import or export moved. */
export interface TransferReport {
  files: number;
  removed: number;
  auditLines: number;
  events: boolean;
  /** Followed feeds and articles waiting for review carried with the corpus. */
  feeds: number;
  queued: number;
  /** The corpus version in the database after an import, or at the time of an export. */
  version: string;
}

/**
 * Replaces the database's corpus with the folder `dir` (its removed-articles folder and audit log
 * too), in one change: every running process reloads. The index is built and saved with it. The
 * folder's feeds, review queue and "also reported by" then replace the database's.
 */
export async function importFolder(
  store: PgStore,
  dir: string,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
): Promise<TransferReport> {
  const contents = await readFolderContents(dir);
  const feeds = await new FolderFeedStore(dir).snapshot();
  const version = await store.replaceAll(contents, async (snapshot) => ({
    index: indexBlob(buildSnapshotIndex(store, snapshot, config), snapshot.version, config),
  }));
  await new PgFeedStore(store.pool).replaceAll(feeds);
  return reportOf(contents, feeds, version);
}

/** Writes the database's corpus as a folder at `dir` (which must be new or empty), as the folder format holds it. */
export async function exportFolder(store: PgStore, dir: string): Promise<TransferReport> {
  // The contents and their version are read in one transaction, so the report names what was written.
  const { version, ...contents } = await store.readAll();
  const feeds = await new PgFeedStore(store.pool).snapshot();
  await writeFolderContents(dir, contents);
  // A corpus that follows nothing is exported as it was imported: without a feeds.json.
  const any = feeds.feeds.length + feeds.queue.length + feeds.alsoReported.length > 0;
  if (any) await new FolderFeedStore(dir).replaceAll(feeds);
  return reportOf(contents, feeds, version);
}

function reportOf(contents: FolderContents, feeds: FeedsSnapshot, version: string): TransferReport {
  return {
    files: contents.files.length,
    removed: contents.removed.length,
    auditLines: contents.audit.length,
    events: contents.events !== null,
    feeds: feeds.feeds.length,
    queued: feeds.queue.length,
    version,
  };
}
