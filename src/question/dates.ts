/**
 * Dates named in a question ("in March 2016", "on 26 August 2016", "in August", "in 2011") read as
 * a range of days. A date without its year takes the one year in which the coverage has articles
 * on it; relative dates ("last month") are not read, since a member means the news' time, not today.
 */
import * as chrono from 'chrono-node';

/** An inclusive range of days, YYYY-MM-DD. */
export interface DayRange {
  since: string;
  until: string;
}

/** A month name or a written year or numeric date: what a date mention must contain to be read. */
const ABSOLUTE_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:1[89]|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}\b/i;
const YEAR = /^(?:in\s+)?((?:1[89]|20)\d\d)$/i;
/**
 * Found in every text ABSOLUTE_DATE matches (it is that pattern without its word boundaries): a
 * question without it names no date `readDateMention` reads, so chrono need not search it.
 */
const MAY_NAME_DATE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|1[89]\d\d|20\d\d|\d[/.-]\d/i;
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1-12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The range of days a date mention means, or null when it is not an absolute date. `years` gives,
 * for a month ("08") or a month and day ("08-26"), the years in which articles fall on it.
 */
export function readDateMention(
  text: string,
  yearsWith: (monthOrDay: string) => readonly number[],
): DayRange | null {
  const trimmed = text.trim();
  const year = YEAR.exec(trimmed)?.[1];
  if (year !== undefined) return { since: `${year}-01-01`, until: `${year}-12-31` };
  if (!ABSOLUTE_DATE.test(trimmed)) return null;
  const us = rangeOf(chrono.parse(trimmed, REFERENCE)[0], yearsWith);
  // "4/3/2016" is 3 April in the US and 4 March elsewhere: the reading the coverage has articles on.
  if (us === null || !NUMERIC_DATE.test(trimmed) || hasArticles(us, yearsWith)) return us;
  const elsewhere = rangeOf(chrono.en.GB.parse(trimmed, REFERENCE)[0], yearsWith);
  return elsewhere !== null && hasArticles(elsewhere, yearsWith) ? elsewhere : us;
}

/** A day written in numbers only, day and month in either order ("4/3/2016", "4.3"). */
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}\b/;

/** The days a chrono reading means (see `readDateMention`), or null. */
function rangeOf(
  result: chrono.ParsedResult | undefined,
  yearsWith: (monthOrDay: string) => readonly number[],
): DayRange | null {
  if (result === undefined || !result.start.isCertain('month')) return null;
  const month = result.start.get('month') ?? 1;
  const day = result.start.isCertain('day') ? result.start.get('day') : null;
  let y = result.start.isCertain('year') ? result.start.get('year') : null;
  if (y === null) {
    const years = yearsWith(day === null ? pad(month) : `${pad(month)}-${pad(day)}`);
    if (years.length !== 1) return null;
    y = years[0] as number;
  }
  if (y === null) return null;
  const ym = `${y}-${pad(month)}`;
  return day === null
    ? { since: `${ym}-01`, until: `${ym}-${pad(lastDay(y, month))}` }
    : { since: `${ym}-${pad(day)}`, until: `${ym}-${pad(day)}` };
}

/** True when some article falls on the (single) day of `range`. */
function hasArticles(range: DayRange, yearsWith: (monthOrDay: string) => readonly number[]): boolean {
  if (range.since !== range.until) return true;
  return yearsWith(range.since.slice(5)).includes(Number(range.since.slice(0, 4)));
}

/**
 * Spans of the dates chrono finds in a question (wink's tagger misses "the March phone call");
 * none, without running chrono, when the question holds no month, year or numeric date.
 */
export function findDateSpans(question: string): Array<{ start: number; end: number }> {
  if (!MAY_NAME_DATE.test(question)) return [];
  return chrono.parse(question, REFERENCE).map((r) => ({ start: r.index, end: r.index + r.text.length }));
}
