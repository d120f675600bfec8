/** `.jsonl` bulk imports: one article a line, `id`, `title` and `text` required. */
import { parseJsonlRecord } from './jsonl-quick-check.ts';
import { describeIssues, type JsonlRecord } from './schema.ts';
import type { Article, ParsedFile } from './types.ts';

/**
 * Parses a JSONL file. Each good line becomes an article whose id is the record's `id`; each bad
 * line is reported with its line number and skipped. Blank lines are ignored. Record text is taken
 * as it is (bulk imports are expected to be clean).
 */
export function parseJsonl(relPath: string, content: string): ParsedFile {
  const articles: Article[] = [];
  const problems: ParsedFile['problems'] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    const lineNumber = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push({
        path: relPath,
        line: lineNumber,
        message: `is not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    const parsed = parseJsonlRecord(json);
    if (!parsed.success) {
      problems.push({
        path: relPath,
        line: lineNumber,
        message: `record skipped: ${describeIssues(parsed.error)}`,
      });
      continue;
    }
    articles.push(articleFromRecord(parsed.data, `${relPath}:${lineNumber}`));
  }
  return { articles, problems };
}

/** The article a validated record describes, found at `path`. */
export function articleFromRecord(r: JsonlRecord, path: string): Article {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    date: r.date,
    dateApprox: r.date !== null && r.dateApprox,
    url: r.url,
    event: r.event,
    language: r.language,
    text: r.text,
    path,
  };
}
