/** Plain-text articles as scraped: metadata from front matter when present, else inferred from the text. */
import { cleanArticleText } from './clean.ts';
import { findDateline } from './dates.ts';
import { opensFrontMatter, splitFrontMatter } from './front-matter.ts';
import { guessLanguage } from './language.ts';
import { articleFromFrontMatter } from './markdown.ts';
import type { ParsedFile } from './types.ts';

/**
 * Parses a `.txt` article. With front matter it is read like Markdown. Without, the headline
 * becomes the title and the first dateline near the top the date (never a caption's date); the
 * source, URL and event stay unknown, since scraped text rarely states them reliably.
 */
export function parseText(relPath: string, id: string, content: string): ParsedFile {
  if (opensFrontMatter(content)) {
    const split = splitFrontMatter(relPath, content);
    if ('message' in split) return { articles: [], problems: [split] };
    const article = articleFromFrontMatter(relPath, id, content, split.data, split.body);
    return 'message' in article
      ? { articles: [], problems: [article] }
      : { articles: [article], problems: [] };
  }
  const cleaned = cleanArticleText(content, { extractHeader: true });
  if (cleaned.headline === null) {
    return {
      articles: [],
      problems: [
        {
          path: relPath,
          line: 1,
          message:
            'has no headline (a short first line without a full stop) to use as its title; add front matter with a title:',
        },
      ],
    };
  }
  if (cleaned.text.trim() === '') {
    return {
      articles: [],
      problems: [
        {
          path: relPath,
          line: null,
          message: 'has no article text left after removing page furniture; file skipped',
        },
      ],
    };
  }
  const firstDateline = cleaned.datelines[0];
  return {
    articles: [
      {
        id,
        title: cleaned.headline,
        source: null,
        date: firstDateline === undefined ? null : findDateline(firstDateline),
        dateApprox: false,
        url: null,
        event: null,
        language: guessLanguage(cleaned.text),
        text: cleaned.text,
        path: relPath,
      },
    ],
    problems: [],
  };
}
