/** Choosing the corpus store from the settings: the folder by default, PostgreSQL with DATABASE_URL. */
import type { CorpusSettings } from '../config.ts';
import type { FeedStore } from './feed-store.ts';
import { FolderFeedStore } from './folder-feed-store.ts';
import { FolderMemberData } from './folder-member-data.ts';
import { FolderStore } from './folder-store.ts';
import type { MemberData } from './member-data.ts';
import { PgFeedStore } from './pg/pg-feed-store.ts';
import { PgMemberData } from './pg/pg-member-data.ts';
import { PgStore, type PgStoreOptions } from './pg/pg-store.ts';
import { type CorpusStore, StoreUnavailableError } from './types.ts';

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

/** Longest pause between two attempts to reach the database at start. */
const RETRY_MAX_MS = 10_000;

/**
 * Opens the store as `openCorpusStore` does, but while the database cannot be reached
 * (StoreUnavailableError: down, not started yet) tries again, after 1 s, then doubling up to 10 s,
 * for up to `waitMs` in all, telling `onRetry` before each pause. Other errors (a wrong password,
 * no such database) and the last failure are thrown.
 */
export async function openCorpusStoreWaiting(
  settings: Pick<CorpusSettings, 'corpusDir' | 'indexCacheDir' | 'databaseUrl'>,
  options: PgStoreOptions,
  wait: { waitMs: number; onRetry: (error: StoreUnavailableError, delayMs: number) => void },
): Promise<CorpusStore> {
  const deadline = Date.now() + wait.waitMs;
  for (let delay = 1000; ; delay = Math.min(2 * delay, RETRY_MAX_MS)) {
    try {
      return await openCorpusStore(settings, options);
    } catch (error) {
      const pause = Math.min(delay, deadline - Date.now());
      if (!(error instanceof StoreUnavailableError) || pause <= 0) throw error;
      wait.onRetry(error, pause);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
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

/** The member data kept beside a corpus store: in its folder, or in its database. */
export function memberDataOf(store: CorpusStore): MemberData {
  if (store instanceof PgStore) return new PgMemberData(store.pool);
  if (store instanceof FolderStore) return new FolderMemberData(store.dir);
  throw new Error(`memberDataOf: no member data for a ${store.kind} store of this kind`);
}

/** The feeds, review queue and "also reported by" kept beside a corpus store: in its folder, or in its database. */
export function feedStoreOf(store: CorpusStore): FeedStore {
  if (store instanceof PgStore) return new PgFeedStore(store.pool);
  if (store instanceof FolderStore) return new FolderFeedStore(store.dir);
  throw new Error(`feedStoreOf: no feed store for a ${store.kind} store of this kind`);
}
