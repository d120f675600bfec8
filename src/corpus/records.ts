/** Building a corpus from records in memory (bulk data, benchmarks), validated like JSONL lines. */

import { articleFromRecord } from './jsonl.ts';
import { parseJsonlRecord } from './jsonl-quick-check.ts';
import type { Article, Corpus, CoverageEvent } from './types.ts';

/** A record as a JSONL line holds it: `id`, `title`, `text` required; the rest optional. */
export interface ArticleRecord {
  id: string;
  title: string;
  text: string;
  source?: string | null;
  date?: string | null;
  url?: string | null;
  event?: string | null;
  language?: string | null;
}

/**
 * Validates records like JSONL lines and returns a corpus of the good ones; bad records are
 * reported as problems of the pseudo-path `records` with their 1-based position.
 */
export function corpusFromRecords(records: ArticleRecord[], events: CoverageEvent[] = []): Corpus {
  const articles: Article[] = [];
  const problems: Corpus['problems'] = [];
  const ids = new Set<string>();
  records.forEach((record, i) => {
    const parsed = parseJsonlRecord(record);
    if (!parsed.success || ids.has(parsed.data.id)) {
      problems.push({
        path: 'records',
        line: i + 1,
        message: parsed.success
          ? `duplicate id "${parsed.data.id}"`
          : (parsed.error.issues[0]?.message ?? 'invalid record'),
      });
      return;
    }
    ids.add(parsed.data.id);
    articles.push(articleFromRecord(parsed.data, `records:${i + 1}`));
  });
  return { label: '', articles, events, problems };
}
