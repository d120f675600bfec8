/**
 * Dates named in a question ("in March 2016", "on 26 August 2016", "in August", "in 2011", "the
 * first week of March", "late August", "summer 2016") read as a range of days. A date without its year takes the one year in which the coverage has articles
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
 * A month's name or abbreviation as a word, or a numeric date: what the dates chrono reads and
 * wink's tagger may miss contain ("the March phone call", "4/3"). A year alone chrono does not
 * read, and wink's tagger does; a question without either is not searched with chrono.
 */
const MAY_NAME_DATE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d[/.-]\d/i;
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
  const part = PART_OF_MONTH.exec(text.trim());
  if (part !== null) {
    const month = readDateMention(text.trim().slice(part[0].length), yearsWith);
    return month === null ? null : partOfMonth(month, part);
  }
  const trimmed = text.trim();
  const season = seasonOf(trimmed, yearsWith);
  if (season !== undefined) return season;
  const year = YEAR.exec(trimmed)?.[1];
  if (year !== undefined) return { since: `${year}-01-01`, until: `${year}-12-31` };
  if (!ABSOLUTE_DATE.test(trimmed)) return null;
  const us = rangeOf(chrono.parse(trimmed, REFERENCE)[0], yearsWith);
  // "4/3/2016" is 3 April in the US and 4 March elsewhere: the reading the coverage has articles on.
  if (us === null || !NUMERIC_DATE.test(trimmed) || hasArticles(us, yearsWith)) return us;
  const elsewhere = rangeOf(chrono.en.GB.parse(trimmed, REFERENCE)[0], yearsWith);
  return elsewhere !== null && hasArticles(elsewhere, yearsWith) ? elsewhere : us;
}

/**
 * The part of a month a date may start with: "the first week of", "the last week of", "early",
 * "mid", "late", "the beginning of", "the middle of", "the end of".
 */
const PART =
  '(?:the\\s+)?(?:(first|second|third|fourth|last)\\s+week\\s+of|(early|mid|late)|(beginning|start|middle|end)\\s+of)';
const PART_OF_MONTH = new RegExp(`^${PART}[\\s-]*`, 'i');
const PART_BEFORE = new RegExp(`\\b${PART}[\\s-]+$`, 'i');

/** The start of the part of a month written just before a date at `start` ("the first week of"), else `start`. */
export function partOfMonthStart(question: string, start: number): number {
  const m = PART_BEFORE.exec(question.slice(Math.max(0, start - 40), start));
  return m === null ? start : start - m[0].length;
}

/** The days of a whole month's range that a part of it names (see PART_OF_MONTH); a day's range as it is. */
function partOfMonth(range: DayRange, part: RegExpExecArray): DayRange {
  const [y, m] = range.since.split('-').map(Number) as [number, number];
  const last = lastDay(y, m);
  if (
    range.since !== `${range.since.slice(0, 8)}01` ||
    range.until !== `${range.since.slice(0, 8)}${pad(last)}`
  )
    return range;
  const week = ['first', 'second', 'third', 'fourth'].indexOf((part[1] ?? '').toLowerCase());
  const which = (part[2] ?? part[3] ?? part[1] ?? '').toLowerCase();
  const [from, to] =
    week >= 0
      ? [week * 7 + 1, week * 7 + 7]
      : which === 'last' || which === 'late' || which === 'end'
        ? [Math.max(1, which === 'last' ? last - 6 : 21), last]
        : which === 'mid' || which === 'middle'
          ? [11, 20]
          : [1, 10];
  const ym = range.since.slice(0, 8);
  return { since: `${ym}${pad(from)}`, until: `${ym}${pad(to)}` };
}

/** A season's months (meteorological, northern); winter is December to February. */
const SEASON_MONTHS: Readonly<Record<string, readonly [number, number, number]>> = {
  spring: [3, 4, 5],
  summer: [6, 7, 8],
  autumn: [9, 10, 11],
  fall: [9, 10, 11],
  winter: [12, 1, 2],
};
const SEASON =
  /^(?:(?:in|during|over)\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:1[89]|20)\d\d))?$/i;

/**
 * The days of a season ("summer 2016"; "the summer" in the one year the coverage has articles in
 * its months): undefined when the text is no season, null when its year cannot be told. Winter
 * 2016 is December 2015 to February 2016.
 */
function seasonOf(
  text: string,
  yearsWith: (monthOrDay: string) => readonly number[],
): DayRange | null | undefined {
  const m = SEASON.exec(text);
  if (m === null) return undefined;
  const months = SEASON_MONTHS[(m[1] ?? '').toLowerCase()] as readonly [number, number, number];
  let year = m[2] === undefined ? null : Number(m[2]);
  if (year === null) {
    // The year a season ends in: winter's January and February, and its December of the year before.
    const years = new Set(months.flatMap((mo) => yearsWith(pad(mo)).map((y) => (mo === 12 ? y + 1 : y))));
    if (years.size !== 1) return null;
    year = [...years][0] as number;
  }
  const [first, , last] = months;
  const startYear = first === 12 ? year - 1 : year;
  return {
    since: `${startYear}-${pad(first)}-01`,
    until: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
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
 * none, without running chrono, when the question names no month and holds no numeric date.
 */
export function findDateSpans(question: string): Array<{ start: number; end: number }> {
  if (!MAY_NAME_DATE.test(question)) return [];
  return chrono.parse(question, REFERENCE).map((r) => ({ start: r.index, end: r.index + r.text.length }));
}
