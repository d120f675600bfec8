/**
 * A map from whole numbers to small non-negative ids in an open-addressing table of typed arrays:
 * a Map keyed by numbers past 2^31 hashes a heap number at every lookup, this reads two arrays.
 */

/** Largest share of slots in use before the table doubles. */
const MAX_LOAD = 0.5;

export class NumberIds {
  private keys = new Float64Array(1024);
  /** 1 + the id of the key in the same slot; 0 for an empty slot. */
  private values = new Int32Array(1024);
  private count = 0;

  /** Number of keys held. */
  get size(): number {
    return this.count;
  }

  /** The id of `key` (a whole number, 0 ≤ key < 2^53), or -1 when it has none. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const value = this.values[slot] as number;
      if (value === 0) return -1;
      if (this.keys[slot] === key) return value - 1;
    }
  }

  /** Gives `key` the id `id` (≥ 0); a key that has one must not be set again. */
  set(key: number, id: number): void {
    if (this.count + 1 > this.keys.length * MAX_LOAD) this.grow();
    this.place(key, id + 1);
    this.count++;
  }

  /** Forgets every key. */
  clear(): void {
    this.values.fill(0);
    this.count = 0;
  }

  private place(key: number, value: number): void {
    const mask = this.keys.length - 1;
    let slot = slotOf(key, mask);
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2);
    for (let slot = 0; slot < keys.length; slot++)
      if (values[slot] !== 0) this.place(keys[slot] as number, values[slot] as number);
  }
}

/** The first slot of a whole number `key` in a table of mask + 1 slots: its low and high 32 bits mixed (murmur3's finaliser). */
export function slotOf(key: number, mask: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
