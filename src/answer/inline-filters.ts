/**
 * Filters written inline in a free-text question, as members type them in a DM, a mention or the
 * terminal chat: `event:geneva-aug-2016 source:"The BRICS Post" since:2016-08-01 until:2016-08-31 count:5`.
 */
import { isValidDate } from '../corpus/dates.ts';
import { MAX_RESULT_COUNT } from './engine.ts';
import { parseResultCount, rangeBackwards } from './filter-check.ts';
import type { Filters } from './types.ts';

/** A question with its inline filters taken out, and what was wrong with them. */
export interface InlineQuery {
  question: string;
  filters: Filters;
  count: number | null;
  /** One sentence per bad filter, for the member to fix. */
  errors: string[];
}

const INLINE = /(?<=^|\s)(event|source|since|until|count):(?:"([^"]*)"|“([^”]*)”|(\S+))/gi;

/** Takes `key:value` filters out of a question; the rest, trimmed, is the question. */
export function parseInlineQuery(text: string): InlineQuery {
  const filters: Filters = {};
  const errors: string[] = [];
  let count: number | null = null;
  const question = text
    .replace(INLINE, (_all, rawKey: string, q1?: string, q2?: string, bare?: string) => {
      const key = rawKey.toLowerCase();
      const value = (q1 ?? q2 ?? bare ?? '').trim();
      if (key === 'event' || key === 'source') filters[key] = value;
      else if (key === 'count') {
        const n = parseResultCount(value);
        if (n !== null) count = n;
        else errors.push(`count:${value} should be a whole number from 1 to ${MAX_RESULT_COUNT}.`);
      } else if (isValidDate(value)) filters[key as 'since' | 'until'] = value;
      else errors.push(`${key}:${value} is not a date; write it as YYYY-MM-DD, e.g. ${key}:2016-08-26.`);
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  if (rangeBackwards(filters))
    errors.push(`since:${filters.since} is after until:${filters.until}; swap them.`);
  return { question, filters, count, errors };
}

/** Writes filters back in the inline syntax `parseInlineQuery` reads (`event:x source:"y z"`). */
export function formatInlineFilters(filters: Filters): string {
  const parts: string[] = [];
  for (const key of ['event', 'source', 'since', 'until'] as const) {
    const value = filters[key];
    if (value) parts.push(/[\s"]/.test(value) ? `${key}:"${value.replaceAll('"', '')}"` : `${key}:${value}`);
  }
  return parts.join(' ');
}
