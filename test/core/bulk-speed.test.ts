import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { DuplicateIndex, findDuplicate } from '../../src/curation/duplicates.ts';
import { ExtractPool } from '../../src/curation/extract-pool.ts';
import { seededRandom } from '../seeded-random.ts';

const NEWS_PAGE = path.join(import.meta.dirname, '..', 'e2e', 'fixtures', 'news-page.html');
const PARAGRAPH = `<p>${'Officials said the convoy reached the district on Tuesday after a week of talks. '.repeat(6)}</p>`;

/** A page slow to read: its article sits 250 elements deep. */
const SLOW_PAGE = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(250)}<h1>Deep</h1>${PARAGRAPH.repeat(40)}${'</div>'.repeat(250)}</body></html>`;

/** `count` articles of 300 words each drawn from a vocabulary of 2,000, by seed. */
function randomArticles(count: number, seed: number, prefix: string): Article[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    path: `${prefix}${i}.md`,
    title: `${prefix} ${i}`,
    source: null,
    date: null,
    dateApprox: false,
    url: `https://news.example/${prefix}/${i}`,
    event: null,
    language: 'en',
    text: Array.from({ length: 300 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
  }));
}

describe('duplicate check of a bulk import', () => {
  it('finds what findDuplicate finds: the same URL, a trimmed copy (the earliest), nothing for new text', () => {
    const corpus = randomArticles(50, 1, 'in');
    const index = new DuplicateIndex(corpus);
    const original = corpus[7] as Article;
    const words = original.text.split(' ');
    const trimmed = { url: null, text: words.slice(20, 280).join(' ') };
    const fresh = { url: null, text: (randomArticles(1, 99, 'new')[0] as Article).text };
    const sameUrl = { url: `${original.url}/#top`, text: 'anything' };
    for (const draft of [trimmed, fresh, sameUrl])
      expect(index.find(draft)?.article.id ?? null).toBe(findDuplicate(corpus, draft)?.article.id ?? null);
    expect(index.find(trimmed)).toEqual({ article: original, reason: 'near-identical text' });
    expect(index.find(fresh)).toBeNull();
    expect(index.find(sameUrl)?.reason).toBe('the same URL');
    // A second copy added later: the first one in is still the one named.
    index.add({ ...original, id: 'copy', url: null });
    expect(index.find(trimmed)?.article.id).toBe(original.id);
  });

  it('checks 2,000 new pages against 2,000 articles and each other in well under the import’s budget', () => {
    const index = new DuplicateIndex(randomArticles(2000, 2, 'in'));
    const drafts = randomArticles(2000, 3, 'new');
    const started = performance.now();
    const found = drafts.filter((draft) => {
      const duplicate = index.find(draft);
      index.add(draft);
      return duplicate !== null;
    });
    // Comparing each page with every article before it took about two minutes here.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found).toEqual([]);
  });
});

describe('page-reading worker pool', () => {
  let pool: ExtractPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('reads many pages with the same workers instead of starting one a page', async () => {
    pool = new ExtractPool(2);
    const html = await readFile(NEWS_PAGE, 'utf8');
    const pages = await Promise.all(Array.from({ length: 12 }, () => pool?.extract(html, 10_000)));
    expect(pages.map((p) => p?.title)).toEqual(
      Array(12).fill('Kerry and Lavrov agree on a nationwide truce in Syria'),
    );
    expect(pool.started).toBe(2);
  });

  it('refuses a page past its time limit while the pages queued behind it are read', async () => {
    pool = new ExtractPool(1);
    const html = await readFile(NEWS_PAGE, 'utf8');
    const slow = pool.extract(SLOW_PAGE, 150);
    const others = Array.from({ length: 4 }, () => pool?.extract(html, 10_000));
    await expect(slow).rejects.toThrow(
      'That page took longer than 0.15 s to read; save its article as a .txt or .md file and attach that instead.',
    );
    const read = await Promise.all(others);
    expect(read.map((p) => p?.siteName)).toEqual(Array(4).fill('Example Times'));
    // The slow page's worker was ended and replaced.
    expect(pool.started).toBe(2);
  });
});
