/** Writes that never leave a half-written file: write beside, flush, rename over, flush the folder. */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A temporary dot-file beside `file`, unique to this process and call (the corpus loader ignores dot-files). */
function tempBeside(file: string): string {
  const unique = `${process.pid}.${randomBytes(6).toString('hex')}`;
  return path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
}

/** Flushes a directory's entries (a rename or a new file in it) to disk. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` to `file` atomically: a crash leaves either the old file (or none) or the new
 * one, never a part. Durable by default: once this resolves the new one survives a power cut;
 * `durable: false` skips the flushes, for caches that can be rebuilt. The temporary file is a
 * dot-file, which the corpus loader ignores.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  options: { durable?: boolean } = {},
): Promise<void> {
  const durable = options.durable ?? true;
  const tmp = tempBeside(file);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(content);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  if (durable) await syncDir(path.dirname(file));
}

/**
 * Writes `content` to `file` whole or not at all, synchronously and without flushing to disk: for
 * caches that can be rebuilt, written by code that cannot wait (two processes writing the same
 * file leave one whole copy).
 */
export function writeFileAtomicSync(file: string, content: string | Uint8Array): void {
  const tmp = tempBeside(file);
  writeFileSync(tmp, content);
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
