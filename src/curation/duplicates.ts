/** Whether an article is already in the corpus: the same URL, or near-identical text. */
import { isSameCopy, shingles } from '../answer/syndication.ts';
import type { Article } from '../corpus/types.ts';

/** Share of the new text's shingles found in an existing article above which it is a duplicate. */
const DUPLICATE_CONTAINMENT = 0.8;

function normaliseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
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
