/** A fingerprint of a corpus folder's content: what a saved index is keyed by. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readWholeFile } from '../fs/read-whole.ts';
import { EVENTS_FILE } from './events.ts';
import { listArticleFiles } from './load.ts';

/**
 * SHA-256 over the relative path and bytes of every file the loader reads (articles and the
 * events file), in a fixed order: equal fingerprints mean the loader would see the same corpus.
 */
export async function fingerprintCorpus(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const rel of [EVENTS_FILE, ...(await listArticleFiles(dir))]) {
    let content: Buffer;
    try {
      content = await readWholeFile(path.join(dir, rel));
    } catch {
      hash.update(`${rel}\u0000missing\u0000`);
      continue;
    }
    hash.update(`${rel}\u0000${content.length}\u0000`);
    hash.update(content);
  }
  return hash.digest('hex');
}
