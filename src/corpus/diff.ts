/** Comparing two versions of a corpus: which articles came, changed and went, and whether anything did. */
import type { Article, Corpus } from './types.ts';

/**
 * Does a reader see the same article: metadata and text? Compared field by field (an article
 * parsed again from an unchanged file is often the very same object), not hashed: a change
 * compares every article of the corpus.
 */
export function sameArticle(a: Article, b: Article): boolean {
  return (
    a === b ||
    (a.title === b.title &&
      a.source === b.source &&
      a.date === b.date &&
      a.dateApprox === b.dateApprox &&
      a.url === b.url &&
      a.event === b.event &&
      a.language === b.language &&
      a.text === b.text)
  );
}

/** Do two corpora hold the same articles (file, metadata and text), events and problems? */
export function sameCorpus(a: Corpus, b: Corpus): boolean {
  return (
    a.articles.length === b.articles.length &&
    a.articles.every((x, i) => {
      const y = b.articles[i] as Article;
      return x.id === y.id && x.path === y.path && sameArticle(x, y);
    }) &&
    JSON.stringify([a.events, a.problems]) === JSON.stringify([b.events, b.problems])
  );
}

/** Ids of articles added, changed and removed between two versions of a corpus. */
export function diffArticles(
  before: Article[],
  after: Article[],
): { added: string[]; updated: string[]; removed: string[] } {
  const old = new Map(before.map((a) => [a.id, a]));
  const added: string[] = [];
  const updated: string[] = [];
  for (const a of after) {
    const previous = old.get(a.id);
    if (previous === undefined) added.push(a.id);
    else if (!sameArticle(previous, a)) updated.push(a.id);
    old.delete(a.id);
  }
  return { added, updated, removed: [...old.keys()] };
}
