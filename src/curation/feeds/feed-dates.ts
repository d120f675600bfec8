/** A feed's date (RFC 822 in RSS, ISO 8601 in Atom and JSON Feed) as the day it names. */
import { isValidDate } from '../../corpus/dates.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The day (YYYY-MM-DD) `value` names in its own time zone — "Fri, 26 Aug 2016 23:30:00 -0400" is
 * 2016-08-26, as the outlet dated it — or null when it names no real day.
 */
export function feedDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  if (iso !== undefined) return isValidDate(iso) ? iso : null;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase());
    if (month >= 0) {
      const day = `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${(rfc[1] ?? '').padStart(2, '0')}`;
      return isValidDate(day) ? day : null;
    }
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}
