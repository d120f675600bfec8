/**
 * A map from whole numbers to small non-negative ids in an open-addressing table of typed arrays:
 * a Map keyed by numbers past 2^31 hashes a heap number at every lookup, this reads two arrays.
 */

/** Largest share of slots in use before the table doubles. */
const MAX_LOAD = 0.5;

export class NumberIds {
  private keys: Float64Array;
  /** The id of the key in the same slot, where `stamps` holds the current generation. */
  private values: Int32Array;
  /** The generation each slot was filled in: a slot of an earlier one is empty, so `clear` is O(1). */
  private stamps: Int32Array;
  private generation = 1;
  private count = 0;

  /** A table of `slots` slots at first (a power of two); it doubles when half full. */
  constructor(slots = 1024) {
    this.keys = new Float64Array(slots);
    this.values = new Int32Array(slots);
    this.stamps = new Int32Array(slots);
  }

  /** Number of keys held. */
  get size(): number {
    return this.count;
  }

  /** The id of `key` (a whole number, 0 ≤ key < 2^53), or -1 when it has none. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.generation) return -1;
      if (this.keys[slot] === key) return this.values[slot] as number;
    }
  }

  /** Gives `key` the id `id` (≥ 0); a key that has one must not be set again. */
  set(key: number, id: number): void {
    if (this.count + 1 > this.keys.length * MAX_LOAD) this.grow();
    this.place(key, id);
    this.count++;
  }

  /** Forgets every key, keeping the table's size. */
  clear(): void {
    this.count = 0;
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  private place(key: number, id: number): void {
    const mask = this.keys.length - 1;
    let slot = slotOf(key, mask);
    while (this.stamps[slot] === this.generation) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.values[slot] = id;
    this.stamps[slot] = this.generation;
  }

  private grow(): void {
    const { keys, values, stamps, generation } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2);
    this.stamps = new Int32Array(stamps.length * 2);
    for (let slot = 0; slot < keys.length; slot++)
      if (stamps[slot] === generation) this.place(keys[slot] as number, values[slot] as number);
  }
}

/** The first slot of a whole number `key` in a table of mask + 1 slots: its low and high 32 bits mixed (murmur3's finaliser). */
function slotOf(key: number, mask: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
