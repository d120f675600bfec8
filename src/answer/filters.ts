/** Exact filters by event, source and date range, as a per-passage allow-list for the ranker. */
import { foldName } from '../corpus/names.ts';
import type { Article } from '../corpus/types.ts';
import { BoundedMemo } from '../util/bounded-memo.ts';
import type { Filters } from './types.ts';

/** True when no filter is set. */
export function isEmptyFilter(filters: Filters): boolean {
  return !filters.event && !filters.source && !filters.since && !filters.until;
}

/** Outlet names folded so far: a corpus names few outlets, each on many articles. */
const folded = new BoundedMemo<string, string>(10_000);

/** `foldName`, remembered per name. */
function foldedName(name: string): string {
  return folded.get(name, foldName);
}

/**
 * True when the article's outlet matches the requested one: the same name ignoring case and
 * punctuation, or the requested name as whole words of it ("NDTV" matches "NDTV (AFP copy)").
 */
export function sourceMatches(articleSource: string | null, wanted: string): boolean {
  if (articleSource === null) return false;
  const want = foldedName(wanted);
  return want !== '' && ` ${foldedName(articleSource)} `.includes(` ${want} `);
}

/** True when the article lies inside every filter that is set. */
export function articleMatches(article: Article, filters: Filters): boolean {
  if (filters.event && article.event !== filters.event) return false;
  if (filters.source && !sourceMatches(article.source, filters.source)) return false;
  if (filters.since && (article.date === null || article.date < filters.since)) return false;
  if (filters.until && (article.date === null || article.date > filters.until)) return false;
  return true;
}

/**
 * A flag per passage (1 = allowed) for the filters, or null when no filter is set. `articleOf[p]`
 * is the article index of passage p.
 */
export function passageMask(articles: Article[], articleOf: Int32Array, filters: Filters): Uint8Array | null {
  if (isEmptyFilter(filters)) return null;
  const allowedArticles = articles.map((a) => articleMatches(a, filters));
  const mask = new Uint8Array(articleOf.length);
  for (let p = 0; p < articleOf.length; p++) mask[p] = allowedArticles[articleOf[p] ?? 0] ? 1 : 0;
  return mask;
}

/** Masks kept per index: members ask again and again under the same few filters. */
const KEPT_MASKS = 8;

/**
 * `passageMask` for one immutable corpus, remembering the last few masks by filter, so a filtered
 * question costs the corpus-sized pass only the first time its filters are asked. A returned mask
 * is shared: callers read it and never write to it.
 */
export class PassageMasks {
  private readonly kept = new Map<string, Uint8Array>();

  constructor(
    private readonly articles: Article[],
    private readonly articleOf: Int32Array,
  ) {}

  /**
   * Keeps the masks `other` made, for an index of the very same article objects, passages and
   * article numbers (another events file): a mask reads nothing else.
   */
  keepFrom(other: PassageMasks): void {
    for (const [key, mask] of other.kept) if (!this.kept.has(key)) this.kept.set(key, mask);
  }

  /** The mask of `filters` (see `passageMask`). */
  mask(filters: Filters): Uint8Array | null {
    if (isEmptyFilter(filters)) return null;
    const key = JSON.stringify([filters.event, filters.source, filters.since, filters.until]);
    let mask = this.kept.get(key);
    if (mask === undefined) {
      mask = passageMask(this.articles, this.articleOf, filters) as Uint8Array;
      if (this.kept.size >= KEPT_MASKS) this.kept.delete(this.kept.keys().next().value as string);
    } else this.kept.delete(key);
    this.kept.set(key, mask);
    return mask;
  }
}
