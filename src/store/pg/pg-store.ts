/**
 * The PostgreSQL store: the corpus shared by many bot processes. Every change is one transaction
 * under an advisory lock that applies the edit, bumps the corpus version, saves what the change
 * did to the index (see answer/saved-change.ts) and notifies every process (LISTEN/NOTIFY). A process that lost its connection
 * reconnects with backoff and catches up by comparing versions.
 */
import pg from 'pg';
import { EVENTS_FILE, parseEvents } from '../../corpus/events.ts';
import { parseArticleFile } from '../../corpus/load.ts';
import type { CorpusSnapshot, StoredFile } from '../../corpus/types.ts';
import { type AuditEntry, auditLine, parseAuditLines } from '../audit-log.ts';
import type { FolderContents } from '../transfer.ts';
import type {
  CorpusStore,
  IndexBlob,
  IndexChangeBlob,
  KnownFiles,
  PrepareIndex,
  StoreTransaction,
} from '../types.ts';
import { StoreBusyError } from '../types.ts';
import { isConnectionError, redactDatabaseUrl, unavailableOr } from './errors.ts';
import { CHANGE_CHANNEL, ChangeListener, RECONNECT_MAX_MS } from './listener.ts';
import { LocalIndexCopy } from './local-index-copy.ts';
import { migrate } from './migrations.ts';

/** The corpus version, as text. */
const VERSION_QUERY = 'SELECT version::text AS version FROM corpus_state WHERE id = 1';

/** SQLSTATE of a lock wait that ran past lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

/** Advisory-lock key every change holds until it commits ("cov" "chg"). */
export const CHANGE_LOCK = 0x636f_7663;

/** Saved indexes of this many latest versions are kept; older ones are deleted by the next change. */
export const SAVED_INDEX_VERSIONS_KEPT = 3;

/**
 * Every process also compares versions this often (default), a safety net for a notification
 * lost while its catch-up failed for another reason than the connection.
 */
export const VERSION_CHECK_MS = 30_000;

/**
 * How long a change waits for the one before it (default) before giving up with StoreBusyError:
 * above the longest index build inside a change (about 140 s at a million passages).
 */
export const LOCK_WAIT_MS = 5 * 60_000;

/**
 * Versions whose changed article paths are kept (file_changes): a process whose files are older
 * lists every file once, as before.
 */
export const FILE_CHANGES_KEPT = 1000;

/** A saved index is stored in parts of at most this many bytes (default; a bytea holds at most 1 GB). */
export const INDEX_PART_BYTES = 64 * 1024 * 1024;

/**
 * A connection left idle inside a transaction this long (a process stuck mid-change) is ended by
 * the server, which releases its lock. Above the longest index build inside a change.
 */
export const STUCK_TRANSACTION_MS = 15 * 60_000;

/** How long to wait for a connection before telling a moderator the store is unavailable. */
export const CONNECT_TIMEOUT_MS = 3000;

/** Options of a PostgreSQL store. */
export interface PgStoreOptions {
  /** The longest wait between reconnection attempts (default RECONNECT_MAX_MS, 5 s). */
  reconnectMaxMs?: number;
  /** How often to compare versions besides notifications (default VERSION_CHECK_MS, 30 s). */
  versionCheckMs?: number;
  /** How long a change waits for the change lock (default LOCK_WAIT_MS, 5 minutes). */
  lockWaitMs?: number;
  /** The largest part a saved index is stored in (default INDEX_PART_BYTES, 64 MiB). */
  indexPartBytes?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Told when the notification connection is lost or back, for the log. */
  onConnection?: (state: 'lost' | 'reconnected', error?: unknown) => void;
  /** Folder for local copies of the saved indexes (see local-index-copy.ts); none when absent or null. */
  indexCacheDir?: string | null;
}

type Queryable = pg.PoolClient | pg.Pool;

/** The corpus in a PostgreSQL database. Open with `PgStore.open`. */
export class PgStore implements CorpusStore {
  readonly kind = 'postgres';
  readonly indexLocation = 'the database';
  readonly label: string;
  private readonly listeners: Array<() => void> = [];
  private listener: ChangeListener | null = null;
  private versionCheck: NodeJS.Timeout | null = null;
  private localCopy: LocalIndexCopy | null = null;

  private constructor(
    /** The connection pool, shared with the member data kept in the same database. */
    readonly pool: pg.Pool,
    url: string,
    private readonly lockWaitMs: number,
    private readonly indexPartBytes: number,
  ) {
    this.label = redactDatabaseUrl(url);
  }

  /**
   * Connects, applies pending migrations and starts listening for changes. Throws
   * StoreUnavailableError when the database cannot be reached.
   */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const config: pg.ClientConfig = {
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'coverage-bot',
    };
    const pool = new pg.Pool({
      ...config,
      max: options.poolSize ?? 4,
      idleTimeoutMillis: 10_000,
      idle_in_transaction_session_timeout: STUCK_TRANSACTION_MS,
    });
    // An idle connection dropped by the server must not crash the process.
    pool.on('error', () => undefined);
    const store = new PgStore(
      pool,
      url,
      options.lockWaitMs ?? LOCK_WAIT_MS,
      options.indexPartBytes ?? INDEX_PART_BYTES,
    );
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
        if (options.indexCacheDir != null) {
          const { rows } = await client.query('SELECT store_id FROM corpus_state WHERE id = 1');
          store.localCopy = new LocalIndexCopy(options.indexCacheDir, String(rows[0]?.store_id));
        }
      } finally {
        client.release();
      }
      store.listener = new ChangeListener(
        config,
        {
          notified: () => store.emit(),
          reconnected: () => {
            options.onConnection?.('reconnected');
            store.emit();
          },
          lost: (error) => options.onConnection?.('lost', error),
        },
        options.reconnectMaxMs ?? RECONNECT_MAX_MS,
      );
      await store.listener.start();
      store.versionCheck = setInterval(() => store.emit(), options.versionCheckMs ?? VERSION_CHECK_MS);
      store.versionCheck.unref();
    } catch (error) {
      await store.close();
      unavailableOr(error);
    }
    return store;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  async version(): Promise<string> {
    return versionOf(await this.query(this.pool, VERSION_QUERY));
  }

  /** One round trip to the database. */
  async reachable(): Promise<void> {
    await this.query(this.pool, 'SELECT 1');
  }

  read(known?: KnownFiles): Promise<CorpusSnapshot> {
    return this.readOnly((client) => readSnapshot(client, known));
  }

  /**
   * The saved index of `version`, or else the latest one saved before it: its local copy when
   * there is one (current version only), otherwise its parts in the database joined (and copied
   * locally); null when there is none or a part is missing.
   */
  async loadIndex(version: string, rankingKey: string): Promise<Buffer | null> {
    const stamp = await this.stampOf(version);
    const copy = stamp === null ? null : await this.localCopy?.read(stamp, rankingKey);
    if (copy != null) return copy;
    const { rows } = await this.query(this.pool, {
      text: `SELECT corpus_version::text AS version, part, parts, data FROM saved_index_parts
             WHERE ranking_key = $2 AND corpus_version = (
               SELECT max(corpus_version) FROM saved_index_parts
               WHERE ranking_key = $2 AND corpus_version <= $1 AND part = 0)
             ORDER BY part`,
      values: [version, rankingKey],
    });
    const complete = rows.length > 0 && rows.every((r, i) => r.part === i && r.parts === rows.length);
    if (!complete) return null;
    const data = Buffer.concat(rows.map((r) => r.data as Buffer));
    if (stamp !== null && rows[0]?.version === version) await this.localCopy?.write(stamp, rankingKey, data);
    return data;
  }

  /** The saved changes after version `after`, oldest first (each written by its change's transaction). */
  async loadIndexChanges(after: string, rankingKey: string): Promise<IndexChangeBlob[]> {
    const { rows } = await this.query(this.pool, {
      text: `SELECT from_version::text AS "from", to_version::text AS "to", data FROM saved_index_changes
             WHERE ranking_key = $2 AND to_version > $1 ORDER BY to_version`,
      values: [after, rankingKey],
    });
    return rows.map((r) => ({
      rankingKey,
      from: r.from as string,
      to: r.to as string,
      data: r.data as Buffer,
    }));
  }

  /** Saves an index unless one is saved for the same version and ranking already (and copies it locally). */
  async saveIndex(version: string, blob: IndexBlob): Promise<void> {
    await this.inTransaction('BEGIN', (client) => this.insertIndex(client, version, blob));
    const stamp = await this.stampOf(version);
    if (stamp !== null) await this.localCopy?.write(stamp, blob.rankingKey, blob.data);
  }

  /**
   * What names a local copy of a version's saved index: the version and the moment of the change
   * that made it (a database restored to an earlier version and changed again gets new stamps).
   * Null when local copies are off or the version is no longer the current one.
   */
  private async stampOf(version: string): Promise<string | null> {
    if (this.localCopy === null) return null;
    const { rows } = await this.query(this.pool, {
      text: `SELECT (extract(epoch FROM changed_at) * 1000000)::bigint::text AS at
             FROM corpus_state WHERE id = 1 AND version = $1`,
      values: [version],
    });
    return rows.length === 0 ? null : `${version}-${rows[0]?.at}`;
  }

  private async insertIndex(client: pg.PoolClient, version: string, blob: IndexBlob): Promise<void> {
    // Two processes saving the same version at once: the second waits here, then finds it saved.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      Number(version) | 0,
      blob.rankingKey,
    ]);
    const saved = await client.query(
      'SELECT 1 FROM saved_index_parts WHERE corpus_version = $1 AND ranking_key = $2 LIMIT 1',
      [version, blob.rankingKey],
    );
    if (saved.rowCount !== 0) return;
    // Indexes of versions long past are not loaded again, nor the changes that led to them.
    await client.query('DELETE FROM saved_index_parts WHERE corpus_version <= $1::bigint - $2', [
      version,
      SAVED_INDEX_VERSIONS_KEPT,
    ]);
    await client.query('DELETE FROM saved_index_changes WHERE to_version <= $1::bigint - $2', [
      version,
      SAVED_INDEX_VERSIONS_KEPT,
    ]);
    const parts = Math.max(1, Math.ceil(blob.data.length / this.indexPartBytes));
    for (let part = 0; part < parts; part++) {
      await client.query(
        `INSERT INTO saved_index_parts (corpus_version, ranking_key, part, parts, data)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          version,
          blob.rankingKey,
          part,
          parts,
          blob.data.subarray(part * this.indexPartBytes, (part + 1) * this.indexPartBytes),
        ],
      );
    }
  }

  change<T>(
    mutate: (tx: StoreTransaction) => Promise<T>,
    prepare: PrepareIndex,
    known?: KnownFiles,
  ): Promise<{ result: T; version: string }> {
    return this.transact((client, touched) => mutate(transaction(client, touched)), prepare, known);
  }

  /**
   * Replaces the whole corpus (served files, events, removed files, audit log) with `contents`, as
   * one change: `corpus import`.
   */
  async replaceAll(contents: FolderContents, prepare: PrepareIndex): Promise<string> {
    const { version } = await this.transact(
      async (client) => {
        await client.query('TRUNCATE articles, removed_articles, events_file, audit_log, file_changes');
        const tx = transaction(client, null);
        if (contents.events !== null) await tx.write(EVENTS_FILE, contents.events);
        for (const file of contents.files) await tx.write(file.path, file.content);
        for (const file of contents.removed)
          await client.query('INSERT INTO removed_articles (path, content, metadata) VALUES ($1, $2, $3)', [
            file.path,
            file.content,
            metadataOf(file),
          ]);
        for (const line of contents.audit) await insertAuditLine(client, line);
      },
      prepare,
      undefined,
      { replacesAll: true },
    );
    return version;
  }

  /** Everything the store holds, as a corpus folder would, and its version: `corpus export`. */
  readAll(): Promise<FolderContents & { version: string }> {
    return this.readOnly(async (client) => {
      const snapshot = await readSnapshot(client);
      const removed = await client.query('SELECT path, content FROM removed_articles');
      const audit = await client.query('SELECT line FROM audit_log ORDER BY seq');
      return {
        version: snapshot.version,
        events: snapshot.events,
        files: snapshot.files.map(({ path, content }) => ({ path, content })),
        removed: sortFiles(removed.rows as StoredFile[]),
        audit: audit.rows.map((r) => r.line as string),
      };
    });
  }

  async removed(): Promise<string[]> {
    const { rows } = await this.query(
      this.pool,
      "SELECT path FROM removed_articles WHERE path ~ '\\.(md|txt)$'",
    );
    return rows.map((r) => r.path as string).sort();
  }

  async history(count: number): Promise<AuditEntry[]> {
    const { rows } = await this.query(this.pool, {
      text: 'SELECT line FROM audit_log ORDER BY seq DESC LIMIT $1',
      values: [count * 2],
    });
    return parseAuditLines(
      rows.map((r) => r.line as string),
      count,
    );
  }

  watch(listener: () => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.listeners.length = 0;
    if (this.versionCheck !== null) clearInterval(this.versionCheck);
    await this.listener?.stop();
    await this.pool.end().catch(() => undefined);
  }

  private async query(on: Queryable, query: string | pg.QueryConfig): Promise<pg.QueryResult> {
    try {
      return await on.query(query);
    } catch (error) {
      return unavailableOr(error);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      return unavailableOr(error);
    }
  }

  /** Runs `work` in a read-only transaction that sees one version throughout. */
  private readOnly<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
  }

  /**
   * One change: lock, edit, bump the version, save the index or the saved change, notify, commit;
   * any failure rolls all back.
   */
  private transact<T>(
    edit: (client: pg.PoolClient, touched: Set<string> | null) => Promise<T>,
    prepare: PrepareIndex,
    known?: KnownFiles,
    options: { replacesAll?: boolean } = {},
  ): Promise<{ result: T; version: string }> {
    return this.inTransaction('BEGIN', async (client) => {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.lockWaitMs))}`);
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
      } catch (error) {
        if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new StoreBusyError(error);
        throw error;
      }
      await client.query('SET LOCAL lock_timeout = 0');
      // The article paths the edit touches; none kept for an import, which replaces every file.
      const touched = options.replacesAll ? null : new Set<string>();
      const result = await edit(client, touched);
      const bumped = await client.query(
        `UPDATE corpus_state SET version = version + 1, changed_at = now() WHERE id = 1
         RETURNING version::text AS version, (version - 1)::text AS before`,
      );
      const version = bumped.rows[0]?.version as string;
      const before = bumped.rows[0]?.before as string;
      await recordFileChanges(client, version, touched);
      const prepared = await prepare({ ...(await readSnapshot(client, known)), version }, before);
      if (prepared !== null && 'index' in prepared) await this.insertIndex(client, version, prepared.index);
      if (prepared !== null && 'change' in prepared) await insertChange(client, prepared.change);
      await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, version]);
      return { result, version };
    });
  }

  /**
   * Runs `work` on one pooled connection between `begin` and COMMIT; rolls back on any failure,
   * drops a connection that broke, and turns connection failures into StoreUnavailableError.
   */
  private async inTransaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    // A server that drops the connection mid-transaction fails the query below; the client's
    // 'error' event, unheard, would end the process (a background index save can be under way).
    const heard = () => undefined;
    client.on('error', heard);
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isConnectionError(error);
      await client.query('ROLLBACK').catch(() => undefined);
      return unavailableOr(error);
    } finally {
      client.off('error', heard);
      client.release(broken);
    }
  }
}

/** Saves one change's saved change, in its transaction (a later one for the same version replaces it). */
async function insertChange(client: pg.PoolClient, blob: IndexChangeBlob): Promise<void> {
  await client.query(
    `INSERT INTO saved_index_changes (from_version, to_version, ranking_key, data) VALUES ($1, $2, $3, $4)
     ON CONFLICT (to_version, ranking_key) DO UPDATE SET from_version = EXCLUDED.from_version, data = EXCLUDED.data`,
    [blob.from, blob.to, blob.rankingKey, blob.data],
  );
}

/**
 * Records the article paths a change touched (null: every file, an import) under its version, in
 * its transaction, and prunes those of versions FILE_CHANGES_KEPT before it.
 */
async function recordFileChanges(
  client: pg.PoolClient,
  version: string,
  touched: ReadonlySet<string> | null,
): Promise<void> {
  if (touched === null) {
    // The table was emptied with the files: readers of earlier versions list every file.
    await client.query('UPDATE corpus_state SET file_changes_from = $1 WHERE id = 1', [version]);
    return;
  }
  if (touched.size > 0)
    await client.query(
      'INSERT INTO file_changes (version, path) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [version, [...touched]],
    );
  await client.query('DELETE FROM file_changes WHERE version <= $1::bigint - $2', [
    version,
    FILE_CHANGES_KEPT,
  ]);
  await client.query(
    'UPDATE corpus_state SET file_changes_from = GREATEST(file_changes_from, $1::bigint - $2) WHERE id = 1',
    [version, FILE_CHANGES_KEPT],
  );
}

function versionOf(result: pg.QueryResult): string {
  return String(result.rows[0]?.version ?? '0');
}

function sortFiles(files: StoredFile[]): StoredFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The metadata kept beside an article file: its articles without their text. */
function metadataOf(file: StoredFile): string {
  const { articles } = parseArticleFile(file.path, file.content);
  return JSON.stringify(articles.map(({ text: _text, ...meta }) => meta));
}

async function insertAuditLine(client: pg.PoolClient, line: string): Promise<void> {
  let entry: Partial<AuditEntry> = {};
  try {
    entry = JSON.parse(line) as AuditEntry;
  } catch {
    // Kept as it is: a line cut by a crash still exports exactly.
  }
  const at = typeof entry.at === 'string' && !Number.isNaN(Date.parse(entry.at)) ? entry.at : null;
  await client.query(
    'INSERT INTO audit_log (at, user_id, user_name, action, file, detail, line) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      at,
      entry.userId ?? null,
      entry.userName ?? null,
      entry.action ?? null,
      entry.file ?? null,
      entry.detail ?? null,
      line,
    ],
  );
}

/** The files as this client sees them now (inside its transaction). */
async function readSnapshot(client: pg.PoolClient, known?: KnownFiles): Promise<CorpusSnapshot> {
  const version = versionOf(await client.query(VERSION_QUERY));
  const events = await client.query('SELECT content FROM events_file WHERE id = 1');
  const held = known?.held?.() ?? null;
  const files = (held === null ? null : await filesSince(client, held)) ?? (await allFiles(client, known));
  return {
    version,
    events: (events.rows[0]?.content as string | undefined) ?? null,
    files,
    problems: [],
  };
}

/**
 * Every file, sorted: with `known`, the checksums listed first and only the files it does not
 * hold sent.
 */
async function allFiles(client: pg.PoolClient, known?: KnownFiles): Promise<StoredFile[]> {
  if (known === undefined)
    return sortFiles(
      (await client.query('SELECT path, content, content_md5 AS md5 FROM articles')).rows as StoredFile[],
    );
  const listed = await client.query('SELECT path, content_md5 AS md5 FROM articles');
  const files: StoredFile[] = [];
  const missing: string[] = [];
  for (const { path, md5 } of listed.rows as Array<{ path: string; md5: string }>) {
    const content = known.contentOf(path, md5);
    if (content === null) missing.push(path);
    else files.push({ path, content, md5 });
  }
  if (missing.length > 0) files.push(...(await filesAt(client, missing)));
  return sortFiles(files);
}

/**
 * Every file, sorted, from the files `held` for an earlier version and the rows of the paths
 * changed since (file_changes); null when the changes since that version are not all recorded.
 */
async function filesSince(
  client: pg.PoolClient,
  held: { version: string; files: StoredFile[] },
): Promise<StoredFile[] | null> {
  const recorded = await client.query(
    'SELECT $1::bigint >= file_changes_from AND $1::bigint <= version AS covered FROM corpus_state WHERE id = 1',
    [held.version],
  );
  if (recorded.rows[0]?.covered !== true) return null;
  const { rows } = await client.query('SELECT DISTINCT path FROM file_changes WHERE version > $1', [
    held.version,
  ]);
  const changed = new Set(rows.map((r) => r.path as string));
  if (changed.size === 0) return held.files;
  const sent = sortFiles(await filesAt(client, [...changed]));
  // Both lists are sorted: merged in one pass, the held copy of a changed path left out.
  const files: StoredFile[] = [];
  let s = 0;
  for (const file of held.files) {
    if (changed.has(file.path)) continue;
    while (s < sent.length && (sent[s] as StoredFile).path < file.path) files.push(sent[s++] as StoredFile);
    files.push(file);
  }
  while (s < sent.length) files.push(sent[s++] as StoredFile);
  return files;
}

/** The article files at these paths (those that exist). */
async function filesAt(client: pg.PoolClient, paths: string[]): Promise<StoredFile[]> {
  const { rows } = await client.query(
    'SELECT path, content, content_md5 AS md5 FROM articles WHERE path = ANY($1)',
    [paths],
  );
  return rows as StoredFile[];
}

/**
 * The store's edits, made on one client inside its transaction; the article paths they write,
 * remove or restore are added to `touched` (when given).
 */
function transaction(client: pg.PoolClient, touched: Set<string> | null): StoreTransaction {
  const move = async (from: string, to: string, path: string) => {
    touched?.add(path);
    const moved = await client.query(
      `WITH gone AS (DELETE FROM ${from} WHERE path = $1 RETURNING path, content, metadata)
       INSERT INTO ${to} (path, content, metadata) SELECT path, content, metadata FROM gone
       ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content, metadata = EXCLUDED.metadata
       RETURNING path`,
      [path],
    );
    if (moved.rowCount === 0) throw new Error(`PgStore: there is no file ${path} to move`);
  };
  return {
    list: async (area) => {
      const { rows } = await client.query(
        `SELECT path FROM ${area === 'corpus' ? 'articles' : 'removed_articles'}`,
      );
      return rows.map((r) => r.path as string).sort();
    },
    read: async (path) => {
      const { rows } =
        path === EVENTS_FILE
          ? await client.query('SELECT content FROM events_file WHERE id = 1')
          : await client.query('SELECT content FROM articles WHERE path = $1', [path]);
      return (rows[0]?.content as string | undefined) ?? null;
    },
    write: async (path, content) => {
      if (path === EVENTS_FILE) {
        await client.query(
          `INSERT INTO events_file (id, content, events) VALUES (1, $1, $2)
           ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, events = EXCLUDED.events`,
          [content, JSON.stringify(parseEvents(content).events)],
        );
        return;
      }
      touched?.add(path);
      await client.query(
        `INSERT INTO articles (path, content, metadata) VALUES ($1, $2, $3)
         ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content, metadata = EXCLUDED.metadata, updated_at = now()`,
        [path, content, metadataOf({ path, content })],
      );
    },
    remove: (path) => move('articles', 'removed_articles', path),
    restore: (path) => move('removed_articles', 'articles', path),
    audit: (entry) => insertAuditLine(client, auditLine(entry)),
  };
}
