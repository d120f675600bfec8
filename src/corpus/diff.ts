/** Comparing two versions of a corpus: which articles came, changed and went, and whether anything did. */
import { createHash } from 'node:crypto';
import type { Article, Corpus } from './types.ts';

/** A hash of what a reader sees of an article: its metadata and text. */
function fingerprint(a: Article): string {
  return createHash('sha256')
    .update(JSON.stringify([a.title, a.source, a.date, a.dateApprox, a.url, a.event, a.language, a.text]))
    .digest('hex');
}

/** Do two corpora hold the same articles (file, metadata and text), events and problems? */
export function sameCorpus(a: Corpus, b: Corpus): boolean {
  const key = (c: Corpus) =>
    JSON.stringify([c.articles.map((x) => [x.id, x.path, fingerprint(x)]), c.events, c.problems]);
  return a.articles.length === b.articles.length && key(a) === key(b);
}

/** Ids of articles added, changed and removed between two versions of a corpus. */
export function diffArticles(
  before: Article[],
  after: Article[],
): { added: string[]; updated: string[]; removed: string[] } {
  const old = new Map(before.map((a) => [a.id, fingerprint(a)]));
  const added: string[] = [];
  const updated: string[] = [];
  for (const a of after) {
    const previous = old.get(a.id);
    if (previous === undefined) added.push(a.id);
    else if (previous !== fingerprint(a)) updated.push(a.id);
    old.delete(a.id);
  }
  return { added, updated, removed: [...old.keys()] };
}
