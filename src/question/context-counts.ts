/**
 * The corpus metadata a question is read against (outlets, the years of each month and day),
 * counted per article so that a change adds and takes away only the articles it changed.
 */

/** The metadata of an article that question reading uses. */
export interface ArticleMetadata {
  source: string | null;
  date: string | null;
}

/** Outlets and years of a corpus' articles, with how many articles give each. */
export class ContextCounts {
  private sourceList: string[] | null = null;

  private constructor(
    /** Month ("08") or month and day ("08-26") to year to articles. */
    private readonly years: Map<string, Map<number, number>>,
    /** Outlet to articles, outlets in the order they were first counted. */
    private readonly sources: Map<string, number>,
  ) {}

  /** The counts of `articles`, one pass. */
  static of(articles: Iterable<ArticleMetadata>): ContextCounts {
    const counts = new ContextCounts(new Map(), new Map());
    for (const a of articles) counts.count(a, 1);
    return counts;
  }

  /** The counts once `removed` are taken away and `added` counted; these stay as they are. */
  after(removed: Iterable<ArticleMetadata>, added: Iterable<ArticleMetadata>): ContextCounts {
    const years = new Map([...this.years].map(([key, perYear]) => [key, new Map(perYear)]));
    const next = new ContextCounts(years, new Map(this.sources));
    for (const a of removed) next.count(a, -1);
    for (const a of added) next.count(a, 1);
    // The same outlets keep the same list, so what is made from it once (folded names) is kept.
    if (next.sources.size === this.sources.size && [...next.sources.keys()].every((s) => this.sources.has(s)))
      next.sourceList = this.outlets();
    return next;
  }

  /** The outlets the articles name. */
  outlets(): string[] {
    this.sourceList ??= [...this.sources.keys()];
    return this.sourceList;
  }

  /** Each month and month-day with the years articles fall on it, ascending. */
  yearsByKey(): Map<string, number[]> {
    return new Map([...this.years].map(([key, perYear]) => [key, [...perYear.keys()].sort()]));
  }

  private count(a: ArticleMetadata, by: 1 | -1): void {
    if (a.source !== null) bump(this.sources, a.source, by);
    if (a.date === null) return;
    const year = Number(a.date.slice(0, 4));
    for (const key of [a.date.slice(5, 7), a.date.slice(5, 10)]) {
      let perYear = this.years.get(key);
      if (perYear === undefined) {
        perYear = new Map();
        this.years.set(key, perYear);
      }
      bump(perYear, year, by);
      if (perYear.size === 0) this.years.delete(key);
    }
  }
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
