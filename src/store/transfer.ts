/**
 * The whole of a corpus folder as data — served files, events file, removed-articles folder and
 * audit log — read from disk and written back. `corpus import` and `corpus export` move it
 * between a folder and the database, so nothing is ever locked in.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EVENTS_FILE } from '../corpus/events.ts';
import { readCorpusFolder } from '../corpus/load.ts';
import type { StoredFile } from '../corpus/types.ts';
import { AUDIT_FILE } from './audit-log.ts';
import { listRemovedFiles, removedDir } from './folder-store.ts';

/** Everything a corpus folder holds that the bot reads or writes. */
export interface FolderContents {
  /** The events file's exact text, or null when there is none. */
  events: string | null;
  /** Article files (.md, .txt, .jsonl), sorted by path. */
  files: StoredFile[];
  /** Files in the removed-articles folder, sorted by path. */
  removed: StoredFile[];
  /** The audit log's lines, oldest first (each written with a newline after it). */
  audit: string[];
}

/** A folder could not be exported into. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** Reads a corpus folder, its removed-articles folder and its audit log. Throws when a file cannot be read. */
export async function readFolderContents(dir: string): Promise<FolderContents> {
  const snapshot = await readCorpusFolder(dir);
  const first = snapshot.problems[0];
  if (first !== undefined) throw new Error(`${first.path} ${first.message}`);
  const removed: StoredFile[] = [];
  for (const rel of await listRemovedFiles(dir))
    removed.push({ path: rel, content: await readFile(path.join(removedDir(dir), rel), 'utf8') });
  let audit: string[] = [];
  try {
    const text = await readFile(path.join(dir, AUDIT_FILE), 'utf8');
    audit = text.split('\n');
    if (audit.at(-1) === '') audit.pop();
  } catch {
    // No audit log yet.
  }
  return { events: snapshot.events, files: snapshot.files, removed, audit };
}

/**
 * Writes contents as a corpus folder at `dir` (with `<dir>-removed` beside it when anything was
 * removed). Refuses a folder that exists and is not empty, so an export never mixes corpora.
 */
export async function writeFolderContents(dir: string, contents: FolderContents): Promise<void> {
  for (const target of [dir, removedDir(dir)]) {
    const entries = await readdir(target).catch(() => []);
    if (entries.length > 0)
      throw new ExportError(`${target} exists and is not empty; export into a new or empty folder`);
  }
  await mkdir(dir, { recursive: true });
  const put = async (base: string, file: StoredFile) => {
    if (file.path.startsWith('/') || file.path.split('/').some((part) => part === '' || part === '..'))
      throw new ExportError(
        `refusing to write ${JSON.stringify(file.path)}: not a path inside the corpus folder`,
      );
    const full = path.join(base, ...file.path.split('/'));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.content, 'utf8');
  };
  if (contents.events !== null) await put(dir, { path: EVENTS_FILE, content: contents.events });
  for (const file of contents.files) await put(dir, file);
  for (const file of contents.removed) await put(removedDir(dir), file);
  if (contents.audit.length > 0)
    await put(dir, { path: AUDIT_FILE, content: contents.audit.map((l) => `${l}\n`).join('') });
}
