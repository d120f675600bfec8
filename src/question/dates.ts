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
/** A month's name or its abbreviation, as a regular expression's alternatives (no anchors). */
export const MONTH_NAME =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/**
 * A month's name or abbreviation as a word, or a numeric date: what the dates chrono reads and
 * wink's tagger may miss contain ("the March phone call", "4/3"). A year alone chrono does not
 * read, and wink's tagger does; a question without either is not searched with chrono.
 */
const MAY_NAME_DATE = new RegExp(`\\b(?:${MONTH_NAME})\\b|\\d[/.-]\\d`, 'i');
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
  // "March 1 to March 10, 2016": the year written at the end of the range.
  if (y === null && result.end?.isCertain('year')) y = result.end.get('year');
  if (y === null) {
    const years = yearsWith(day === null ? pad(month) : `${pad(month)}-${pad(day)}`);
    if (years.length !== 1) return null;
    y = years[0] as number;
  }
  if (y === null) return null;
  const ym = `${y}-${pad(month)}`;
  const range =
    day === null
      ? { since: `${ym}-01`, until: `${ym}-${pad(lastDay(y, month))}` }
      : { since: `${ym}-${pad(day)}`, until: `${ym}-${pad(day)}` };
  // "from 25 to 27 August 2016", "25-27 August": to the end chrono read, in the start's year
  // unless it names its own.
  const end = result.end;
  if (end === null || end === undefined || !end.isCertain('day')) return range;
  const endYear = end.isCertain('year') ? (end.get('year') ?? y) : y;
  const until = `${endYear}-${pad(end.get('month') ?? month)}-${pad(end.get('day') ?? 1)}`;
  return until > range.since ? { since: range.since, until } : range;
}

/** Day `day` of the month of `date` (YYYY-MM-DD), held inside the month. */
function sameMonthDay(date: string, day: number): string {
  const last = lastDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return `${date.slice(0, 8)}${pad(Math.min(Math.max(day, 1), last))}`;
}

/** A date mention as analysis reads it: where it is and the days it means (null if none). */
export interface DateReading {
  start: number;
  end: number;
  range: DayRange | null;
}

/** What stands between the two ends of a range ("between 4 March and 7 March", "from … to …"). */
const RANGE_JOIN = /^\s*(?:and|to|until|till|through|-|–)\s*$/i;
const RANGE_OPENS = /\b(?:between|from)\s+(?:the\s+)?$/i;
/** "between 25 and" before "27 August 2016": a day of the same month. */
const DAY_BEFORE = /\bbetween\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+and\s+(?:the\s+)?$/i;
/** "and 7" after "between March 4": a day of the same month. */
const DAY_AFTER = /^\s+(?:and|to)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/i;

/**
 * Date readings joined where the question names a range by its ends: "between August 25 and
 * August 27, 2016", "from 4 March to 7 March", "between 25 and 27 August 2016", "between March 4
 * and 7" are one reading from the first day to the last (`yearsWith` as for `readDateMention`).
 * Readings in question order.
 */
export function joinDateRanges(
  question: string,
  readings: readonly DateReading[],
  yearsWith: (monthOrDay: string) => readonly number[],
): DateReading[] {
  const sorted = [...readings].sort((a, b) => a.start - b.start);
  const out: DateReading[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let r = sorted[i] as DateReading;
    const next = sorted[i + 1];
    const before = question.slice(0, r.start);
    // The first end without its year takes the last end's ("between August 25 and August 27, 2016").
    if (
      r.range === null &&
      next?.range &&
      RANGE_OPENS.test(before) &&
      RANGE_JOIN.test(question.slice(r.end, next.start))
    )
      r = {
        ...r,
        range: readDateMention(
          `${question.slice(r.start, r.end)} ${next.range.until.slice(0, 4)}`,
          yearsWith,
        ),
      };
    if (
      next !== undefined &&
      r.range !== null &&
      next.range !== null &&
      RANGE_OPENS.test(before) &&
      RANGE_JOIN.test(question.slice(r.end, next.start)) &&
      next.range.until > r.range.since
    ) {
      out.push({ start: r.start, end: next.end, range: { since: r.range.since, until: next.range.until } });
      i++;
      continue;
    }
    const range = r.range;
    const dayBefore = DAY_BEFORE.exec(before);
    if (range !== null && dayBefore !== null && range.since === range.until) {
      const since = sameMonthDay(range.since, Number(dayBefore[1]));
      if (since < range.since)
        r = {
          start: dayBefore.index + dayBefore[0].indexOf(dayBefore[1] as string),
          end: r.end,
          range: { since, until: range.until },
        };
    }
    const dayAfter = DAY_AFTER.exec(question.slice(r.end));
    if (
      r.range !== null &&
      dayAfter !== null &&
      r.range.since === r.range.until &&
      RANGE_OPENS.test(before)
    ) {
      const until = sameMonthDay(r.range.since, Number(dayAfter[1]));
      if (until > r.range.since)
        r = { start: r.start, end: r.end + dayAfter[0].length, range: { since: r.range.since, until } };
    }
    out.push(r);
  }
  return out;
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
