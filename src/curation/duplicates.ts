/** Whether an article is already in the corpus: the same URL, or near-identical text. */
import { isSameCopy, shingles } from '../answer/syndication.ts';
import type { Article } from '../corpus/types.ts';
import { addressKey } from '../corpus/urls.ts';

/** Share of the new text's shingles found in an existing article above which it is a duplicate. */
const DUPLICATE_CONTAINMENT = 0.8;

/** Two addresses of one page compare equal: tracking parameters, fragment and trailing slash aside. */
function normaliseUrl(url: string): string {
  return addressKey(url);
}

/** The existing article the draft duplicates, and why, or null. */
export function findDuplicate(
  articles: Article[],
  draft: { url: string | null; text: string },
): { article: Article; reason: string } | null {
  if (draft.url) {
    const wanted = normaliseUrl(draft.url);
    const same = articles.find((a) => a.url !== null && normaliseUrl(a.url) === wanted);
    if (same) return { article: same, reason: 'the same URL' };
  }
  const mine = shingles(draft.text);
  for (const article of articles) {
    const theirs = shingles(article.text);
    if (
      isSameCopy(mine, theirs, DUPLICATE_CONTAINMENT) &&
      Math.min(mine.size, theirs.size) / Math.max(mine.size, theirs.size) > 0.5
    ) {
      return { article, reason: 'near-identical text' };
    }
  }
  return null;
}

/**
 * `findDuplicate` over a growing list, each article's shingles computed once: for checking many
 * drafts (a bulk import) against the corpus and each other.
 */
export class DuplicateIndex {
  private readonly entries: { article: Article; url: string | null; shingles: Set<string> }[] = [];

  constructor(articles: Article[] = []) {
    for (const article of articles) this.add(article);
  }

  /** Counts `article` as in the corpus from now on. */
  add(article: Article): void {
    this.entries.push({
      article,
      url: article.url === null ? null : normaliseUrl(article.url),
      shingles: shingles(article.text),
    });
  }

  /** Whether an article with the address `url` is in (no fetch needed to know). */
  hasUrl(url: string): Article | null {
    const wanted = normaliseUrl(url);
    return this.entries.find((e) => e.url === wanted)?.article ?? null;
  }

  /** The article the draft duplicates, and why, as `findDuplicate` says; or null. */
  find(draft: { url: string | null; text: string }): { article: Article; reason: string } | null {
    if (draft.url) {
      const same = this.hasUrl(draft.url);
      if (same) return { article: same, reason: 'the same URL' };
    }
    const mine = shingles(draft.text);
    for (const { article, shingles: theirs } of this.entries) {
      if (
        isSameCopy(mine, theirs, DUPLICATE_CONTAINMENT) &&
        Math.min(mine.size, theirs.size) / Math.max(mine.size, theirs.size) > 0.5
      )
        return { article, reason: 'near-identical text' };
    }
    return null;
  }
}
