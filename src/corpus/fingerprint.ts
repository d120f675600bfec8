/** A fingerprint of a corpus folder's content: what a saved index is keyed by. */
import { createHash } from 'node:crypto';

/** What the fingerprint knows of one file: its length and the MD5 (hex) of its bytes. */
export interface FileDigest {
  size: number;
  md5: string;
}

/** The digest of a file's bytes. */
export function digestOf(bytes: Buffer): FileDigest {
  return { size: bytes.length, md5: createHash('md5').update(bytes).digest('hex') };
}

/**
 * SHA-256 over the relative path and digest of every file the loader reads (articles and the
 * events file: `[relative path, digest or null when missing]`), in the loader's order: equal
 * fingerprints mean the loader would see the same corpus. Made from digests, so a reader that
 * kept the digests of unchanged files (see store/folder-manifest.ts) need not read them again.
 */
export function fingerprintDigests(files: Array<[string, FileDigest | null]>): string {
  const hash = createHash('sha256');
  for (const [rel, digest] of files)
    hash.update(
      digest === null ? `${rel}\u0000missing\u0000` : `${rel}\u0000${digest.size}\u0000${digest.md5}\u0000`,
    );
  return hash.digest('hex');
}

/** The fingerprint of files given by their bytes (see `fingerprintDigests`). */
export function fingerprintFiles(files: Array<[string, Buffer | null]>): string {
  return fingerprintDigests(files.map(([rel, bytes]) => [rel, bytes === null ? null : digestOf(bytes)]));
}
