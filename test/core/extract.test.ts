import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromHtml } from '../../src/curation/draft.ts';
import { extractArticle } from '../../src/curation/isolated-extract.ts';

const PAGE = path.join(import.meta.dirname, '..', 'e2e', 'fixtures', 'news-page.html');
const PARAGRAPH = `<p>${'Officials said the convoy reached the district on Tuesday after a week of talks. '.repeat(6)}</p>`;

/** A small page whose article sits `depth` elements deep. */
function nested(depth: number, paragraphs = 3): string {
  return `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<h1>Deep</h1>${PARAGRAPH.repeat(paragraphs)}${'</div>'.repeat(depth)}</body></html>`;
}

describe('reading a page does not hold up the bot', () => {
  it('refuses a page 2,000 levels deep with a clear message, within the time limit', async () => {
    const html = nested(2000);
    expect(html.length).toBeLessThan(25_000);
    const started = Date.now();
    await expect(async () => draftFromHtml(html, null, { event: 'e' })).rejects.toThrow(
      'That page is nested too deeply to read (more than 256 levels); save its article as a .txt or .md file and attach that instead.',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  }, 8000);

  it('keeps the main thread’s timers firing while a page is read', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const reading = Promise.resolve(draftFromHtml(nested(200, 40), null, { event: 'e' }));
      const ticksWhenStarted = ticks;
      const draft = await reading;
      expect(draft.title).toBe('Deep');
      // Reading on this thread would leave no turn for the timer until it is done.
      expect(ticks - ticksWhenStarted).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('ends a reading that takes longer than its time limit, with a clear message', async () => {
    await expect(extractArticle(nested(250, 40), { timeoutMs: 50 })).rejects.toThrow(
      'That page took longer than 0.05 s to read; save its article as a .txt or .md file and attach that instead.',
    );
  });

  it('reads an ordinary page as before', async () => {
    const draft = await draftFromHtml(await readFile(PAGE, 'utf8'), 'https://news.example/a', { event: 'e' });
    expect(draft.title).toBe('Kerry and Lavrov agree on a nationwide truce in Syria');
    expect(draft.source).toBe('Example Times');
    expect(draft.date).toBe('2016-09-10');
  });
});
