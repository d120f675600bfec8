/**
 * The database schema, as numbered migrations applied in order at start. All pending migrations
 * run in one transaction under an advisory lock, so processes starting at once do not race: the
 * first applies them, the others wait and then find nothing left to do.
 */
import type pg from 'pg';

/** One schema step. Never edit a released one: add the next number. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Advisory-lock key held while migrating ("cov" "mig"). */
export const MIGRATION_LOCK = 0x636f_766d;

/** The migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'corpus tables',
    sql: `
      -- The corpus version: bumped by every change, announced on the corpus_changed channel.
      CREATE TABLE corpus_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        version bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO corpus_state (id, version) VALUES (1, 0);

      -- Article files as the folder holds them (relative path, exact text), with their parsed metadata.
      CREATE TABLE articles (
        path text PRIMARY KEY,
        content text NOT NULL,
        metadata jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- The removed-articles area: files taken out by moderators, restorable.
      CREATE TABLE removed_articles (
        path text PRIMARY KEY,
        content text NOT NULL,
        metadata jsonb NOT NULL,
        removed_at timestamptz NOT NULL DEFAULT now()
      );

      -- The events file: its exact text, and the events it defines.
      CREATE TABLE events_file (
        id smallint PRIMARY KEY CHECK (id = 1),
        content text NOT NULL,
        events jsonb NOT NULL
      );

      -- The audit log: one row per line, the line kept exactly as the folder's audit.log holds it.
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz,
        user_id text,
        user_name text,
        action text,
        file text,
        detail text,
        line text NOT NULL
      );

      -- Built indexes, keyed by corpus version and ranking configuration.
      CREATE TABLE saved_indexes (
        corpus_version bigint NOT NULL,
        ranking_key text NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (corpus_version, ranking_key)
      );
    `,
  },
  {
    version: 2,
    name: 'saved indexes stored uncompressed',
    sql: `
      -- A saved index is mostly packed numbers: compressing it saves little and costs server time
      -- on every save and load of a blob of tens of megabytes.
      ALTER TABLE saved_indexes ALTER COLUMN data SET STORAGE EXTERNAL;
    `,
  },
  {
    version: 3,
    name: 'saved indexes in parts',
    sql: `
      -- A bytea value holds at most 1 GB, and a saved index of a million passages comes close:
      -- saved indexes are stored in numbered parts instead (a dropped one is simply rebuilt).
      DROP TABLE saved_indexes;
      CREATE TABLE saved_index_parts (
        corpus_version bigint NOT NULL,
        ranking_key text NOT NULL,
        part integer NOT NULL,
        parts integer NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (corpus_version, ranking_key, part)
      );
      ALTER TABLE saved_index_parts ALTER COLUMN data SET STORAGE EXTERNAL;
    `,
  },
  {
    version: 4,
    name: 'store identity',
    sql: `
      -- A random id of this database's corpus, made once: local copies of its saved indexes are
      -- named by it, so that a copy never stands for another database at the same version.
      ALTER TABLE corpus_state ADD COLUMN store_id text NOT NULL
        DEFAULT md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text);
    `,
  },
  {
    version: 5,
    name: 'member data',
    sql: `
      -- Each server's settings, set by its moderators with /settings.
      CREATE TABLE server_settings (
        guild_id text PRIMARY KEY,
        settings jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- One vote per member and answer (a new vote replaces it); the member only as a salted hash.
      CREATE TABLE feedback_votes (
        answer_id text NOT NULL,
        voter text NOT NULL,
        at timestamptz NOT NULL,
        vote text NOT NULL CHECK (vote IN ('up', 'down')),
        record jsonb NOT NULL,
        PRIMARY KEY (answer_id, voter)
      );
      CREATE INDEX feedback_votes_at ON feedback_votes (at);

      -- Questions asked, without who asked them (none when QUESTION_LOG=off).
      CREATE TABLE question_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX question_log_at ON question_log (at);

      -- The secret mixed into voter hashes, made once.
      ALTER TABLE corpus_state ADD COLUMN member_salt text NOT NULL
        DEFAULT md5(random()::text || clock_timestamp()::text) || md5(random()::text || pg_backend_pid()::text);
    `,
  },
  {
    version: 6,
    name: 'feeds, review queue, also reported by',
    sql: `
      -- Followed feeds: what to poll, when next, the validators for a 304, the items seen, the
      -- lease (one process polls a feed at a time) and the feed's health.
      CREATE TABLE feeds (
        url text PRIMARY KEY,
        event text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('review', 'auto')),
        interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
        paused boolean NOT NULL DEFAULT false,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        etag text,
        last_modified text,
        seen jsonb NOT NULL DEFAULT '[]',
        next_fetch_at timestamptz NOT NULL DEFAULT now(),
        lease_holder text,
        lease_until timestamptz
      );

      -- Each feed's health, one row per feed, written by the poller that holds the lease.
      CREATE TABLE feed_health (
        url text PRIMARY KEY REFERENCES feeds (url) ON DELETE CASCADE,
        last_fetch_at timestamptz,
        last_new_item_at timestamptz,
        last_error text,
        consecutive_errors integer NOT NULL DEFAULT 0,
        items_added integer NOT NULL DEFAULT 0
      );

      -- Articles feeds brought that wait for a moderator's Approve or Reject, oldest first.
      CREATE TABLE review_queue (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        feed_url text NOT NULL,
        item_url text NOT NULL UNIQUE,
        queued_at timestamptz NOT NULL DEFAULT now(),
        draft jsonb NOT NULL
      );

      -- Other outlets' copies of an article already in: "also reported by".
      CREATE TABLE also_reported (
        seq bigserial PRIMARY KEY,
        article text NOT NULL,
        url text NOT NULL,
        title text,
        source text,
        date text,
        feed_url text,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article, url)
      );
    `,
  },
  {
    version: 7,
    name: 'saved index changes',
    sql: `
      -- What each change did to the index (its added articles, what it kept), saved in the
      -- change's own transaction: a process loads the last whole index and the changes since.
      CREATE TABLE saved_index_changes (
        from_version bigint NOT NULL,
        to_version bigint NOT NULL,
        ranking_key text NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (to_version, ranking_key)
      );

      -- Each article file's checksum, kept with it: a reader is sent only the files it lacks
      -- without the database hashing every file at every change.
      ALTER TABLE articles ADD COLUMN content_md5 text GENERATED ALWAYS AS (md5(content)) STORED;
    `,
  },
  {
    version: 8,
    name: 'feed refusals, feeds that move, the daily digest lease',
    sql: `
      -- Items refused one by one, and the last one's address and reason.
      ALTER TABLE feed_health
        ADD COLUMN items_refused integer NOT NULL DEFAULT 0,
        ADD COLUMN last_refusal text;

      -- A feed that moved for good is followed at its new address, its health row with it.
      ALTER TABLE feed_health DROP CONSTRAINT feed_health_url_fkey;
      ALTER TABLE feed_health ADD CONSTRAINT feed_health_url_fkey
        FOREIGN KEY (url) REFERENCES feeds (url) ON DELETE CASCADE ON UPDATE CASCADE;

      -- The daily digest: when it was last sent, and which process holds the lease to send it.
      CREATE TABLE feed_digest (
        id integer PRIMARY KEY CHECK (id = 1),
        last_sent_at timestamptz,
        lease_holder text,
        lease_until timestamptz
      );
      INSERT INTO feed_digest (id) VALUES (1);
    `,
  },
  {
    version: 9,
    name: 'article paths changed by version',
    sql: `
      -- The article paths each change wrote, removed or restored, under the version it made: a
      -- process holding the files of one version reads only those changed since, not every file.
      CREATE TABLE file_changes (
        version bigint NOT NULL,
        path text NOT NULL,
        PRIMARY KEY (version, path)
      );

      -- Every change to an article file after this version is in file_changes; before it, a
      -- reader lists every file. Older rows are pruned and this moves up with them.
      ALTER TABLE corpus_state ADD COLUMN file_changes_from bigint;
      UPDATE corpus_state SET file_changes_from = version;
    `,
  },
];

/** Applies the pending migrations; resolves with the versions applied now (none when up to date). */
export async function migrate(
  client: pg.ClientBase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
