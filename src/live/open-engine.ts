/**
 * Opening a corpus's index: load the saved one when it matches the corpus version and the ranking
 * configuration — or the last whole index saved and the saved changes since, which lead to that
 * version — otherwise build it from the store's files and save it for next time.
 */
import { AnswerEngine, buildIndex } from '../answer/engine.ts';
import { updateEngine } from '../answer/engine-update.ts';
import { applyCorpusChange, deserialiseChange } from '../answer/saved-change.ts';
import {
  deserialiseIndex,
  indexKey,
  rankingKey,
  SavedIndexError,
  savedIndexVersion,
  serialiseIndex,
} from '../answer/saved-index.ts';
import { corpusFromSnapshot } from '../corpus/load.ts';
import type { Corpus, CorpusSnapshot } from '../corpus/types.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from '../search/ranking-config.ts';
import { FolderStore, savedIndexPath } from '../store/folder-store.ts';
import type { CorpusStore, IndexBlob } from '../store/types.ts';
import type { PhaseTimer } from '../util/phase-timer.ts';

export { savedIndexPath };

/** Where and how to open an index. */
export interface OpenIndexOptions {
  /** Folder for saved indexes (folder store only); null never saves nor loads one. */
  cacheDir?: string | null;
  config?: RankingConfig;
  /** Read who said what too (see AnswerEngine.readStatements), saving it with the index. */
  statements?: boolean;
}

/** An opened index, and how it was obtained. */
export interface OpenedIndex {
  index: AnswerEngine;
  /** The corpus version it serves (folder: the content fingerprint; database: the version counter). */
  version: string;
  /**
   * "saved" when loaded from the saved index, "built" when built from the files, "updated" when
   * made from the index served before and the articles a change added or rewrote.
   */
  from: 'saved' | 'built' | 'updated';
  /** Something the operator should know (a corrupt saved index, a failed save), or null. */
  warning: string | null;
  ms: number;
}

/**
 * Opens the index of `corpusDir`. A saved index is served only when its key (corpus fingerprint
 * and ranking configuration) matches and its checksum holds; otherwise the index is built, and
 * saved under the fingerprint of exactly the files it was built from.
 */
export function openAnswerEngine(corpusDir: string, options: OpenIndexOptions = {}): Promise<OpenedIndex> {
  return openStoreIndex(
    new FolderStore(corpusDir, options.cacheDir ?? null),
    options.config,
    undefined,
    options.statements ?? false,
  );
}

/** Builds the index of a snapshot; its corpus is named after the store. */
export function buildSnapshotIndex(
  store: CorpusStore,
  snapshot: CorpusSnapshot,
  config: RankingConfig,
): AnswerEngine {
  return buildIndex(corpusFromSnapshot(store.label, snapshot), config);
}

/** The saved form of an index built from `version`, ready for `CorpusStore.saveIndex`. */
export function indexBlob(index: AnswerEngine, version: string, config: RankingConfig): IndexBlob {
  return {
    rankingKey: rankingKey(config),
    data: serialiseIndex(index.parts(), indexKey(version, config), version),
  };
}

/**
 * The corpus of version `to`, from `corpus` (that of version `from`) and the saved changes the
 * store holds between them (each step lapped on `timer`); null when they do not lead from one to the other. Throws
 * SavedIndexError when one of them is corrupt or was saved for another configuration.
 */
export async function corpusAfterChanges(
  store: CorpusStore,
  corpus: Corpus,
  from: string,
  to: string,
  config: RankingConfig,
  timer?: PhaseTimer,
): Promise<Corpus | null> {
  if (from === to) return corpus;
  let at = from;
  let result = corpus;
  const blobs = await store.loadIndexChanges(from, rankingKey(config));
  timer?.lap('saved changes read');
  for (const blob of blobs) {
    if (blob.from !== at) return null;
    const change = deserialiseChange(blob.data, blob.from, blob.to, config);
    timer?.lap('saved change decoded');
    result = applyCorpusChange(result, change);
    timer?.lap('saved change applied');
    at = blob.to;
    if (at === to) return result;
  }
  return null;
}

/**
 * Opens the index of a store's current version: its saved index when one matches (key and
 * checksum), otherwise a build from the store's files, which is then saved. A caller that has just
 * asked the store for its version passes it as `knownVersion` (a folder reads every file for it).
 * With `statements`, who said what is read too when the saved index lacks it, and saved again.
 */
export async function openStoreIndex(
  store: CorpusStore,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
  knownVersion?: string,
  statements = false,
): Promise<OpenedIndex> {
  const opened = await openOrBuild(store, config, knownVersion);
  if (!statements || opened.index.statementsRead) return opened;
  // Read once, then saved with the index, so later processes load them.
  const started = performance.now();
  await opened.index.readStatements();
  let { warning } = opened;
  if (store.indexLocation !== null) {
    try {
      await store.saveIndex(opened.version, indexBlob(opened.index, opened.version, config));
    } catch (error) {
      warning = `could not save the index to ${store.indexLocation}: ${(error as Error).message}`;
    }
  }
  return { ...opened, warning, ms: opened.ms + performance.now() - started };
}

async function openOrBuild(
  store: CorpusStore,
  config: RankingConfig,
  knownVersion: string | undefined,
): Promise<OpenedIndex> {
  const started = performance.now();
  let warning: string | null = null;
  if (store.indexLocation !== null) {
    const version = knownVersion ?? (await store.version());
    try {
      const saved = await store.loadIndex(version, rankingKey(config));
      if (saved !== null) {
        // The whole index of an earlier version, when the saved changes since lead to this one.
        const savedVersion = savedIndexVersion(saved) ?? version;
        const parts = deserialiseIndex(saved, indexKey(savedVersion, config));
        let index = new AnswerEngine({ ...parts, corpus: { ...parts.corpus, label: store.label } });
        if (savedVersion !== version) {
          const corpus = await corpusAfterChanges(store, index.corpus, savedVersion, version, config);
          if (corpus === null) throw new SavedIndexError('it was saved for another corpus version');
          index = updateEngine(index, corpus);
        }
        return { index, version, from: 'saved', warning: null, ms: performance.now() - started };
      }
    } catch (error) {
      if (!(error instanceof SavedIndexError)) throw error;
      // A key mismatch is the normal case after a change; anything else is worth a word.
      if (!/another corpus|another ranking/.test(error.message))
        warning = `saved index ${store.indexLocation} not used: ${error.message}; rebuilt`;
    }
  }
  const snapshot = await store.read();
  const index = buildSnapshotIndex(store, snapshot, config);
  if (store.indexLocation !== null) {
    try {
      await store.saveIndex(snapshot.version, indexBlob(index, snapshot.version, config));
    } catch (error) {
      warning = `could not save the index to ${store.indexLocation}: ${(error as Error).message}`;
    }
  }
  return { index, version: snapshot.version, from: 'built', warning, ms: performance.now() - started };
}
