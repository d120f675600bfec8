/**
 * A memo of a pure function that forgets everything when it holds `limit` entries: lookups stay
 * one Map access, and memory stays bounded on endless new keys.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The remembered value of `key`, or `compute(key)`, remembered. */
  get(key: K, compute: (key: K) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  /** The remembered value of `key`, or undefined; remembers nothing. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** How many entries are remembered now. */
  get size(): number {
    return this.entries.size;
  }
}
