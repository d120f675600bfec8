/**
 * A memo of a pure function over strings that forgets entries when it holds `limit`: lookups stay
 * one Map access, and memory stays bounded on endless new keys.
 */

/** Most maps a memo's entries are spread over. */
const MAX_SHARDS = 64;
/** Fewest entries a shard may hold: a small memo is one map. */
const MIN_SHARD = 1024;

/**
 * Its entries are spread over up to 64 maps by a cheap hash of the key: a Map doubles by copying
 * all its entries, which at 262,144 words kept the question that added the next one waiting
 * ~9 ms; a shard copies a 64th of that. A full shard forgets its own entries.
 */
export class BoundedMemo<K extends string, V> {
  private readonly shards: Array<Map<K, V>>;
  private readonly shardLimit: number;

  constructor(limit: number) {
    // A power of two, so that a shard is picked by a mask.
    let count = 1;
    while (count < MAX_SHARDS && count * 2 * MIN_SHARD <= limit) count *= 2;
    this.shards = Array.from({ length: count }, () => new Map<K, V>());
    this.shardLimit = Math.ceil(limit / count);
  }

  /** The shard of `key`, by a hash of its length and four of its characters. */
  private shardOf(key: K): Map<K, V> {
    const shards = this.shards;
    if (shards.length === 1) return shards[0] as Map<K, V>;
    const n = key.length;
    let h = Math.imul(n ^ (key.charCodeAt(n - 1) | 0), 0x01000193);
    h = Math.imul(h ^ (key.charCodeAt(n >> 1) | 0), 0x01000193);
    h = Math.imul(h ^ (key.charCodeAt((3 * n) >> 2) | 0), 0x01000193);
    h = Math.imul(h ^ (key.charCodeAt(n >> 2) | 0), 0x01000193);
    return shards[(h ^ (h >>> 15)) & (shards.length - 1)] as Map<K, V>;
  }

  /** The remembered value of `key`, or `compute(key)`, remembered. */
  get(key: K, compute: (key: K) => V): V {
    const entries = this.shardOf(key);
    let value = entries.get(key);
    if (value === undefined) {
      value = compute(key);
      if (entries.size >= this.shardLimit) entries.clear();
      entries.set(key, value);
    }
    return value;
  }

  /** The remembered value of `key`, or undefined; remembers nothing. */
  peek(key: K): V | undefined {
    return this.shardOf(key).get(key);
  }

  /** How many entries are remembered now. */
  get size(): number {
    let size = 0;
    for (const shard of this.shards) size += shard.size;
    return size;
  }
}
