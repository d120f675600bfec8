/**
 * How clean the stored text of saved web pages is: each page read as a page added by URL is
 * (reader-view extraction, then cleaning), its paragraphs compared with the text a reader would
 * keep (the `.txt` beside each `.html`): furniture lines kept, article lines lost.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanArticleText } from '../../src/corpus/clean.ts';
import { extractArticleFromHtml } from '../../src/curation/extract.ts';

/** One page's score. */
export interface PageCleanScore {
  page: string;
  /** Lines stored that a reader would not keep (furniture). */
  kept: string[];
  /** Lines a reader would keep that were not stored (or not whole). */
  lost: string[];
  articleLines: number;
}

/** Paragraphs of `text` (blank-line separated), spacing normalised. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Furniture kept and article lost in `stored`, against `expected` (the reader's text). */
export function scoreCleanText(expected: string, stored: string): Omit<PageCleanScore, 'page'> {
  const want = paragraphs(expected);
  const got = paragraphs(stored);
  const wanted = new Set(want);
  const have = new Set(got);
  return {
    kept: got.filter((line) => !wanted.has(line)),
    lost: want.filter((line) => !have.has(line)),
    articleLines: want.length,
  };
}

/** The text stored for a page: its article as the reader view finds it, cleaned. */
export function storedText(html: string): string {
  const page = extractArticleFromHtml(html);
  return page === null ? '' : cleanArticleText(page.text).text;
}

/** Scores every `NAME.html` of `dir` against its `NAME.txt`, in name order. */
export async function scoreCleanPages(dir: string): Promise<PageCleanScore[]> {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  const scores: PageCleanScore[] = [];
  for (const file of pages) {
    const html = await readFile(path.join(dir, file), 'utf8');
    const expected = await readFile(path.join(dir, file.replace(/\.html$/, '.txt')), 'utf8');
    scores.push({ page: file.replace(/\.html$/, ''), ...scoreCleanText(expected, storedText(html)) });
  }
  return scores;
}
