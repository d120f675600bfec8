/** Exact filters by event, source and date range, as a per-passage allow-list for the ranker. */
import { foldName } from '../corpus/names.ts';
import type { Article } from '../corpus/types.ts';
import type { Filters } from './types.ts';

/** True when no filter is set. */
export function isEmptyFilter(filters: Filters): boolean {
  return !filters.event && !filters.source && !filters.since && !filters.until;
}

/**
 * True when the article's outlet matches the requested one: the same name ignoring case and
 * punctuation, or the requested name as whole words of it ("NDTV" matches "NDTV (AFP copy)").
 */
export function sourceMatches(articleSource: string | null, wanted: string): boolean {
  if (articleSource === null) return false;
  const have = ` ${foldName(articleSource)} `;
  const want = foldName(wanted);
  return want !== '' && have.includes(` ${want} `);
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
