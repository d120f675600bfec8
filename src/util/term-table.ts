/**
 * Rows of term ids in two flat typed arrays, and a growable buffer to build them: the compact
 * form in which sentences, titles and passages carry their index terms (no per-row arrays).
 */

/** Rows of term ids: row r is ids[offsets[r], offsets[r + 1]). */
export interface TermTable {
  offsets: Int32Array;
  ids: Int32Array;
}

/** A growable Int32Array: `push` amortised O(1), `toArray` a right-sized copy. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
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
    return this.data.slice(0, this.length);
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
