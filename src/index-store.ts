/**
 * Opening a corpus folder's index: load the saved one when it matches the folder and the ranking
 * configuration, otherwise build it and save it for next time.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildIndex, CoverageIndex } from './answer/coverage-index.ts';
import { fingerprintCorpus } from './corpus/fingerprint.ts';
import { loadCorpus } from './corpus/load.ts';
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from './search/ranking-config.ts';
import { indexKey, readSavedIndex, SavedIndexError, writeSavedIndex } from './search/saved-index.ts';

/** Where and how to open an index. */
export interface OpenIndexOptions {
  /** Folder for saved indexes; null never saves nor loads one. */
  cacheDir?: string | null;
  config?: RankingConfig;
}

/** An opened index, and how it was obtained. */
export interface OpenedIndex {
  index: CoverageIndex;
  /** "saved" when loaded from the saved index, "built" when built from the files. */
  from: 'saved' | 'built';
  /** Something the operator should know (a corrupt saved index, a failed save), or null. */
  warning: string | null;
  ms: number;
}

/** The saved-index file for a corpus folder inside a cache folder. */
export function savedIndexPath(cacheDir: string, corpusDir: string): string {
  const id = createHash('sha256').update(path.resolve(corpusDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `index-${id}.bin`);
}

/**
 * Opens the index of `corpusDir`. A saved index is served only when its key (corpus fingerprint
 * and ranking configuration) matches and its checksum holds; otherwise the index is built, and
 * saved when the folder did not change while it was being read.
 */
export async function openCoverageIndex(
  corpusDir: string,
  options: OpenIndexOptions = {},
): Promise<OpenedIndex> {
  const started = performance.now();
  const config = options.config ?? DEFAULT_RANKING_CONFIG;
  const cacheDir = options.cacheDir ?? null;
  let warning: string | null = null;
  const fingerprint = await fingerprintCorpus(corpusDir);
  const key = indexKey(fingerprint, config);
  const file = cacheDir === null ? null : savedIndexPath(cacheDir, corpusDir);
  if (file !== null) {
    try {
      const parts = await readSavedIndex(file, key);
      if (parts !== null) {
        const index = new CoverageIndex({ ...parts, corpus: { ...parts.corpus, dir: corpusDir } });
        return { index, from: 'saved', warning: null, ms: performance.now() - started };
      }
    } catch (error) {
      if (!(error instanceof SavedIndexError)) throw error;
      // A key mismatch is the normal case after a change; anything else is worth a word.
      if (!/another corpus/.test(error.message))
        warning = `saved index ${file} not used: ${error.message}; rebuilt`;
    }
  }
  const index = buildIndex(await loadCorpus(corpusDir), config);
  if (file !== null && (await fingerprintCorpus(corpusDir)) === fingerprint) {
    try {
      await writeSavedIndex(file, index.parts(), key);
    } catch (error) {
      warning = `could not save the index to ${file}: ${(error as Error).message}`;
    }
  }
  return { index, from: 'built', warning, ms: performance.now() - started };
}
