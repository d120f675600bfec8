/**
 * Articles in columns, for the saved index: every string field of every article in one UTF-8
 * text, located by UTF-16 offsets, so loading decodes one string and slices it instead of parsing
 * tens of megabytes of JSON into objects.
 */
import type { Article } from '../corpus/types.ts';

/** The string fields of an article, in the order their spans are stored. */
const STRING_FIELDS = ['id', 'title', 'source', 'date', 'url', 'event', 'language', 'text', 'path'] as const;

/** Articles as columns: `spans` holds [start, end) in `text` per article and field (-1, -1 for null). */
export interface ArticleColumns {
  text: string;
  spans: Int32Array;
  /** 1 where the article's date is approximate. */
  dateApprox: Uint8Array;
}

/** Puts articles into columns. */
export function articlesToColumns(articles: readonly Article[]): ArticleColumns {
  const parts: string[] = [];
  const spans = new Int32Array(articles.length * STRING_FIELDS.length * 2);
  const dateApprox = new Uint8Array(articles.length);
  let at = 0;
  let s = 0;
  articles.forEach((article, a) => {
    dateApprox[a] = article.dateApprox ? 1 : 0;
    for (const field of STRING_FIELDS) {
      const value = article[field];
      if (value === null) {
        spans[s++] = -1;
        spans[s++] = -1;
        continue;
      }
      parts.push(value);
      spans[s++] = at;
      at += value.length;
      spans[s++] = at;
    }
  });
  return { text: parts.join(''), spans, dateApprox };
}

/** The articles `articlesToColumns` put into columns, equal field by field. */
export function articlesFromColumns(columns: ArticleColumns): Article[] {
  const { text, spans, dateApprox } = columns;
  const articles: Article[] = new Array(dateApprox.length);
  let s = 0;
  const next = (): string | null => {
    const start = spans[s++] as number;
    const end = spans[s++] as number;
    return start < 0 ? null : text.slice(start, end);
  };
  for (let a = 0; a < dateApprox.length; a++) {
    const id = next() as string;
    const title = next() as string;
    const source = next();
    const date = next();
    const url = next();
    const event = next();
    const language = next();
    const body = next() as string;
    const path = next() as string;
    articles[a] = {
      id,
      title,
      source,
      date,
      dateApprox: dateApprox[a] === 1,
      url,
      event,
      language,
      text: body,
      path,
    };
  }
  return articles;
}
