/**
 * The saved changes of a folder store's saved index: one small file per change in a folder beside
 * the saved index (`index-….changes/`), named after the version it leads to. A folder's versions
 * are content fingerprints, not counters, so the order of changes is the chain of their versions,
 * each file's header saying which version it follows. Best effort, like the saved index: a
 * missing or unreadable file only means the next start builds.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { changeHeader } from '../answer/saved-change.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { IndexChangeBlob } from './types.ts';

const SUFFIX = '.chg';

/** The saved changes kept beside the saved index at `indexPath`. */
export class FolderChanges {
  private readonly dir: string;

  constructor(indexPath: string) {
    this.dir = indexPath.replace(/\.bin$/, '.changes');
  }

  /** Saves one change (written whole, then renamed). */
  async save(blob: IndexChangeBlob): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(blob.to), blob.data, { durable: false });
  }

  /** The chain of saved changes from version `after` on, in order (stops where the chain breaks). */
  async after(after: string, rankingKey: string): Promise<IndexChangeBlob[]> {
    const byFrom = new Map<string, IndexChangeBlob>();
    for (const blob of await this.all(rankingKey)) byFrom.set(blob.from, blob);
    const chain: IndexChangeBlob[] = [];
    const seen = new Set<string>([after]);
    for (let next = byFrom.get(after); next !== undefined; next = byFrom.get(next.to)) {
      chain.push(next);
      if (seen.has(next.to)) break;
      seen.add(next.to);
    }
    return chain;
  }

  /** Removes the saved changes that do not lead on from `version` (a whole index saved for it makes them useless). */
  async keepAfter(version: string, rankingKey: string): Promise<void> {
    const kept = new Set((await this.after(version, rankingKey)).map((b) => b.to));
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names)
      if (name.endsWith(SUFFIX) && ![...kept].some((to) => name === path.basename(this.fileOf(to))))
        await rm(path.join(this.dir, name), { force: true });
  }

  /** Every readable saved change in the folder; the ranking key is checked when one is applied. */
  private async all(rankingKey: string): Promise<IndexChangeBlob[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const blobs: IndexChangeBlob[] = [];
    for (const name of names) {
      if (!name.endsWith(SUFFIX)) continue;
      try {
        const data = await readFile(path.join(this.dir, name));
        const { from, to } = changeHeader(data);
        blobs.push({ rankingKey, from, to, data });
      } catch {
        // Unreadable header: left out, so the chain breaks there and the start builds.
      }
    }
    return blobs;
  }

  private fileOf(version: string): string {
    return path.join(this.dir, `${createHash('sha256').update(version).digest('hex').slice(0, 24)}${SUFFIX}`);
  }
}
