/**
 * Dates in the coverage: strict YYYY-MM-DD validation and recognition of dateline lines
 * ("This Article is From Aug 26, 2016", "August 27, 2016, 5:25 am", "Mondialisation.ca, 07 mars 2016").
 */
import * as chrono from 'chrono-node';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isValidDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A fixed reference so parsing never depends on today's date. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
const PARSERS = [chrono.en, chrono.fr];
/** Words a dateline may carry besides its date (an outlet, "This Article is From"). */
const MAX_OTHER_WORDS = 5;
const MAX_DATELINE_LENGTH = 80;

/**
 * Returns the publication date (YYYY-MM-DD) a dateline line states, or null when the line is not a
 * dateline: a short line whose date has a certain day, month and year, with at most a few other
 * words. Sentences that merely mention a date (a photo caption's "on August 3, 2015 in Doha") are
 * longer and are not datelines.
 */
export function findDateline(line: string): string | null {
  if (line.length > MAX_DATELINE_LENGTH) return null;
  for (const parser of PARSERS) {
    for (const result of parser.parse(line, REFERENCE)) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      // A dateline writes its year out; "today" or "Friday" is not a publication date.
      if (!/\b\d{4}\b/.test(result.text)) continue;
      const rest = (line.slice(0, result.index) + line.slice(result.index + result.text.length)).trim();
      const words = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      if (words.length > MAX_OTHER_WORDS) continue;
      const date = iso(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
      if (isValidDate(date)) return date;
    }
  }
  return null;
}
