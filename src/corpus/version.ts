/** A short identifier of the corpus a process serves, to compare processes (shards) at a glance. */
import { createHash } from 'node:crypto';
import type { Corpus } from './types.ts';

/** Hex digits kept: 12 (48 bits) tell corpora apart with no realistic chance of a collision. */
export const CORPUS_VERSION_LENGTH = 12;

const versions = new WeakMap<Corpus, string>();

/**
 * SHA-256 of the articles and events served (not the folder they were read from), cut to
 * {@link CORPUS_VERSION_LENGTH} hex digits. Two processes serving the same corpus have the same
 * version; any change to an article or an event gives another. Computed once per corpus object.
 */
export function corpusVersion(corpus: Corpus): string {
  let version = versions.get(corpus);
  if (version === undefined) {
    version = createHash('sha256')
      .update(JSON.stringify([corpus.articles, corpus.events]))
      .digest('hex')
      .slice(0, CORPUS_VERSION_LENGTH);
    versions.set(corpus, version);
  }
  return version;
}
