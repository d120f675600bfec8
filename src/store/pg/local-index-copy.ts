/**
 * A local copy of the saved indexes a PostgreSQL store keeps: reading a saved index of 100,000
 * passages out of the database takes seconds, a file a fraction of that. A copy is named by the
 * database's own identity (a random id made when its schema was created), the version's stamp (the
 * version and the moment of the change that made it) and the ranking configuration, so it can
 * never stand for another database's corpus, nor for a restored database's later change at the
 * same version number; the saved index's own key and checksum are still checked when it is loaded. Copies are best effort: a folder that cannot be written only means
 * reading from the database again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.ts';

/** The local copies of one database's saved indexes, in `dir`. */
export class LocalIndexCopy {
  constructor(
    private readonly dir: string,
    private readonly storeId: string,
  ) {}

  /** The copy of the saved index of this version stamp and ranking, or null when there is none. */
  async read(stamp: string, rankingKey: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(stamp, rankingKey));
    } catch {
      return null;
    }
  }

  /** Keeps a copy (written whole, then renamed) and removes this database's older copies. */
  async write(stamp: string, rankingKey: string, data: Buffer): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const file = this.pathOf(stamp, rankingKey);
      await writeFileAtomic(file, data, { durable: false });
      const keep = path.basename(file);
      for (const name of await readdir(this.dir))
        if (name.startsWith(this.prefix) && name !== keep && name.endsWith('.idx'))
          await rm(path.join(this.dir, name), { force: true });
    } catch {
      // Only slower: the next start reads the database.
    }
  }

  private get prefix(): string {
    return `pg-${this.storeId}-`;
  }

  private pathOf(stamp: string, rankingKey: string): string {
    const ranking = createHash('sha256').update(rankingKey).digest('hex').slice(0, 12);
    return path.join(this.dir, `${this.prefix}v${stamp}-${ranking}.idx`);
  }
}
