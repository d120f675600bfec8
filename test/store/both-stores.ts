/**
 * What a test file running the same cases on a corpus folder and on PostgreSQL stands on: a copy
 * of the built-in corpus folder and a fresh database opened as a PgStore.
 */
import { afterAll, beforeAll } from 'vitest';
import { PgStore } from '../../src/store/pg/pg-store.ts';
import { copyOfCorpus } from '../core/helpers.ts';
import { startTestPostgres, type TestPostgres } from './pg-server.ts';

/** The folder and the PostgreSQL store of one test file (read them inside its tests). */
export interface BothStores {
  /** The copy of the built-in corpus folder. */
  readonly folder: string;
  readonly pg: PgStore;
}

/**
 * Registers, in the calling test file, a copy of the built-in corpus folder and a PostgreSQL
 * database `name` opened as a PgStore: made before the file's tests, removed after them.
 */
export function bothStores(name: string): BothStores {
  let server: TestPostgres | undefined;
  let pg: PgStore | undefined;
  let folder: { dir: string; remove: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startTestPostgres();
    pg = await PgStore.open(await server.createDatabase(name));
    folder = await copyOfCorpus();
  }, 60_000);
  afterAll(async () => {
    await pg?.close();
    await server?.destroy();
    await folder?.remove();
  });
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('bothStores: read inside a test, after beforeAll');
    return value;
  };
  return {
    get folder() {
      return made(folder).dir;
    },
    get pg() {
      return made(pg);
    },
  };
}
