/** Markdown articles: YAML front matter with the metadata, then the article text. */
import { cleanArticleText } from './clean.ts';
import { splitFrontMatter } from './front-matter.ts';
import { describeIssues, frontMatterSchema, issueFields } from './schema.ts';
import type { Article, CorpusProblem, ParsedFile } from './types.ts';

/** The 1-based line of `key:` inside the front matter, or 1 when it is not there. */
export function frontMatterLine(content: string, key: string): number {
  const lines = content.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('---')) break;
    if (line.startsWith(`${key}:`)) return i + 1;
  }
  return 1;
}

/**
 * Builds an article from validated front matter and a body. The body is cleaned of furniture
 * (a no-op for clean files). Returns a problem instead when metadata is invalid or no text is left.
 */
export function articleFromFrontMatter(
  relPath: string,
  id: string,
  content: string,
  data: Record<string, unknown>,
  body: string,
): Article | CorpusProblem {
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const field = issueFields(parsed.error)[0] ?? '';
    return {
      path: relPath,
      line: frontMatterLine(content, field),
      message: `front matter: ${describeIssues(parsed.error)}; file skipped`,
    };
  }
  const text = cleanArticleText(body).text;
  if (text.trim() === '')
    return { path: relPath, line: null, message: 'has no article text after its front matter; file skipped' };
  const fm = parsed.data;
  return {
    id,
    title: fm.title,
    source: fm.source,
    date: fm.date,
    dateApprox: fm.date !== null && fm.dateApprox,
    url: fm.url,
    event: fm.event,
    language: fm.language,
    text,
    path: relPath,
  };
}

/** Parses a Markdown article; a file without front matter is reported and skipped. */
export function parseMarkdown(relPath: string, id: string, content: string): ParsedFile {
  const split = splitFrontMatter(relPath, content);
  if ('message' in split) return { articles: [], problems: [split] };
  if (!split.hasFrontMatter) {
    return {
      articles: [],
      problems: [
        {
          path: relPath,
          line: 1,
          message: 'has no front matter (start the file with --- and at least a title:); file skipped',
        },
      ],
    };
  }
  const article = articleFromFrontMatter(relPath, id, content, split.data, split.body);
  return 'message' in article ? { articles: [], problems: [article] } : { articles: [article], problems: [] };
}
