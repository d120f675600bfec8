/**
 * The raw words of a text, numbered: a word is what the WORD pattern of tokenize.ts matches
 * (letters and digits, joined by inner dots, commas or apostrophes, with a final dot), read in place
 * without making a string, and found in an open-addressing table by its characters. A word table
 * does not normalise: it only tells words apart, so that a corpus can be scanned on several
 * threads first and each distinct word normalised once afterwards.
 */
import { wordRole } from '../passages/sentence-kinds.ts';
import { int32Array, uint16Array } from '../util/shared-arrays.ts';
import { IntBuffer } from '../util/term-table.ts';

/** Word characters (letters and digits, as \p{L} and \p{N}): 1 yes, 2 no, 0 not yet known. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);
const ASTRAL_WORD_CHAR = new Map<number, boolean>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Code units of the word character at text[i] (1, or 2 for a surrogate pair), 0 when there is none before `to`. */
function wordCharAt(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      let known = ASTRAL_WORD_CHAR.get(cp);
      if (known === undefined) {
        known = WORD_CHAR.test(String.fromCodePoint(cp));
        ASTRAL_WORD_CHAR.set(cp, known);
      }
      return known ? 2 : 0;
    }
  }
  let known = BMP_WORD_CHAR[c] as number;
  if (known === 0) {
    known = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP_WORD_CHAR[c] = known;
  }
  return known === 1 ? 1 : 0;
}

/** Where the word that starts at a word character `start` ends, reading no further than `to`. */
function wordEnd(text: string, start: number, to: number): number {
  let pos = start;
  for (;;) {
    for (let n = wordCharAt(text, pos, to); n > 0; n = wordCharAt(text, pos, to)) pos += n;
    const c = text.charCodeAt(pos);
    // An inner . , ' or ’ followed by a word character joins the next run.
    if (pos < to && (c === 46 || c === 44 || c === 39 || c === 0x2019) && wordCharAt(text, pos + 1, to) > 0) {
      pos++;
      continue;
    }
    return pos < to && c === 46 ? pos + 1 : pos;
  }
}

/** The string of the UTF-16 code units chars[from, to). */
function stringOf(chars: Uint16Array, from: number, to: number): string {
  let word = '';
  // Chunks keep String.fromCharCode's argument count small.
  for (let at = from; at < to; at += 1024)
    word += String.fromCharCode.apply(
      null,
      chars.subarray(at, Math.min(to, at + 1024)) as unknown as number[],
    );
  return word;
}

/**
 * Words as their characters (plain data, shared with or handed to another thread without
 * copying): word i is the code units chars[starts[i], starts[i + 1]). See `WordTable.share`,
 * `WordTable.charsFrom` and `charsWord`.
 */
export interface WordChars {
  chars: Uint16Array;
  starts: Int32Array;
}

/** Word i of `words`, as a string. */
export function charsWord(words: WordChars, i: number): string {
  return stringOf(words.chars, words.starts[i] as number, words.starts[i + 1] as number);
}

/** Number of words of `words`. */
export function charsWordCount(words: WordChars): number {
  return words.starts.length - 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of text[start, end): FNV-1a over its UTF-16 code units, then its length mixed in. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ (end - start), FNV_PRIME);
}

/** What an ASCII character is to a word: part of it (letter, digit), a joiner (. , '), or neither. */
const NEITHER = 0;
const WORD_PART = 1;
const JOINER = 2;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c))
    ? WORD_PART
    : c === 46 || c === 44 || c === 39
      ? JOINER
      : NEITHER,
);

/**
 * Distinct raw words, numbered 0, 1, 2 … in order of first appearance. `appendWordIds` gives the
 * ids of exactly the words `text.slice(from, to).match(WORD)` finds; `word(id)` gives one back.
 */
export class WordTable {
  /** The characters of each word, one after another: word k is chars[starts[k], starts[k + 1]). */
  private chars = uint16Array(1 << 16);
  private readonly starts = new IntBuffer();
  /** Open-addressing table: 1 + a word's id (0: empty slot), and the word's hash. */
  private slots = int32Array(1 << 16);
  private hashes = int32Array(1 << 16);
  /** Each word's role in its sentence's kind (passages/sentence-kinds.ts), read once when added. */
  private wordRoles = new Uint8Array(1 << 12);

  constructor() {
    this.starts.push(0);
  }

  /** Number of distinct words so far. */
  get size(): number {
    return this.starts.length - 1;
  }

  /**
   * Appends the id of each word of text.slice(from, to) to `out`, adding new words; with `spans`,
   * each word's start and end offsets in `text` to it too.
   */
  appendWordIds(text: string, out: IntBuffer, from = 0, to = text.length, spans?: IntBuffer): void {
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 128 ? ASCII_KIND[c] !== WORD_PART : wordCharAt(text, i, to) === 0) {
        i++;
        continue;
      }
      // A word starts at i. Words of ASCII (almost all) are scanned and hashed in one pass, as
      // wordEnd and hashOf would; at the first other character, the word is read again by them.
      const start = i;
      let h = FNV_OFFSET;
      let ascii = true;
      while (i < to) {
        const d = text.charCodeAt(i);
        const kind = d < 128 ? (ASCII_KIND[d] as number) : -1;
        if (kind === WORD_PART) {
          h = Math.imul(h ^ d, FNV_PRIME);
          i++;
          continue;
        }
        if (kind === JOINER) {
          const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
          if (next >= 128) ascii = false;
          else if (next >= 0 && ASCII_KIND[next] === WORD_PART) {
            h = Math.imul(h ^ d, FNV_PRIME);
            i++;
            continue;
          } else if (d === 46) {
            // A final full stop belongs to the word ("U.S.").
            h = Math.imul(h ^ d, FNV_PRIME);
            i++;
          }
        } else if (kind < 0) ascii = false;
        break;
      }
      if (ascii) {
        out.push(this.idAt(text, start, i, Math.imul(h ^ (i - start), FNV_PRIME)));
      } else {
        i = wordEnd(text, start, to);
        out.push(this.idAt(text, start, i, hashOf(text, start, i)));
      }
      if (spans !== undefined) {
        spans.push(start);
        spans.push(i);
      }
    }
  }

  /**
   * The `wordRole` of each word, by id (entries past `size` are unused); a new array once the
   * table grows, so read it after adding words.
   */
  get roles(): Uint8Array {
    return this.wordRoles;
  }

  /** The id of a word given as a string (added when new). */
  idOf(word: string): number {
    return this.idAt(word, 0, word.length, hashOf(word, 0, word.length));
  }

  /** The word of an id. */
  word(id: number): string {
    return stringOf(this.chars, this.starts.at(id), this.starts.at(id + 1));
  }

  /** Every word so far, copied into shared memory (word i is the word of id i). */
  share(): WordChars {
    const size = this.size;
    const starts = new Int32Array(new SharedArrayBuffer(4 * (size + 1)));
    for (let i = 0; i <= size; i++) starts[i] = this.starts.at(i);
    const chars = new Uint16Array(new SharedArrayBuffer(2 * this.starts.at(size)));
    chars.set(this.chars.subarray(0, chars.length));
    return { chars, starts };
  }

  /**
   * The words of ids [from, size) as their characters, word k of them chars[starts[k],
   * starts[k + 1]) (arrays of their own, which a worker thread hands over without copying).
   */
  charsFrom(from: number): WordChars {
    const first = this.starts.at(from);
    const starts = new Int32Array(Math.max(0, this.size - from) + 1);
    for (let k = 1; k < starts.length; k++) starts[k] = this.starts.at(from + k) - first;
    return { chars: this.chars.slice(first, this.starts.at(this.size)), starts };
  }

  /**
   * The id of the word chars[from, to) (added when new): what `idOf` gives the same word as a
   * string, without making one unless the word is new.
   */
  idOfChars(chars: Uint16Array, from: number, to: number): number {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (chars[i] as number), FNV_PRIME);
    h = Math.imul(h ^ (to - from), FNV_PRIME);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return this.add(stringOf(chars, from, to), 0, length, h);
      if (this.hashes[slot] !== h) continue;
      const at = this.starts.at(entry - 1);
      if (this.starts.at(entry) - at !== length) continue;
      const known = this.chars;
      let j = 0;
      while (j < length && known[at + j] === chars[from + j]) j++;
      if (j === length) return entry - 1;
    }
  }

  /** The id of the word text[start, end) of hash h (`hashOf`), added when new. */
  private idAt(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return this.add(text, start, end, h);
      if (this.hashes[slot] !== h) continue;
      const from = this.starts.at(entry - 1);
      if (this.starts.at(entry) - from !== length) continue;
      const chars = this.chars;
      let j = 0;
      while (j < length && chars[from + j] === text.charCodeAt(start + j)) j++;
      if (j === length) return entry - 1;
    }
  }

  private add(text: string, start: number, end: number, hash: number): number {
    const id = this.size;
    if (2 * (id + 1) > this.slots.length) this.growSlots();
    let at = this.starts.at(id);
    if (at + end - start > this.chars.length) {
      const grown = uint16Array(Math.max(2 * this.chars.length, at + end - start));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let i = start; i < end; i++) this.chars[at++] = text.charCodeAt(i);
    this.starts.push(at);
    if (id === this.wordRoles.length) {
      const grown = new Uint8Array(2 * id);
      grown.set(this.wordRoles);
      this.wordRoles = grown;
    }
    this.wordRoles[id] = wordRole(text, start, end);
    this.place(id + 1, hash);
    return id;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
    this.hashes[slot] = hash;
  }

  /** Doubles the table and places every word again. */
  private growSlots(): void {
    const { slots, hashes } = this;
    this.slots = int32Array(slots.length * 2);
    this.hashes = int32Array(hashes.length * 2);
    for (let slot = 0; slot < slots.length; slot++) {
      const entry = slots[slot] as number;
      if (entry !== 0) this.place(entry, hashes[slot] as number);
    }
  }
}
