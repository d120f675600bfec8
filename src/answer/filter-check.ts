/**
 * The checks every way of asking applies to filters (Discord options, inline `key:value` words,
 * command-line flags): dates written YYYY-MM-DD, a range in order, a result count in bounds. Each
 * interface words the problems its own way.
 */
import { isValidDate } from '../corpus/dates.ts';
import { MAX_RESULT_COUNT } from './engine.ts';
import type { Filters } from './types.ts';

/** The date filters whose value is not a real date written YYYY-MM-DD, `since` first. */
export function badDateFilters(filters: Filters): ('since' | 'until')[] {
  return (['since', 'until'] as const).filter((key) => {
    const value = filters[key];
    return value !== undefined && !isValidDate(value);
  });
}

/** True when both dates are real and `since` comes after `until` (the range holds nothing). */
export function rangeBackwards(filters: Filters): boolean {
  const { since, until } = filters;
  return !!since && !!until && isValidDate(since) && isValidDate(until) && since > until;
}

/** The result count a member wrote, or null unless it is a whole number from 1 to MAX_RESULT_COUNT. */
export function parseResultCount(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_RESULT_COUNT ? n : null;
}
