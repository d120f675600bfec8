/** Choosing the corpus store from the settings: the folder by default, PostgreSQL with DATABASE_URL. */
import type { CorpusSettings } from '../config.ts';
import { FolderStore } from './folder-store.ts';
import { PgStore, type PgStoreOptions } from './pg/pg-store.ts';
import type { CorpusStore } from './types.ts';

/**
 * Opens the store the settings name: PostgreSQL (migrated, listening, with local copies of its
 * saved indexes in the index cache folder) when `databaseUrl` is set, otherwise the corpus folder
 * with its saved-index cache.
 */
export function openCorpusStore(
  settings: Pick<CorpusSettings, 'corpusDir' | 'indexCacheDir' | 'databaseUrl'>,
  options: PgStoreOptions = {},
): Promise<CorpusStore> {
  if (settings.databaseUrl !== undefined)
    return PgStore.open(settings.databaseUrl, { indexCacheDir: settings.indexCacheDir, ...options });
  return Promise.resolve(new FolderStore(settings.corpusDir, settings.indexCacheDir));
}

/** The secrets a database address holds (the address itself, its password as written and decoded), for log redaction. */
export function databaseSecrets(url: string | undefined): string[] {
  if (url === undefined) return [];
  try {
    const raw = new URL(url).password;
    return [...new Set([url, raw, decodeURIComponent(raw)])].filter((s) => s !== '');
  } catch {
    return [url];
  }
}
