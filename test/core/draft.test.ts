import { afterEach, describe, expect, it } from 'vitest';
import { DraftError, draftFromFile, draftFromHtml } from '../../src/curation/draft.ts';

const TEXT =
  'An aid convoy of thirty trucks carrying flour and medicine reached the besieged eastern districts of Aleppo on Tuesday, the first since the truce. '.repeat(
    3,
  );
const mark = globalThis as { frontMatterRan?: string };
afterEach(() => {
  delete mark.frontMatterRan;
});

/** The message a draft is refused with, or "accepted". */
async function refusal(make: () => unknown): Promise<string> {
  try {
    await make();
    return 'accepted';
  } catch (error) {
    return error instanceof DraftError ? error.message : `not a DraftError: ${String(error)}`;
  }
}

describe('a draft from an attachment (the /corpus add preview)', () => {
  it.each(['js', 'javascript', 'coffee'])(
    'refuses front matter opened with ---%s before anything runs',
    async (language) => {
      const content = `---${language}\n{ title: (globalThis.frontMatterRan = "${language}", "Ran") }\n---\n${TEXT}\n`;
      expect(await refusal(() => draftFromFile('note.md', content, { event: 'talks' }))).toBe(
        `note.md:1: front matter must be YAML (the file opens with ---${language}; write --- alone); nothing was added.`,
      );
      expect(mark.frontMatterRan).toBeUndefined();
    },
  );
});

describe('a draft is checked with the loader’s schema in the preview', () => {
  const page = (published: string) =>
    `<html lang="en"><head><title>Aid reaches Aleppo</title><meta property="article:published_time" content="${published}"><meta property="og:site_name" content="Example Wire"></head><body><article><h1>Aid reaches Aleppo</h1><p>${TEXT}</p><p>${TEXT}</p></article></body></html>`;

  it('refuses a page date that is no real day (2016-13-45), and takes the moderator’s date instead', async () => {
    expect(await refusal(() => draftFromHtml(page('2016-13-45T10:00:00Z'), null, { event: 'talks' }))).toBe(
      'The date “2016-13-45” must be a real date written as YYYY-MM-DD; give the right one with the `date` option.',
    );
    const draft = await draftFromHtml(page('2016-13-45T10:00:00Z'), null, {
      event: 'talks',
      date: '2016-09-20',
    });
    expect(draft.date).toBe('2016-09-20');
    expect((await draftFromHtml(page('2016-09-19T10:00:00Z'), null, { event: 'talks' })).date).toBe(
      '2016-09-19',
    );
  });

  it('refuses a link that could close a Markdown link, and keeps a good one in its stored form', async () => {
    const hostile = 'https://news.example/a>)**Breaking**[Claim](https://evil.example/x';
    expect(
      await refusal(() => draftFromHtml(page('2016-09-19'), hostile, { event: 'talks', url: hostile })),
    ).toBe(
      `The url “${hostile}” must be an http(s) URL without spaces, quotes, backslashes, backticks, < or >; give the right one with the \`url\` option.`,
    );
    const typed = 'HTTPS://News.Example/Alep';
    expect((await draftFromHtml(page('2016-09-19'), typed, { event: 'talks', url: typed })).url).toBe(
      'https://news.example/Alep',
    );
  });
});
