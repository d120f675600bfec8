import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCleanText, storedText } from '../../bench/lib/clean-score.ts';
import { draftFromHtml } from '../../src/curation/draft.ts';

/** Saved pages shaped like different outlets', each with the text a reader would keep beside it. */
const PAGES = path.join(import.meta.dirname, 'fixtures', 'pages');
const pages = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''))
  .sort();

describe('clean text from real pages', () => {
  it('has a set of at least 12 saved pages, each with its reader’s text', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
  });

  it.each(pages)('%s: no furniture line is stored and no article line is lost', async (page) => {
    const html = await readFile(path.join(PAGES, `${page}.html`), 'utf8');
    const expected = await readFile(path.join(PAGES, `${page}.txt`), 'utf8');
    const { kept, lost } = scoreCleanText(expected, storedText(html));
    expect({ kept, lost }).toEqual({ kept: [], lost: [] });
  });

  it('stores a page with a sponsored block inside its body without the sponsored text', async () => {
    const html = await readFile(path.join(PAGES, '03-inline-ads.html'), 'utf8');
    const draft = await draftFromHtml(html, 'https://courier.example/syria-talks', { event: 'e' });
    expect(draft.text).not.toMatch(/Sponsored|Advertisement/);
    expect(draft.text).toMatch(/^The United States and Russia will press ahead/);
    expect(draft.text).toMatch(/the same two men briefly reduced the violence\.$/);
  });

  it('dates a page whose metadata has no date by the date line it shows, which is not stored', async () => {
    const paragraph = `<p>${'Delegates said the talks on the truce would resume in Geneva next week after a pause. '.repeat(4)}</p>`;
    const html = `<html><head><title>Talks to resume</title></head><body><article><h1>Talks to resume</h1><p class="story-date">Saturday 27 August 2016, 10:15</p>${paragraph.repeat(3)}</article></body></html>`;
    const draft = await draftFromHtml(html, null, { event: 'e' });
    expect(draft.date).toBe('2016-08-27');
    expect(draft.text).not.toContain('10:15');
  });
});
