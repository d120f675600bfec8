/** Detection of the same text run by several outlets (syndicated wire copy), by word shingles. */

import { grownInts } from '../util/grown.ts';
import { NumberIds } from '../util/number-ids.ts';

const SHINGLE_WORDS = 4;
const NOT_ASCII = /[\u0080-\uffff]/;
/** Share of the smaller text's shingles found in the other above which two texts are copies. */
export const COPY_CONTAINMENT = 0.6;
/** Texts with fewer shingles than this are too short to call copies. */
export const MIN_SHINGLES = 3;

/** The set of 4-word shingles of a text, case and punctuation folded. */
export function shingles(text: string): Set<string> {
  // NFKD leaves ASCII as it is; most excerpts are ASCII.
  const folded = NOT_ASCII.test(text) ? text.normalize('NFKD') : text;
  const words = folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  // Joined by hand: no array per shingle (SHINGLE_WORDS is 4).
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]} ${words[i + 3]}`);
  return out;
}

/** True when one text's shingles are mostly contained in the other's: the same copy, trimmed or not. */
export function isSameCopy(a: Set<string>, b: Set<string>, containment = COPY_CONTAINMENT): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size >= containment;
}

/** Pair numbers stay below this, so that two of them make one exact number (2^26 · 2^26 = 2^52). */
const PAIR_LIMIT = 2 ** 26;
/** Words numbered below this make a pair key that is a small integer (2^15 · 2^15 = 2^30). */
const SMALL_WORD = 2 ** 15;
/** Four words numbered below this make one exact number (four 13-bit numbers, 52 bits). */
const PACKED_WORD = 2 ** 13;
/** Slots of the answer's word table at first (a power of two); it doubles when half full. */
const WORD_SLOTS = 2048;
/** Long or non-ASCII words numbered before their numbering starts again (between answers). */
const KEPT_NAMED = 100_000;
/** ASCII words up to this long are keyed by a number (37^10 < 2^53), longer ones by their text. */
const NUMBERED_WORD = 10;
/**
 * Characters outside ASCII that neither are letters or digits nor fold into any (typographic
 * quotes and dashes, the ellipsis, no-break space): in text of ASCII and these, words are ASCII.
 */
const PLAIN_PUNCTUATION = /^[\u00a0\u2010-\u2015\u2018-\u201f\u2026]$/;

/**
 * The shingles of many texts as numbers, for comparing the excerpts of one answer without a
 * string per shingle: words are numbered as first seen in the answer, and a shingle is its four
 * word numbers packed into one (or, past 8,191 words, its two word pairs' numbers), so two texts
 * share a number exactly when they share a shingle (as `shingles` folds them). Numbers are only
 * comparable between texts coded since the last `reset`.
 */
export class ShingleCoder {
  /**
   * The current answer's number of each word keyed by a number (ASCII words up to NUMBERED_WORD
   * long): sized for one answer's words, so it stays in the CPU's caches, and cleared by `reset`.
   */
  private readonly numbered = new NumberIds(WORD_SLOTS);
  /**
   * A lasting number per other word (longer, or not ASCII), kept across answers so that an answer
   * adds no map entries, and its number in the current answer where `namedStamp` is `answer`.
   */
  private readonly named = new Map<string, number>();
  private namedLocal = new Int32Array(1024);
  private namedStamp = new Int32Array(1024);
  private answer = 1;
  /** Words numbered in the current answer, of both kinds. */
  private localCount = 0;
  private readonly pairs = new Map<number, number>();
  private wordIds = new Int32Array(256);
  /** The shingles of the texts coded since the last reset, one after the other. */
  private store = new Float64Array(1024);
  private stored = 0;
  /** Per coded text (by its number since the reset), where its shingles start in `store` and how many. */
  private starts = new Int32Array(64);
  private counts = new Int32Array(64);
  private texts = 0;
  /** Whether each non-ASCII character code is plain punctuation (1) or not (2); 0 not yet known. */
  private readonly plain = new Uint8Array(65536);

  /** Starts a new answer: numbers of earlier texts are no longer comparable. */
  reset(): void {
    if (++this.answer === 0x7fffffff) {
      this.namedStamp.fill(0);
      this.answer = 1;
    }
    this.numbered.clear();
    this.localCount = 0;
    this.stored = 0;
    this.texts = 0;
    if (this.pairs.size > 0) this.pairs.clear();
    if (this.named.size > KEPT_NAMED) this.named.clear();
  }

  /** The distinct shingles of `text` (as `shingles` folds it), as ascending numbers. */
  code(text: string): Float64Array {
    const coded = this.add(text);
    const start = this.starts[coded] as number;
    return this.store.slice(start, start + (this.counts[coded] as number));
  }

  /**
   * Codes `text` among the texts of the current answer, keeping its shingles in the coder (no
   * array per text): its number since the last `reset`, for `sameCopy`.
   */
  add(text: string): number {
    const n = this.readPlain(text);
    const count = this.shinglesOf(n >= 0 ? n : this.readFolded(text));
    if (this.texts === this.starts.length) {
      this.starts = grownInts(this.starts, this.texts + 1);
      this.counts = grownInts(this.counts, this.texts + 1);
    }
    this.starts[this.texts] = this.stored;
    this.counts[this.texts] = count;
    this.stored += count;
    return this.texts++;
  }

  /** `isSameCopy` for two texts `add` coded since the last reset, by their numbers. */
  sameCopy(a: number, b: number, containment = COPY_CONTAINMENT): boolean {
    const small = (this.counts[a] as number) <= (this.counts[b] as number) ? a : b;
    const large = small === a ? b : a;
    const smallCount = this.counts[small] as number;
    if (smallCount < MIN_SHINGLES) return false;
    const { store } = this;
    const smallEnd = (this.starts[small] as number) + smallCount;
    const largeEnd = (this.starts[large] as number) + (this.counts[large] as number);
    // Both runs ascend: one merge counts what they share.
    let shared = 0;
    for (
      let i = this.starts[small] as number, j = this.starts[large] as number;
      i < smallEnd && j < largeEnd;
    ) {
      const x = store[i] as number;
      const y = store[j] as number;
      if (x === y) {
        shared++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return shared / smallCount >= containment;
  }

  /**
   * Numbers the words of text made of ASCII and plain punctuation into `wordIds`, reading
   * characters in place; -1 for other text.
   */
  private readPlain(text: string): number {
    let n = 0;
    let key = 0;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      let digit = 0;
      if (c >= 97 && c <= 122) digit = c - 86;
      else if (c >= 65 && c <= 90) digit = c - 54;
      else if (c >= 48 && c <= 57) digit = c - 47;
      else if (c >= 128 && !this.isPlain(c)) return -1;
      if (digit !== 0) {
        if (start < 0) {
          start = i;
          key = 0;
        }
        key = key * 37 + digit;
        continue;
      }
      if (start < 0) continue;
      this.room(n + 1)[n++] =
        i - start <= NUMBERED_WORD
          ? this.numberedWord(key)
          : this.namedWord(text.slice(start, i).toLowerCase());
      start = -1;
    }
    return n;
  }

  /** Numbers the words of any text, folded as `shingles` folds it, into `wordIds`. */
  private readFolded(text: string): number {
    const folded = NOT_ASCII.test(text) ? text.normalize('NFKD') : text;
    const list = folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const ids = this.room(list.length);
    for (let i = 0; i < list.length; i++) {
      const word = list[i] as string;
      ids[i] =
        word.length <= NUMBERED_WORD && /^[a-z0-9]+$/.test(word)
          ? this.numberedWord(keyOf(word))
          : this.namedWord(word);
    }
    return list.length;
  }

  private isPlain(c: number): boolean {
    let known = this.plain[c];
    if (known === 0) {
      known = PLAIN_PUNCTUATION.test(String.fromCharCode(c)) ? 1 : 2;
      this.plain[c] = known;
    }
    return known === 1;
  }

  /** The current answer's number of the word of `key` (see `readPlain`): small, so shingles pack. */
  private numberedWord(key: number): number {
    let local = this.numbered.get(key);
    if (local < 0) {
      local = this.localCount++;
      this.numbered.set(key, local);
    }
    return local;
  }

  /** The current answer's number of a word keyed by its text. */
  private namedWord(word: string): number {
    let id = this.named.get(word);
    if (id === undefined) {
      id = this.named.size;
      this.named.set(word, id);
      if (id === this.namedStamp.length) {
        this.namedStamp = grownInts(this.namedStamp, id + 1);
        this.namedLocal = grownInts(this.namedLocal, id + 1);
      }
    }
    if (this.namedStamp[id] !== this.answer) {
      this.namedStamp[id] = this.answer;
      this.namedLocal[id] = this.localCount++;
    }
    return this.namedLocal[id] as number;
  }

  /** `wordIds` with room for n numbers. */
  private room(n: number): Int32Array {
    if (n > this.wordIds.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.wordIds);
      this.wordIds = grown;
    }
    return this.wordIds;
  }

  /**
   * Appends the distinct shingles of the n words in `wordIds` to `store`, ascending, past its
   * `stored` numbers (which it leaves as they are); how many.
   */
  private shinglesOf(n: number): number {
    this.room(n);
    const { wordIds } = this;
    const count = Math.max(0, n - SHINGLE_WORDS + 1);
    if (this.stored + count > this.store.length) {
      const grown = new Float64Array(Math.max(this.stored + count, this.store.length * 2));
      grown.set(this.store.subarray(0, this.stored));
      this.store = grown;
    }
    const { store } = this;
    const from = this.stored;
    for (let i = 0; i < count; i++) {
      const a = wordIds[i] as number;
      const b = wordIds[i + 1] as number;
      const c = wordIds[i + 2] as number;
      const d = wordIds[i + 3] as number;
      // Four small word numbers make the shingle's number themselves; others go through pairs.
      store[from + i] =
        a < PACKED_WORD && b < PACKED_WORD && c < PACKED_WORD && d < PACKED_WORD
          ? ((a * PACKED_WORD + b) * PACKED_WORD + c) * PACKED_WORD + d
          : -(this.pairOf(a, b) * PAIR_LIMIT + this.pairOf(c, d)) - 1;
    }
    sortRange(store, from, from + count);
    let distinct = 0;
    for (let i = 0; i < count; i++)
      if (i === 0 || store[from + i] !== store[from + i - 1])
        store[from + distinct++] = store[from + i] as number;
    return distinct;
  }

  /** The number of the word pair (a, b) in the current answer. */
  private pairOf(a: number, b: number): number {
    // Distinct keys for every (a, b): non-negative small integers mostly, negative past them.
    const key = a < SMALL_WORD && b < SMALL_WORD ? a * SMALL_WORD + b : -(a * PAIR_LIMIT + b) - 1;
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.pairs.size;
      if (id >= PAIR_LIMIT) throw new Error('ShingleCoder: too many word pairs; reset between answers');
      this.pairs.set(key, id);
    }
    return id;
  }
}

/**
 * Sorts `a[from, to)` ascending in place (integers, no NaN): insertion sort for short ranges,
 * else quicksort around a median of three. No view or comparator is made.
 */
function sortRange(a: Float64Array, from: number, to: number): void {
  while (to - from > 16) {
    const mid = (from + to) >>> 1;
    const x = a[from] as number;
    const y = a[mid] as number;
    const z = a[to - 1] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = from;
    let j = to - 1;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i++] = a[j] as number;
        a[j--] = t;
      }
    }
    // Recurse on the smaller side, loop on the larger.
    if (j + 1 - from < to - i) {
      sortRange(a, from, j + 1);
      from = i;
    } else {
      sortRange(a, i, to);
      to = j + 1;
    }
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i] as number;
    let k = i - 1;
    while (k >= from && (a[k] as number) > v) {
      a[k + 1] = a[k] as number;
      k--;
    }
    a[k + 1] = v;
  }
}

/** The number of a lower-case ASCII word of letters and digits (as `readPlain` computes it). */
function keyOf(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    key = key * 37 + (c >= 97 ? c - 86 : c - 47);
  }
  return key;
}
