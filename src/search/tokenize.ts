/**
 * Tokenisation for ranking and highlighting: words with their character offsets, normalised into
 * index terms (lower case, no diacritics, possessives and number separators removed, hyphenated
 * words split, dotted abbreviations joined, English stop words dropped, Porter2 stems, memoised).
 */
import { createRequire } from 'node:module';
import lemmatizer from 'wink-lemmatizer';
import stem from 'wink-porter2-stemmer';
import { IntBuffer } from './term-table.ts';

const require = createRequire(import.meta.url);
/** winkjs' English stop word list (wink-nlp-utils). */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...(require('wink-nlp-utils/src/dictionaries/stop_words.json') as string[]),
  // Quantity words of questions ("how many", "how much") that the list lacks.
  'many',
  'much',
]);

/** A word of the text with where it is: text.slice(start, end) is the word. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * Words: letters and digits, joined by inner dots, commas or apostrophes ("U.S.", "290,000",
 * "Syria's", "1.8"). Hyphens and other punctuation separate words.
 */
const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*\.?/gu;
const DIACRITICS = /\p{M}+/gu;

const memo = new Map<string, string | null>();
const MEMO_LIMIT = 500_000;

/**
 * Normalises one raw word into its index term, or null when it is a stop word or empty.
 * "U.S." and "US" both become "u.s"; "Syria's" becomes "syria"; "290,000" becomes "290000".
 */
export function normaliseWord(raw: string): string | null {
  const cached = memo.get(raw);
  if (cached !== undefined) return cached;
  const term = computeTerm(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, term);
  return term;
}

function computeTerm(raw: string): string | null {
  let word = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  // "US" written in capitals is the country, not the pronoun.
  if (word === 'US' || /^(\p{L}\.)+\p{L}$/u.test(word))
    return word.toLowerCase().replaceAll('.', '').split('').join('.');
  // NFKD leaves ASCII as it is and ASCII holds no marks: only other words need the two passes.
  if (NON_ASCII.test(word)) word = word.normalize('NFKD').replace(DIACRITICS, '');
  word = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(word)) word = word.replaceAll(',', '');
  if (word === '' || STOP_WORDS.has(word)) return null;
  if (/\d/.test(word)) return word;
  let term = lemmaTerms.get(word);
  if (term === undefined) {
    const lemma = irregularLemma(word);
    term = SPEECH_VERBS.has(lemma) ? 'say' : stem(lemma);
    if (lemmaTerms.size >= MEMO_LIMIT) lemmaTerms.clear();
    lemmaTerms.set(word, term);
  }
  return term;
}

/** A character outside ASCII. */
const NON_ASCII = /[^\p{ASCII}]/u;
/**
 * The term of each lower-case word seen (lemma, then stem): the raw forms of one word ("Said",
 * "said") normalise once each but are lemmatised and stemmed once in all.
 */
const lemmaTerms = new Map<string, string>();

/**
 * Verbs of reporting speech, indexed as one term: news writes "Lavrov told journalists" or
 * "Kerry stated" where a member asks what Lavrov or Kerry "said".
 */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'telling',
  'stated',
  'declare',
  'declares',
  'declared',
  'remark',
  'remarked',
]);

/**
 * The lemma of an irregular form ("came" → "come", "sat" → "sit", "men" → "man"), which a
 * stemmer cannot find; regular forms are left to the stemmer.
 */
function irregularLemma(word: string): string {
  for (const lemma of [lemmatizer.verb(word), lemmatizer.noun(word)]) {
    if (lemma !== word && !word.startsWith(lemma.slice(0, Math.max(2, lemma.length - 1)))) return lemma;
  }
  return word;
}

/** Splits text into normalised tokens with character offsets; stop words are left out. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (!raw.includes('.')) {
      const term = normaliseWord(raw);
      if (term !== null) tokens.push({ term, start, end: start + raw.length });
      continue;
    }
    // An abbreviation run into the next word ("U.S.is") is two words.
    const glued = /^((?:\p{L}\.){2,})(\p{L}{2,})$/u.exec(raw);
    if (glued?.[1] !== undefined && glued[2] !== undefined) {
      pushWord(tokens, glued[1], start);
      pushWord(tokens, glued[2], start + glued[1].length);
      continue;
    }
    // Dotted runs that are not abbreviations or numbers ("end.The") are separate words.
    if (raw.includes('.') && !/^(\p{L}\.)+\p{L}?\.?$/u.test(raw) && !/^\d[\d.,]*$/.test(raw)) {
      let offset = start;
      for (const part of raw.split('.')) {
        const term = part === '' ? null : normaliseWord(part);
        if (term !== null) tokens.push({ term, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
      continue;
    }
    pushWord(tokens, raw, start);
  }
  return tokens;
}

function pushWord(tokens: Token[], raw: string, start: number): void {
  const term = normaliseWord(raw);
  if (term !== null) tokens.push({ term, start, end: start + raw.length - (raw.endsWith('.') ? 1 : 0) });
}

const wordTermsMemo = new Map<string, readonly string[]>();
const NO_TERMS: readonly string[] = [];

/** The terms one raw word yields (memoised): none for a stop word, two for "U.S.is". */
function wordTerms(raw: string): readonly string[] {
  let found = wordTermsMemo.get(raw);
  if (found === undefined) {
    if (raw.includes('.')) {
      const tokens = tokenize(raw);
      found = tokens.length === 0 ? NO_TERMS : tokens.map((t) => t.term);
    } else {
      // A whole WORD match without a dot is one word for `tokenize`: skip its pattern matching.
      const term = normaliseWord(raw);
      found = term === null ? NO_TERMS : [term];
    }
    if (wordTermsMemo.size >= MEMO_LIMIT) wordTermsMemo.clear();
    wordTermsMemo.set(raw, found);
  }
  return found;
}

/**
 * The index terms of a text, in order, with repeats (what BM25 counts): the terms of `tokenize`,
 * computed without offsets and memoised per word, since indexing calls it on every sentence.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(WORD) ?? NO_TERMS) {
    const found = wordTerms(raw);
    if (found.length === 1) out.push(found[0] as string);
    else for (const term of found) out.push(term);
  }
  return out;
}

/** Word characters (letters and digits, as \p{L} and \p{N} of WORD): 1 yes, 2 no, 0 not yet known. */
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

/** Where the WORD match that starts at a word character `start` ends, reading no further than `to`. */
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

/**
 * Dense ids for the terms of one build: `appendIds` gives exactly the terms of `terms(text)`, as
 * ids into `terms`, numbered in order of first appearance. Words are read in place (the WORD
 * pattern, scanned by hand) and found in an open-addressing table by their characters, so a word
 * seen before costs no string and no normalisation.
 */
export class TermVocabulary {
  /** Term of each id. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /**
   * The characters of each word seen, one after another (word k is chars[wordStarts[k],
   * wordStarts[k + 1])), and its term id (-1 none, -2 - k: several, `several[k]`). Comparing in one
   * flat array costs less than reading each word's string.
   */
  private chars = new Uint16Array(1 << 16);
  private readonly wordStarts = new IntBuffer();
  private readonly values: number[] = [];
  /** Open-addressing table over `words`: 1 + the word's index (0: empty slot), and its hash. */
  private slots = new Int32Array(1 << 16);
  private hashes = new Int32Array(1 << 16);
  private readonly several: Array<readonly number[]> = [];

  constructor() {
    this.wordStarts.push(0);
  }

  /** The id of a term, added when new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Appends the ids of the index terms of text.slice(from, to) (see `terms`) to `out`. */
  appendIds(text: string, out: IntBuffer, from = 0, to = text.length): void {
    let i = from;
    while (i < to) {
      const n = wordCharAt(text, i, to);
      if (n === 0) {
        i++;
        continue;
      }
      const end = wordEnd(text, i, to);
      const value = this.wordValue(text, i, end);
      if (value >= 0) out.push(value);
      else if (value < -1) for (const id of this.several[-2 - value] as readonly number[]) out.push(id);
      i = end;
    }
  }

  /** The table value of the word text[start, end), normalised and added when new. */
  private wordValue(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return this.addWord(text, start, end, h);
      if (this.hashes[slot] !== h) continue;
      const from = this.wordStarts.at(entry - 1);
      if (this.wordStarts.at(entry) - from !== length) continue;
      const chars = this.chars;
      let j = 0;
      while (j < length && chars[from + j] === text.charCodeAt(start + j)) j++;
      if (j === length) return this.values[entry - 1] as number;
    }
  }

  private addWord(text: string, start: number, end: number, hash: number): number {
    const list = wordTerms(text.slice(start, end));
    let value = -1;
    if (list.length === 1) value = this.idOf(list[0] as string);
    else if (list.length > 1) {
      this.several.push(list.map((t) => this.idOf(t)));
      value = -1 - this.several.length;
    }
    if (2 * (this.values.length + 1) > this.slots.length) this.growSlots();
    let at = this.wordStarts.at(this.values.length);
    if (at + end - start > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, at + end - start));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let i = start; i < end; i++) this.chars[at++] = text.charCodeAt(i);
    this.wordStarts.push(at);
    this.values.push(value);
    this.place(this.values.length, hash);
    return value;
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
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(hashes.length * 2);
    for (let slot = 0; slot < slots.length; slot++) {
      const entry = slots[slot] as number;
      if (entry !== 0) this.place(entry, hashes[slot] as number);
    }
  }
}
