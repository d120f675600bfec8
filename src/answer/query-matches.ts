/**
 * Which of a question's terms occur in rows of a term table (sentences, titles): how many distinct
 * ones and the sum of their IDF, counted with marks in typed arrays, so ranking and excerpt choice
 * allocate no set per candidate passage or sentence.
 */
import type { TermTable } from '../util/term-table.ts';

/** Counts distinct query terms over rows of term tables; one instance per index, one query at a time. */
export class QueryMatcher {
  /** Distinct query terms found since `begin`. */
  count = 0;
  /** Sum of their IDF, added in the order they were first found. */
  weight = 0;
  private readonly queryMark: Int32Array;
  private readonly idf: Float64Array;
  private readonly foundMark: Int32Array;
  private query = 0;
  private round = 0;

  constructor(termCount: number) {
    this.queryMark = new Int32Array(termCount);
    this.idf = new Float64Array(termCount);
    this.foundMark = new Int32Array(termCount);
  }

  /**
   * Makes these term ids (with their IDF) the current query and returns its number; `begin` takes
   * that number, so a query prepared before another one cannot be counted by mistake.
   */
  setQuery(idfById: Map<number, number>): number {
    this.query++;
    for (const [id, idf] of idfById) {
      this.queryMark[id] = this.query;
      this.idf[id] = idf;
    }
    return this.query;
  }

  /** Starts a new count for the query numbered `query`. */
  begin(query: number): void {
    if (query !== this.query) throw new Error('QueryMatcher: the query was replaced by a newer one');
    this.round++;
    this.count = 0;
    this.weight = 0;
  }

  /** Adds the query terms of rows [fromRow, toRow) of `table`. */
  addRows(table: TermTable, fromRow: number, toRow: number): void {
    const { offsets, ids } = table;
    const { queryMark, foundMark, idf, query, round } = this;
    for (let i = offsets[fromRow] ?? 0, end = offsets[toRow] ?? 0; i < end; i++) {
      const id = ids[i] as number;
      if (id < 0 || queryMark[id] !== query || foundMark[id] === round) continue;
      foundMark[id] = round;
      this.count++;
      this.weight += idf[id] as number;
    }
  }
}
