/** Whether an article is already in the corpus: the same URL, or near-identical text. */
import { isSameCopy, MIN_SHINGLES, shingles } from '../answer/syndication.ts';
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
 * `findDuplicate` over a growing list, each article's shingles computed once and indexed, so a
 * draft is compared only with the articles that share a shingle with it: for checking many
 * drafts (a bulk import) against the corpus and each other. Answers as `findDuplicate` does.
 */
export class DuplicateIndex {
  private readonly entries: { article: Article; size: number }[] = [];
  private readonly byUrl = new Map<string, Article>();
  /** Each shingle's articles, by their place in `entries`, in the order they were added (most have one). */
  private readonly postings = new Map<string, number | number[]>();

  constructor(articles: Article[] = []) {
    for (const article of articles) this.add(article);
  }

  /** Counts `article` as in the corpus from now on. */
  add(article: Article): void {
    const index = this.entries.length;
    const own = shingles(article.text);
    this.entries.push({ article, size: own.size });
    if (article.url !== null) {
      const url = normaliseUrl(article.url);
      if (!this.byUrl.has(url)) this.byUrl.set(url, article);
    }
    for (const s of own) {
      const list = this.postings.get(s);
      if (list === undefined) this.postings.set(s, index);
      else if (typeof list === 'number') this.postings.set(s, [list, index]);
      else list.push(index);
    }
  }

  /** Whether an article with the address `url` is in (no fetch needed to know). */
  hasUrl(url: string): Article | null {
    return this.byUrl.get(normaliseUrl(url)) ?? null;
  }

  /** The article the draft duplicates, and why, as `findDuplicate` says; or null. */
  find(draft: { url: string | null; text: string }): { article: Article; reason: string } | null {
    if (draft.url) {
      const same = this.hasUrl(draft.url);
      if (same) return { article: same, reason: 'the same URL' };
    }
    const mine = shingles(draft.text);
    const shared = new Map<number, number>();
    const count = (index: number) => shared.set(index, (shared.get(index) ?? 0) + 1);
    for (const s of mine) {
      const list = this.postings.get(s);
      if (typeof list === 'number') count(list);
      else if (list !== undefined) for (const index of list) count(index);
    }
    // The earliest article added that is a copy, as the scan in order finds it.
    let first: number | null = null;
    for (const [index, count] of shared) {
      if (first !== null && index >= first) continue;
      const theirs = (this.entries[index] as { size: number }).size;
      const small = Math.min(mine.size, theirs);
      if (
        small >= MIN_SHINGLES &&
        count / small >= DUPLICATE_CONTAINMENT &&
        small / Math.max(mine.size, theirs) > 0.5
      )
        first = index;
    }
    if (first === null) return null;
    return { article: (this.entries[first] as { article: Article }).article, reason: 'near-identical text' };
  }
}
