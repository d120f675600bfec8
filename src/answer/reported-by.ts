/** Naming, beside an excerpt, the other outlets that reported its article (copies a feed found). */
import type { Article } from '../corpus/types.ts';
import type { Answer, Excerpt } from './types.ts';

/** Who reported an article's copy: the article's file and the copy's outlet (as the feed store keeps it). */
export interface CopyOutlet {
  article: string;
  source: string | null;
}

/** The outlets of `copies` by the docId of the article each copies (`articles` map files to ids). */
export function outletsByDocId(
  copies: readonly CopyOutlet[],
  articles: readonly Pick<Article, 'id' | 'path'>[],
): (docId: string) => readonly string[] {
  const wanted = new Set(copies.map((c) => c.article));
  const idOf = new Map(articles.filter((a) => wanted.has(a.path)).map((a) => [a.path, a.id]));
  const outlets = new Map<string, string[]>();
  for (const copy of copies) {
    const id = idOf.get(copy.article);
    if (id === undefined || copy.source === null) continue;
    outlets.set(id, [...(outlets.get(id) ?? []), copy.source]);
  }
  return (docId) => outlets.get(docId) ?? [];
}

/**
 * The answer with each excerpt's `reportedBy`: the outlets `outletsOf` names for its article and
 * its copies (by docId), each once (case aside), leaving out the outlets the excerpt names already.
 * An excerpt with none is left as it was.
 */
export function withReportedBy(answer: Answer, outletsOf: (docId: string) => readonly string[]): Answer {
  return { ...answer, results: answer.results.map((excerpt) => withOutlets(excerpt, outletsOf)) };
}

function withOutlets(excerpt: Excerpt, outletsOf: (docId: string) => readonly string[]): Excerpt {
  const key = (name: string) => name.trim().toLowerCase();
  const named = new Set(
    [excerpt.source, ...excerpt.alsoIn.map((c) => c.source)].flatMap((s) => (s === null ? [] : [key(s)])),
  );
  const outlets: string[] = [];
  for (const docId of [excerpt.docId, ...excerpt.alsoIn.map((c) => c.docId)])
    for (const outlet of outletsOf(docId)) {
      if (outlet.trim() === '' || named.has(key(outlet))) continue;
      named.add(key(outlet));
      outlets.push(outlet.trim());
    }
  return outlets.length === 0 ? excerpt : { ...excerpt, reportedBy: outlets };
}
