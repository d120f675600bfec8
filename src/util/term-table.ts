/**
 * Rows of term ids in two flat typed arrays, and a growable buffer to build them: the compact
 * form in which sentences, titles and passages carry their index terms (no per-row arrays).
 */

import { int32Array, uint8Array } from './shared-arrays.ts';

/** Rows of term ids: row r is ids[offsets[r], offsets[r + 1]). */
export interface TermTable {
  offsets: Int32Array;
  ids: Int32Array;
  /** Rows in use when the arrays have room for more (see `appendRows`); else offsets.length - 1. */
  rows?: number;
  /**
   * One byte per row that travels with it through `joinRows` and `appendRows` (a sentence's kind,
   * see passages/sentence-kinds.ts); rows of a table without tags get 0.
   */
  tags?: Uint8Array;
}

/** `count` rows of a term table from row `from`. */
export interface RowRun {
  table: TermTable;
  from: number;
  count: number;
}

/** Rows and ids written so far into the arrays of tables that have room (keyed by their offsets). */
const written = new WeakMap<Int32Array, { rows: number; size: number }>();

/** Rows in use of a table. */
export function rowCount(table: TermTable): number {
  return table.rows ?? table.offsets.length - 1;
}

/**
 * One term table of the rows of the runs, in order. With `room` > 1 its arrays are that many times
 * as large as needed, so that `appendRows` can later add rows without copying these.
 */
export function joinRows(runs: readonly RowRun[], room = 1): TermTable {
  let rows = 0;
  let size = 0;
  for (const { table, from, count } of runs) {
    rows += count;
    size += (table.offsets[from + count] as number) - (table.offsets[from] as number);
  }
  const offsets = int32Array(Math.ceil(rows * room) + 1);
  const ids = int32Array(Math.ceil(size * room));
  const tags = runs.some((r) => r.table.tags !== undefined) ? uint8Array(offsets.length - 1) : undefined;
  let row = 0;
  let at = 0;
  for (const { table, from, count } of runs) {
    const start = table.offsets[from] as number;
    const end = table.offsets[from + count] as number;
    ids.set(table.ids.subarray(start, end), at);
    if (tags !== undefined && table.tags !== undefined)
      tags.set(table.tags.subarray(from, from + count), row);
    for (let r = 1; r <= count; r++) offsets[row + r] = at + (table.offsets[from + r] as number) - start;
    row += count;
    at += end - start;
  }
  if (room > 1) written.set(offsets, { rows, size });
  const table: TermTable = room > 1 ? { offsets, ids, rows } : { offsets, ids };
  if (tags !== undefined) table.tags = tags;
  return table;
}

/**
 * `table` with the rows of `extra` after its own, written into its arrays' room — which tables
 * sharing them do not read, as each reads only its own rows — or null when they have no room left
 * or another table appended there first. Costs the size of `extra` alone.
 */
export function appendRows(table: TermTable, extra: TermTable): TermTable | null {
  const rows = rowCount(table);
  const size = table.offsets[rows] as number;
  const state = written.get(table.offsets);
  const more = rowCount(extra);
  const first = extra.offsets[0] as number;
  const added = (extra.offsets[more] as number) - first;
  if (state === undefined || state.rows !== rows || state.size !== size) return null;
  if (rows + more + 1 > table.offsets.length || size + added > table.ids.length) return null;
  // Tags the table lacks room for (or has none of, when `extra` has some) are left to `joinRows`.
  const { tags } = table;
  if (extra.tags !== undefined && (tags === undefined || rows + more > tags.length)) return null;
  table.ids.set(extra.ids.subarray(first, first + added), size);
  for (let r = 1; r <= more; r++) table.offsets[rows + r] = size + (extra.offsets[r] as number) - first;
  if (tags !== undefined) {
    if (extra.tags === undefined) tags.fill(0, rows, rows + more);
    else tags.set(extra.tags.subarray(0, more), rows);
  }
  written.set(table.offsets, { rows: rows + more, size: size + added });
  const appended: TermTable = { offsets: table.offsets, ids: table.ids, rows: rows + more };
  if (tags !== undefined) appended.tags = tags;
  return appended;
}

/** A growable Int32Array: `push` amortised O(1), `toArray` a right-sized copy. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The value at index i (< length). */
  at(i: number): number {
    return this.data[i] as number;
  }

  /** The values pushed so far, in a new array of exactly that length. */
  toArray(): Int32Array {
    const out = int32Array(this.length);
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

/** Builds term tables row by row: append a row's ids, then `endRow`. */
export class TermTableBuilder {
  readonly ids = new IntBuffer(1 << 16);
  private readonly offsets = new IntBuffer(1 << 12);

  constructor() {
    this.offsets.push(0);
  }

  /** Number of rows ended so far. */
  get rows(): number {
    return this.offsets.length - 1;
  }

  /** Closes the current row (the ids pushed since the previous `endRow`). */
  endRow(): void {
    this.offsets.push(this.ids.length);
  }

  build(): TermTable {
    return { offsets: this.offsets.toArray(), ids: this.ids.toArray() };
  }
}
