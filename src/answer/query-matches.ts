/**
 * Which of a question's terms occur in rows of a term table (sentences, titles): how many distinct
 * ones and the sum of their IDF, counted with marks in typed arrays, so ranking and excerpt choice
 * allocate no set per candidate passage or sentence. A term may be matched by another word for it
 * (see search/expansions.ts), which earns a share of its weight.
 */
import type { TermTable } from '../util/term-table.ts';

/** One topic term of a question: its weight, and the term ids that match it with their credit. */
export interface QueryTerm {
  weight: number;
  /** Term ids matching it, with the share of its weight each earns (1 for the term itself). */
  ids: ReadonlyArray<{ id: number; credit: number }>;
}

/** Counts distinct query terms over rows of term tables; one instance per index, one query at a time. */
export class QueryMatcher {
  /** Distinct query terms found since `begin`. */
  count = 0;
  /** Sum of their weights (times the best credit found for each), added in the order found. */
  weight = 0;
  private readonly queryMark: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly creditOf: Float64Array;
  private slotWeight = new Float64Array(16);
  private slotRound = new Int32Array(16);
  private slotCredit = new Float64Array(16);
  /** The same marks for one row at a time (see `addRowsEach`). */
  private rowRound = new Int32Array(16);
  private rowCredit = new Float64Array(16);
  private rowNumber = 0;
  private query = 0;
  private round = 0;
  /** Number of topic terms of the current query. */
  private slots = 0;

  constructor(termCount: number) {
    this.queryMark = new Int32Array(termCount);
    this.slotOf = new Int32Array(termCount);
    this.creditOf = new Float64Array(termCount);
  }

  /**
   * Makes these terms the current query and returns its number; `begin` takes that number, so a
   * query prepared before another one cannot be counted by mistake. An id listed under two terms
   * counts for the first.
   */
  setQuery(queryTerms: readonly QueryTerm[]): number {
    this.query++;
    this.slots = queryTerms.length;
    if (queryTerms.length > this.slotWeight.length) {
      const size = Math.max(queryTerms.length, this.slotWeight.length * 2);
      this.slotWeight = new Float64Array(size);
      this.slotRound = new Int32Array(size);
      this.slotCredit = new Float64Array(size);
      this.rowRound = new Int32Array(size);
      this.rowCredit = new Float64Array(size);
      this.round = 0;
      this.rowNumber = 0;
    }
    queryTerms.forEach((term, slot) => {
      this.slotWeight[slot] = term.weight;
      this.slotRound[slot] = 0;
      for (const { id, credit } of term.ids) {
        if (this.queryMark[id] === this.query) continue;
        this.queryMark[id] = this.query;
        this.slotOf[id] = slot;
        this.creditOf[id] = credit;
      }
    });
    return this.query;
  }

  /** Starts a new count for the query numbered `query`. */
  begin(query: number): void {
    if (query !== this.query) throw new Error('QueryMatcher: the query was replaced by a newer one');
    this.round++;
    this.count = 0;
    this.weight = 0;
  }

  /** How many of the query terms flagged in `slots` (by their order in `setQuery`) were not found since `begin`. */
  missingOf(slots: Uint8Array): number {
    let missing = 0;
    for (let slot = 0; slot < this.slots; slot++)
      if (slots[slot] === 1 && this.slotRound[slot] !== this.round) missing++;
    return missing;
  }

  /** The largest weight of a query term not found since `begin` (0 when all were). */
  get largestMissing(): number {
    let largest = 0;
    for (let slot = 0; slot < this.slots; slot++)
      if (this.slotRound[slot] !== this.round) largest = Math.max(largest, this.slotWeight[slot] as number);
    return largest;
  }

  /** Adds the query terms of rows [fromRow, toRow) of `table`. */
  addRows(table: TermTable, fromRow: number, toRow: number): void {
    const { offsets, ids } = table;
    const { queryMark, slotOf, creditOf, slotWeight, slotRound, slotCredit, query, round } = this;
    for (let i = offsets[fromRow] ?? 0, end = offsets[toRow] ?? 0; i < end; i++) {
      const id = ids[i] as number;
      if (id < 0 || queryMark[id] !== query) continue;
      const slot = slotOf[id] as number;
      const credit = creditOf[id] as number;
      if (slotRound[slot] !== round) {
        slotRound[slot] = round;
        slotCredit[slot] = credit;
        this.count++;
        this.weight += (slotWeight[slot] as number) * credit;
      } else if (credit > (slotCredit[slot] as number)) {
        this.weight += (slotWeight[slot] as number) * (credit - (slotCredit[slot] as number));
        slotCredit[slot] = credit;
      }
    }
  }

  /**
   * Adds the query terms of rows [fromRow, toRow) of `table`, as `addRows` does, and writes each
   * row's own count and weight (as if counted alone) into `counts` and `weights` from index 0:
   * one pass for a passage and its sentences.
   */
  addRowsEach(
    table: TermTable,
    fromRow: number,
    toRow: number,
    counts: Int32Array,
    weights: Float64Array,
  ): void {
    const { offsets, ids } = table;
    const {
      queryMark,
      slotOf,
      creditOf,
      slotWeight,
      slotRound,
      slotCredit,
      rowRound,
      rowCredit,
      query,
      round,
    } = this;
    for (let r = fromRow; r < toRow; r++) {
      const row = ++this.rowNumber;
      let count = 0;
      let weight = 0;
      for (let i = offsets[r] ?? 0, end = offsets[r + 1] ?? 0; i < end; i++) {
        const id = ids[i] as number;
        if (id < 0 || queryMark[id] !== query) continue;
        const slot = slotOf[id] as number;
        const credit = creditOf[id] as number;
        const w = slotWeight[slot] as number;
        if (rowRound[slot] !== row) {
          rowRound[slot] = row;
          rowCredit[slot] = credit;
          count++;
          weight += w * credit;
        } else if (credit > (rowCredit[slot] as number)) {
          weight += w * (credit - (rowCredit[slot] as number));
          rowCredit[slot] = credit;
        }
        if (slotRound[slot] !== round) {
          slotRound[slot] = round;
          slotCredit[slot] = credit;
          this.count++;
          this.weight += w * credit;
        } else if (credit > (slotCredit[slot] as number)) {
          this.weight += w * (credit - (slotCredit[slot] as number));
          slotCredit[slot] = credit;
        }
      }
      counts[r - fromRow] = count;
      weights[r - fromRow] = weight;
    }
  }
}
