/** A fingerprint of a corpus folder's content: what a saved index is keyed by. */
import { createHash } from 'node:crypto';

/**
 * SHA-256 over the relative path and bytes of every file the loader reads (articles and the
 * events file: `[relative path, bytes or null when missing]`), in the loader's order: equal
 * fingerprints mean the loader would see the same corpus.
 */
export function fingerprintFiles(files: Array<[string, Buffer | null]>): string {
  const hash = createHash('sha256');
  for (const [rel, content] of files) {
    if (content === null) {
      hash.update(`${rel}\u0000missing\u0000`);
      continue;
    }
    hash.update(`${rel}\u0000${content.length}\u0000`);
    hash.update(content);
  }
  return hash.digest('hex');
}
