/**
 * A saved change: what one change did to the corpus an index serves, small enough to save with
 * the change itself. It holds the articles the change added or rewrote (the source of its new
 * segment), which of the articles before it are kept and where (the others are the deletion
 * set), and the events and problems after it. Applied to the corpus of its `from` version it
 * gives that of its `to` version, whose index `updateEngine` makes by indexing only the articles
 * it holds. Like a saved index it is keyed (versions, ranking configuration) and checksummed: a
 * change saved for another version or corrupted on disk is refused, never applied.
 */
import { createHash } from 'node:crypto';
import { sameArticle, sameEnds } from '../corpus/diff.ts';
import type { Article, Corpus, CorpusProblem, CoverageEvent } from '../corpus/types.ts';
import { INDEX_FORMAT_VERSION, type RankingConfig } from '../search/ranking-config.ts';
import { joinRuns, type ListRun } from '../util/join-lists.ts';
import { SavedIndexError } from './saved-index.ts';

const MAGIC = 'COVCHG01';

/** What a change did to a corpus, from the articles of one version to those of the next. */
export interface CorpusChange {
  /**
   * The articles after the change, as runs of pairs [start, count]: start >= 0 keeps `count`
   * articles of the version before from `start` on; start < 0 takes `count` of `articles` from
   * index -1 - start on. Articles of the version before that no run keeps are deleted.
   */
  runs: number[];
  /** The articles the change added, rewrote or gave other metadata, in corpus order. */
  articles: Article[];
  events: CoverageEvent[];
  problems: CorpusProblem[];
}

/** A saved change as a store keeps it: the versions it goes between, in clear, and its bytes. */
export interface ChangeHeader {
  key: string;
  from: string;
  to: string;
  payloadBytes: number;
  sha256: string;
}

/** The key a saved change from `from` to `to` must carry to be applied under this configuration. */
export function changeKey(from: string, to: string, config: RankingConfig): string {
  return createHash('sha256')
    .update(JSON.stringify({ from, to, config, format: INDEX_FORMAT_VERSION }))
    .digest('hex');
}

/** The change that turns the articles `before` into `after`'s (articles compared field by field). */
export function corpusChange(before: readonly Article[], after: Corpus): CorpusChange {
  const next = after.articles;
  const ends = sameEnds(before, next);
  const oldIndexOf = new Map<string, number>();
  for (let o = ends.start; o < ends.beforeEnd; o++) oldIndexOf.set((before[o] as Article).id, o);
  const shift = ends.beforeEnd - ends.afterEnd;
  const runs: number[] = [];
  const articles: Article[] = [];
  const extend = (start: number) => {
    const last = runs.length - 2;
    const lastStart = runs[last] as number;
    const lastCount = runs[last + 1] as number;
    const continues =
      last >= 0 && (start >= 0 ? lastStart >= 0 && lastStart + lastCount === start : lastStart < 0);
    if (continues) runs[last + 1] = lastCount + 1;
    else runs.push(start, 1);
  };
  // The very same articles at both ends are one run each; only the middle is looked at.
  if (ends.start > 0) runs.push(0, ends.start);
  for (let a = ends.start; a < ends.afterEnd; a++) {
    const article = next[a] as Article;
    const o = oldIndexOf.get(article.id);
    const was = o === undefined ? undefined : before[o];
    if (o !== undefined && was !== undefined && sameArticleAt(was, article)) extend(o);
    else {
      extend(-1 - articles.length);
      articles.push(article);
    }
  }
  if (ends.afterEnd < next.length) {
    const start = ends.afterEnd + shift;
    const count = next.length - ends.afterEnd;
    const last = runs.length - 2;
    if (
      last >= 0 &&
      (runs[last] as number) >= 0 &&
      (runs[last] as number) + (runs[last + 1] as number) === start
    )
      runs[last + 1] = (runs[last + 1] as number) + count;
    else runs.push(start, count);
  }
  return { runs, articles, events: after.events, problems: after.problems };
}

/**
 * The corpus after `change`, from `before` (the corpus of the change's `from` version): kept
 * articles are the very objects of `before`. Throws SavedIndexError when the change does not fit it.
 */
export function applyCorpusChange(before: Corpus, change: CorpusChange): Corpus {
  const { runs } = change;
  if (runs.length % 2 !== 0) throw new SavedIndexError('its article runs are malformed');
  // Each run copied straight into the new list: a run of a million kept articles is one pass.
  const slices: ListRun<Article>[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i] as number;
    const count = runs[i + 1] as number;
    const from = start >= 0 ? before.articles : change.articles;
    const at = start >= 0 ? start : -1 - start;
    if (!Number.isInteger(count) || !Number.isInteger(at) || count < 1 || at + count > from.length)
      throw new SavedIndexError('its article runs do not fit the corpus it was saved after');
    slices.push({ list: from, from: at, to: at + count });
  }
  return {
    label: before.label,
    articles: joinRuns(slices),
    events: change.events,
    problems: change.problems,
  };
}

/** Serialises a change from version `from` to `to`: MAGIC, header length, JSON header, JSON payload. */
export function serialiseChange(
  change: CorpusChange,
  from: string,
  to: string,
  config: RankingConfig,
): Buffer {
  const payload = Buffer.from(JSON.stringify(change));
  const header: ChangeHeader = {
    key: changeKey(from, to, config),
    from,
    to,
    payloadBytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(MAGIC.length + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  return Buffer.concat([prefix, headerBytes, payload]);
}

/** The header of a saved change (its versions), or throws SavedIndexError when it has none readable. */
export function changeHeader(buffer: Buffer): ChangeHeader {
  if (buffer.length < MAGIC.length + 4 || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new SavedIndexError('not a saved change (wrong magic number)');
  const length = buffer.readUInt32LE(MAGIC.length);
  try {
    const header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length));
    if (typeof header?.from !== 'string' || typeof header?.to !== 'string') throw new Error('no versions');
    return header as ChangeHeader;
  } catch {
    throw new SavedIndexError('the header of a saved change is unreadable (truncated or corrupt)');
  }
}

/**
 * Reads a change written by `serialiseChange`. Throws SavedIndexError when it was saved for other
 * versions or another configuration, is truncated, or fails its checksum.
 */
export function deserialiseChange(
  buffer: Buffer,
  from: string,
  to: string,
  config: RankingConfig,
): CorpusChange {
  const header = changeHeader(buffer);
  if (header.key !== changeKey(from, to, config))
    throw new SavedIndexError(`a saved change was saved for other versions or another ranking configuration`);
  const start = MAGIC.length + 4 + buffer.readUInt32LE(MAGIC.length);
  const payload = buffer.subarray(start);
  if (payload.length !== header.payloadBytes)
    throw new SavedIndexError(`the saved change to version ${to} is truncated or padded`);
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256)
    throw new SavedIndexError(`the saved change to version ${to} fails its checksum (corrupt)`);
  try {
    return JSON.parse(payload.toString('utf8')) as CorpusChange;
  } catch {
    throw new SavedIndexError(`the saved change to version ${to} is unreadable`);
  }
}

/** The same article in the same file: what a reader sees, and its id and path. */
function sameArticleAt(a: Article, b: Article): boolean {
  return a === b || (a.id === b.id && a.path === b.path && sameArticle(a, b));
}
