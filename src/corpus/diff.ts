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
  // Articles parsed once and kept (see ParsedFiles) are the same objects: skip the runs they make.
  const { start, beforeEnd, afterEnd } = sameEnds(before, after);
  const old = new Map(before.slice(start, beforeEnd).map((a) => [a.id, a]));
  const added: string[] = [];
  const updated: string[] = [];
  for (let i = start; i < afterEnd; i++) {
    const a = after[i] as Article;
    const previous = old.get(a.id);
    if (previous === undefined) added.push(a.id);
    else if (!sameArticle(previous, a)) updated.push(a.id);
    old.delete(a.id);
  }
  return { added, updated, removed: [...old.keys()] };
}

/** Two article lists differ only in before[start, beforeEnd) and after[start, afterEnd). */
export interface ArticleEnds {
  start: number;
  beforeEnd: number;
  afterEnd: number;
}

/**
 * The run of the very same article objects both lists open with, and the one they end with: the
 * lists differ only in before[start, beforeEnd) and after[start, afterEnd). An object is in a
 * corpus once, so one in either run is at the same place in both lists. Found once per pair of
 * lists and then known: article lists are never written once made.
 */
export function sameEnds(before: readonly Article[], after: readonly Article[]): ArticleEnds {
  // A change asks in each of its steps; a corpus's article list is never written once made.
  const known = lastEnds.get(after);
  if (known?.before === before && known.beforeLength === before.length && known.afterLength === after.length)
    return known.ends;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > start && afterEnd > start && before[beforeEnd - 1] === after[afterEnd - 1]) {
    beforeEnd--;
    afterEnd--;
  }
  const ends = Object.freeze({ start, beforeEnd, afterEnd });
  lastEnds.set(after, { before, beforeLength: before.length, afterLength: after.length, ends });
  return ends;
}

/** The ends last found for an article list, with the list they were found against and both lengths. */
const lastEnds = new WeakMap<
  readonly Article[],
  { before: readonly Article[]; beforeLength: number; afterLength: number; ends: ArticleEnds }
>();
