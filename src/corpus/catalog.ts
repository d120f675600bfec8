/**
 * What a corpus holds, summarised once: its events and outlets with their article counts and the
 * dates of their coverage, and its articles in date order. A corpus is never changed once read (a
 * refresh reads a new one), so an index makes its catalogue once and every reply reads it.
 */
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

  constructor(corpus: Corpus) {
    const { articles } = corpus;
    this.eventNames = new Map(corpus.events.map((e) => [e.id, e.name]));
    const perEvent = new Map<string, Span>(corpus.events.map((e) => [e.id, new Span()]));
    const perSource = new Map<string | null, Span>();
    for (const a of articles) {
      if (a.event !== null) perEvent.get(a.event)?.add(a);
      let span = perSource.get(a.source);
      if (span === undefined) {
        span = new Span();
        perSource.set(a.source, span);
      }
      span.add(a);
    }
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
    // A stable sort over corpus order: any subset taken in this order is that subset sorted alike.
    this.byDate = Int32Array.from(
      Array.from(articles.keys()).sort((x, y) =>
        byDateThenTitle(articles[x] as Article, articles[y] as Article),
      ),
    );
    this.dates = [];
    for (const a of this.byDate) {
      const date = (articles[a] as Article).date;
      if (date === null) break;
      this.dates.push(date);
    }
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

/** Articles of one event or outlet: how many, the first and last known dates, the events named. */
class Span {
  articles = 0;
  first: string | null = null;
  last: string | null = null;
  readonly events = new Set<string>();

  add(a: Article): void {
    this.articles++;
    if (a.event !== null) this.events.add(a.event);
    if (a.date === null) return;
    if (this.first === null || a.date < this.first) this.first = a.date;
    if (this.last === null || a.date > this.last) this.last = a.date;
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
