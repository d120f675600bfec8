/**
 * What a corpus holds, summarised once: its events and outlets with their article counts and the
 * dates of their coverage, and its articles in date order. A corpus is never changed once read (a
 * refresh reads a new one), so an index makes its catalogue once and every reply reads it; after a
 * change, from the catalogue before it (`Catalog.after`), touching only the articles it changed.
 */
import { joinRuns, type ListRun } from '../util/join-lists.ts';
import { type ArticleEnds, sameEnds } from './diff.ts';
import type { Article, Corpus } from './types.ts';

/** An event with what the corpus holds of it. */
export interface EventSummary {
  id: string;
  name: string;
  start: string;
  end: string;
  description: string;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** An outlet with what the corpus holds of it; `source` null gathers articles of unknown outlet. */
export interface SourceSummary {
  source: string | null;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  events: string[];
}

/** The summaries of one corpus, made in one pass over its articles. */
export class Catalog {
  /** The events the corpus defines, in the order of its events file. */
  readonly events: readonly EventSummary[];
  /** The outlets, most articles first, then by name; unknown outlets last among equals. */
  readonly sources: readonly SourceSummary[];
  /** Article numbers in date order: known dates first, oldest first, then by title, then corpus order. */
  readonly byDate: Int32Array;
  /** The date of each article of `byDate`, in that order: the known dates come first, ascending. */
  private readonly dates: string[];
  private readonly eventNames: Map<string, string>;
  /** The events' ids joined: the per-event spans carry over a change while they are the same. */
  private readonly eventIds: string;
  private readonly perEvent: Map<string, Span>;
  private readonly perSource: Map<string | null, Span>;

  /** The catalogue of `corpus`, from `previous` (that of the corpus whose articles were `before`) when given. */
  private constructor(
    corpus: Corpus,
    previous?: { catalog: Catalog; before: readonly Article[]; ends: ArticleEnds },
  ) {
    const { articles } = corpus;
    this.eventNames = new Map(corpus.events.map((e) => [e.id, e.name]));
    this.eventIds = corpus.events.map((e) => e.id).join('\n');
    const ends = previous === undefined ? null : previous.ends;
    const spans =
      previous !== undefined && ends !== null && previous.catalog.eventIds === this.eventIds
        ? changedSpans(
            previous.catalog.perEvent,
            previous.catalog.perSource,
            previous.before.slice(ends.start, ends.beforeEnd),
            articles.slice(ends.start, ends.afterEnd),
          )
        : null;
    const { perEvent, perSource } = spans ?? allSpans(corpus);
    this.perEvent = perEvent;
    this.perSource = perSource;
    this.events = corpus.events.map((event) => {
      const span = perEvent.get(event.id) as Span;
      return { ...event, articles: span.articles, firstDate: span.first, lastDate: span.last };
    });
    this.sources = [...perSource.entries()]
      .map(([source, span]) => ({
        source,
        articles: span.articles,
        firstDate: span.first,
        lastDate: span.last,
        events: [...span.events].sort(),
      }))
      .sort(
        (a, b) =>
          b.articles - a.articles ||
          (a.source === null ? 1 : b.source === null ? -1 : a.source.localeCompare(b.source)),
      );
    if (previous !== undefined && ends !== null) {
      const { byDate, dates } = spliceByDate(previous.catalog.byDate, previous.catalog.dates, articles, ends);
      this.byDate = byDate;
      this.dates = dates;
      return;
    }
    // A stable sort over corpus order: any subset taken in this order is that subset sorted alike.
    this.byDate = Int32Array.from(Array.from(articles.keys()).sort((x, y) => inDateOrder(articles, x, y)));
    this.dates = [];
    for (const a of this.byDate) {
      const date = (articles[a] as Article).date;
      if (date === null) break;
      this.dates.push(date);
    }
  }

  /** The catalogue of `corpus`, made by one pass over its articles and a sort. */
  static of(corpus: Corpus): Catalog {
    return new Catalog(corpus);
  }

  /**
   * The catalogue of `corpus`, equal to `Catalog.of(corpus)`, made from `previous`, the catalogue
   * of a corpus whose articles were `before`: only the articles that are not the very same objects
   * at the same place in both are read (the others are renumbered by an array pass). `ends` is
   * `sameEnds(before, corpus.articles)`, when the caller has it already.
   */
  static after(
    previous: Catalog,
    before: readonly Article[],
    corpus: Corpus,
    ends: ArticleEnds = sameEnds(before, corpus.articles),
  ): Catalog {
    return new Catalog(corpus, { catalog: previous, before, ends });
  }

  /**
   * The positions [from, to) of `byDate` holding the articles dated from `since` to `until`
   * (inclusive; an open end when not given). Articles of unknown date are never inside.
   */
  dateRange(since: string | undefined, until: string | undefined): [number, number] {
    const from = since ? this.firstDateAfter(since, false) : 0;
    const to = until ? this.firstDateAfter(until, true) : this.dates.length;
    return [from, Math.max(from, to)];
  }

  /** The first position whose date is after `date` (or at it, unless `strictly`). */
  private firstDateAfter(date: string, strictly: boolean): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.dates[mid] as string;
      if (d < date || (strictly && d === date)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The display name of an event id, or null when the corpus does not define it. */
  eventName(id: string): string | null {
    return this.eventNames.get(id) ?? null;
  }
}

/** Corpus order of dates then titles then article numbers: the order `byDate` keeps. */
function inDateOrder(articles: readonly Article[], x: number, y: number): number {
  return byDateThenTitle(articles[x] as Article, articles[y] as Article) || x - y;
}

/** Every event's and outlet's span, by one pass over the articles. */
function allSpans(corpus: Corpus): { perEvent: Map<string, Span>; perSource: Map<string | null, Span> } {
  const perEvent = new Map<string, Span>(corpus.events.map((e) => [e.id, new Span()]));
  const perSource = new Map<string | null, Span>();
  for (const a of corpus.articles) addToSpans(perEvent, perSource, a);
  return { perEvent, perSource };
}

function addToSpans(perEvent: Map<string, Span>, perSource: Map<string | null, Span>, a: Article): void {
  if (a.event !== null) perEvent.get(a.event)?.add(a);
  let span = perSource.get(a.source);
  if (span === undefined) {
    span = new Span();
    perSource.set(a.source, span);
  }
  span.add(a);
}

/**
 * The spans after `removed` left and `added` came, each changed span copied (the previous
 * catalogue's are kept as they were); null when a removed article held a span's first or last date,
 * which only a pass over the others can tell again.
 */
function changedSpans(
  oldEvents: ReadonlyMap<string, Span>,
  oldSources: ReadonlyMap<string | null, Span>,
  removed: readonly Article[],
  added: readonly Article[],
): { perEvent: Map<string, Span>; perSource: Map<string | null, Span> } | null {
  const perEvent = new Map(oldEvents);
  const perSource = new Map(oldSources);
  const copied = new Set<Span>();
  const own = <K>(map: Map<K, Span>, key: K): Span | undefined => {
    const span = map.get(key);
    if (span === undefined || copied.has(span)) return span;
    const copy = span.copy();
    copied.add(copy);
    map.set(key, copy);
    return copy;
  };
  for (const a of removed) {
    const event = a.event === null ? undefined : own(perEvent, a.event);
    const source = own(perSource, a.source);
    if ((event !== undefined && !event.remove(a)) || (source !== undefined && !source.remove(a))) return null;
    if (source?.articles === 0) perSource.delete(a.source);
  }
  for (const a of added) {
    if (a.event !== null) own(perEvent, a.event);
    own(perSource, a.source);
    addToSpans(perEvent, perSource, a);
  }
  return { perEvent, perSource };
}

/**
 * `byDate` and its dates after a change that made `before[start, beforeEnd)` into
 * `articles[start, afterEnd)`: the kept articles renumbered in one pass (their order is kept), the
 * added ones put in place by binary search.
 */
function spliceByDate(
  old: Int32Array,
  oldDates: readonly string[],
  articles: readonly Article[],
  ends: ArticleEnds,
): { byDate: Int32Array; dates: string[] } {
  const { start, beforeEnd, afterEnd } = ends;
  // The same articles (an events file changed): the same order, shared as both are never written.
  if (start === beforeEnd && start === afterEnd) return { byDate: old, dates: oldDates as string[] };
  const shift = afterEnd - beforeEnd;
  const kept = new Int32Array(old.length - (beforeEnd - start));
  // The dates of the kept articles known to have one (a prefix of them, as in `old`), copied in
  // blocks between the positions of the articles that left.
  const keptDateRuns: ListRun<string>[] = [];
  let runFrom = 0;
  let k = 0;
  for (let i = 0; i < old.length; i++) {
    const a = old[i] as number;
    if (a >= start && a < beforeEnd) {
      if (i < oldDates.length) {
        keptDateRuns.push({ list: oldDates, from: runFrom, to: i });
        runFrom = i + 1;
      }
      continue;
    }
    kept[k++] = a < start ? a : a + shift;
  }
  keptDateRuns.push({ list: oldDates, from: runFrom, to: oldDates.length });
  const keptDates = joinRuns(keptDateRuns);
  const added = Array.from({ length: afterEnd - start }, (_, i) => start + i).sort((x, y) =>
    inDateOrder(articles, x, y),
  );
  const byDate = new Int32Array(articles.length);
  const dateRuns: ListRun<string>[] = [];
  let out = 0;
  let from = 0;
  const copyKept = (to: number) => {
    byDate.set(kept.subarray(from, to), out);
    if (from < keptDates.length) dateRuns.push({ list: keptDates, from, to: Math.min(to, keptDates.length) });
    out += to - from;
    from = to;
  };
  for (const a of added) {
    // Where it goes among the kept ones: not before `from`, as `added` is sorted.
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (inDateOrder(articles, kept[mid] as number, a) < 0) lo = mid + 1;
      else hi = mid;
    }
    copyKept(lo);
    byDate[out++] = a;
    const date = (articles[a] as Article).date;
    if (date !== null) dateRuns.push({ list: [date], from: 0, to: 1 });
  }
  copyKept(kept.length);
  return { byDate, dates: joinRuns(dateRuns) };
}

/** Articles of one event or outlet: how many, the first and last known dates, the events named. */
class Span {
  articles = 0;
  first: string | null = null;
  last: string | null = null;
  /** Each event named, with how many of the articles name it. */
  readonly eventCounts = new Map<string, number>();

  get events(): IterableIterator<string> {
    return this.eventCounts.keys();
  }

  add(a: Article): void {
    this.articles++;
    if (a.event !== null) this.eventCounts.set(a.event, (this.eventCounts.get(a.event) ?? 0) + 1);
    if (a.date === null) return;
    if (this.first === null || a.date < this.first) this.first = a.date;
    if (this.last === null || a.date > this.last) this.last = a.date;
  }

  /** Takes `a` out; false when its date was the first or last of others left, now unknown. */
  remove(a: Article): boolean {
    this.articles--;
    if (a.event !== null) {
      const n = (this.eventCounts.get(a.event) ?? 1) - 1;
      if (n === 0) this.eventCounts.delete(a.event);
      else this.eventCounts.set(a.event, n);
    }
    if (this.articles === 0) {
      this.first = null;
      this.last = null;
      return true;
    }
    return a.date === null || (a.date !== this.first && a.date !== this.last);
  }

  copy(): Span {
    const span = new Span();
    span.articles = this.articles;
    span.first = this.first;
    span.last = this.last;
    for (const [event, n] of this.eventCounts) span.eventCounts.set(event, n);
    return span;
  }
}

/** Known dates first, oldest first (a stable sort keeps rank order among equal dates). */
export function byDate(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

/** Known dates first, oldest first; then by title. */
export function byDateThenTitle(
  a: { date: string | null; title: string },
  b: { date: string | null; title: string },
): number {
  return byDate(a, b) || a.title.localeCompare(b.title);
}
