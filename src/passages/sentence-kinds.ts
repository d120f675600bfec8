/**
 * What kind of answer each sentence can give, read once at build time: a date or time, a number,
 * a place after a preposition, and how many capitalised names it holds. One byte a sentence, so
 * re-ranking compares a question's expected answer type with its candidates' sentences cheaply.
 */
import type { IntBuffer } from '../util/term-table.ts';

/** The sentence holds a date, year, time or period ("in 2011", "on 26 August", "10:30", "today"). */
export const HOLDS_TIME = 1;
/** The sentence holds a number, amount or duration ("290,000", "12%", "three years", "millions"). */
export const HOLDS_NUMBER = 2;
/** The sentence holds a capitalised name after a preposition of place ("in Geneva", "at the Kremlin"). */
export const HOLDS_PLACE = 4;
/** The count of capitalised names (words not starting the sentence) sits in the bits above this shift. */
export const NAME_SHIFT = 3;
/** Largest name count a sentence's byte holds. */
const MAX_NAMES = 0xff >> NAME_SHIFT;

/** A keyword's role in reading a sentence (bits). */
const TIME_WORD = 1;
const NUMBER_WORD = 2;
/** A preposition a place name follows ("in Geneva", "near the Turkish border"). */
const PREPOSITION = 4;
/** "the", skipped between a preposition and a place ("at the Kremlin"). */
const ARTICLE = 8;
/** Capitalised, but names no one: the pronoun, months and weekdays. */
const NOT_A_NAME = 16;

const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday';
/** Words that name a time or a period on their own. */
const TIME_WORDS = 'today yesterday tomorrow tonight century centuries decade decades bc bce ad a.m p.m';
/** Words that are numbers or amounts. */
const NUMBER_WORDS =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens percent half twice';
const PREPOSITIONS = 'in at near from outside inside into across throughout around';

/** Keyword slots, open addressing by the hash of a word's lower-case letters (see `wordHash`). */
const SLOTS = 1024;
const slotHash = new Int32Array(SLOTS);
const slotRole = new Uint8Array(SLOTS);
const slotWord: string[] = new Array(SLOTS).fill('');
function addKeywords(words: string, role: number): void {
  for (const word of words.split(' ')) {
    const h = wordHash(word, 0, word.length);
    let slot = h & (SLOTS - 1);
    while (slotWord[slot] !== '' && slotWord[slot] !== word) slot = (slot + 1) & (SLOTS - 1);
    slotHash[slot] = h;
    slotWord[slot] = word;
    slotRole[slot] = (slotRole[slot] as number) | role;
  }
}
addKeywords(MONTHS, TIME_WORD | NOT_A_NAME);
addKeywords(WEEKDAYS, TIME_WORD | NOT_A_NAME);
addKeywords(TIME_WORDS, TIME_WORD);
addKeywords(NUMBER_WORDS, NUMBER_WORD);
addKeywords(PREPOSITIONS, PREPOSITION);
addKeywords('the', ARTICLE);
addKeywords('i', NOT_A_NAME);

/**
 * The kinds of answer text[start, end) holds, as one byte: HOLDS_TIME, HOLDS_NUMBER,
 * HOLDS_PLACE and the count of names (see `nameCount`). Words are
 * letters and digits joined by inner dots, commas, colons or apostrophes; read char by char, with
 * no string made.
 */
export function sentenceKind(text: string, start: number, end: number): number {
  let kind = 0;
  let names = 0;
  let words = 0;
  // Roles of the word before and the one before it, to read "in Geneva", "at the Kremlin".
  let before = 0;
  let beforeThat = 0;
  let i = start;
  while (i < end) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    let digits = 0;
    let colon = false;
    let hash = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (!isWordChar(c)) {
        // An inner joiner: "290,000", "10:30", "U.S.", "Syria's".
        if (
          (c === 46 || c === 44 || c === 58 || c === 39 || c === 8217) &&
          i + 1 < end &&
          isWordChar(text.charCodeAt(i + 1))
        ) {
          if (c === 58) colon = true;
        } else break;
      }
      hash = (Math.imul(hash, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
      i++;
    }
    const length = i - from;
    const first = text.charCodeAt(from);
    const role = keywordRole(text, from, i, hash);
    if (first >= 48 && first <= 57) {
      kind |= HOLDS_NUMBER;
      if (isYearOrTime(text, from, length, digits, colon)) kind |= HOLDS_TIME;
    } else if ((role & TIME_WORD) !== 0) kind |= HOLDS_TIME;
    else if ((role & NUMBER_WORD) !== 0) kind |= HOLDS_NUMBER;
    else if (words > 0 && isCapital(first) && (role & NOT_A_NAME) === 0) {
      names++;
      if (((before & ARTICLE) !== 0 ? beforeThat : before) & PREPOSITION) kind |= HOLDS_PLACE;
    }
    if (i < end && text.charCodeAt(i) === 37) kind |= HOLDS_NUMBER;
    words++;
    beforeThat = before;
    before = role;
  }
  return kind | (Math.min(names, MAX_NAMES) << NAME_SHIFT);
}

/**
 * A word's part in its sentence's kind, read once per distinct word (see `wordRole`): the kinds it
 * holds itself use the bits of HOLDS_TIME and HOLDS_NUMBER; the others follow.
 */
const ROLE_KINDS = HOLDS_TIME | HOLDS_NUMBER;
/** A capitalised name, counted when it does not start the sentence. */
const ROLE_NAME = 4;
const ROLE_PREPOSITION = 8;
const ROLE_ARTICLE = 16;
/** A word with a character outside the BMP, which `sentenceKind` splits words at: read the text. */
const ROLE_UNREAD = 32;

/**
 * The role of the word text[from, to) in its sentence's kind, as `kindOfWords` reads it: a word as
 * the word table finds it (tokenize.ts's WORD: no colon inside, maybe a final full stop, which
 * `sentenceKind` leaves out of the word and is left out here).
 */
export function wordRole(text: string, from: number, to: number): number {
  if (to - from > 1 && text.charCodeAt(to - 1) === 46) to--;
  let digits = 0;
  let hash = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return ROLE_UNREAD;
    if (c >= 48 && c <= 57) digits++;
    hash = (Math.imul(hash, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
  }
  const first = text.charCodeAt(from);
  const keyword = keywordRole(text, from, to, hash);
  let role = 0;
  if (first >= 48 && first <= 57)
    role = HOLDS_NUMBER | (isYearOrTime(text, from, to - from, digits, false) ? HOLDS_TIME : 0);
  else if ((keyword & TIME_WORD) !== 0) role = HOLDS_TIME;
  else if ((keyword & NUMBER_WORD) !== 0) role = HOLDS_NUMBER;
  else if (isCapital(first) && (keyword & NOT_A_NAME) === 0) role = ROLE_NAME;
  if ((keyword & PREPOSITION) !== 0) role |= ROLE_PREPOSITION;
  if ((keyword & ARTICLE) !== 0) role |= ROLE_ARTICLE;
  return role;
}

/**
 * The kind `sentenceKind` gives a sentence, read from its words instead of its characters: the
 * ids words[from, to) of its words (as the word table reads them) and each word id's `wordRole`
 * in `roles`; -1 when a word must be read from the text (see `SentenceKindReader`).
 */
export function kindOfWords(roles: Uint8Array, words: IntBuffer, from: number, to: number): number {
  let kind = 0;
  let names = 0;
  let before = 0;
  let beforeThat = 0;
  for (let i = from; i < to; i++) {
    const role = roles[words.at(i)] as number;
    if ((role & ROLE_UNREAD) !== 0) return -1;
    kind |= role & ROLE_KINDS;
    if ((role & ROLE_NAME) !== 0 && i > from) {
      names++;
      if (((before & ROLE_ARTICLE) !== 0 ? beforeThat : before) & ROLE_PREPOSITION) kind |= HOLDS_PLACE;
    }
    beforeThat = before;
    before = role;
  }
  return kind | (Math.min(names, MAX_NAMES) << NAME_SHIFT);
}

/**
 * The kinds of one text's sentences, taken in text order: from their words' roles (`kindOfWords`)
 * where that gives `sentenceKind`'s answer, else from the text. A sentence holding "%" or ":" is
 * read from the text, as `sentenceKind` reads around its words there ("12%", "10:30"); the next
 * of each is found once for all the sentences before it.
 */
export class SentenceKindReader {
  private percent: number;
  private colon: number;

  constructor(private readonly text: string) {
    this.percent = text.indexOf('%');
    this.colon = text.indexOf(':');
  }

  /** The kind of text[start, end), whose words are words[from, to) (see `kindOfWords`). */
  kind(start: number, end: number, roles: Uint8Array, words: IntBuffer, from: number, to: number): number {
    if (this.percent >= 0 && this.percent < start) this.percent = this.text.indexOf('%', start);
    if (this.colon >= 0 && this.colon < start) this.colon = this.text.indexOf(':', start);
    const plain = (this.percent < 0 || this.percent >= end) && (this.colon < 0 || this.colon >= end);
    const kind = plain ? kindOfWords(roles, words, from, to) : -1;
    return kind >= 0 ? kind : sentenceKind(this.text, start, end);
  }
}

/** The number of capitalised names a sentence's kind byte counts (capped at 31). */
export function nameCount(kind: number): number {
  return kind >> NAME_SHIFT;
}

/** Per UTF-16 code unit past ASCII: 0 not read yet, 1 a letter or digit, 2 not. */
const WORD_CHAR = new Uint8Array(65536);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A letter or a digit (any script; a non-ASCII character is classified once, then looked up). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  let known = WORD_CHAR[c] as number;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CHAR[c] = known;
  }
  return known === 1;
}

/** A capital letter (ASCII, or one that lower-casing changes). */
function isCapital(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** A hash of text[from, to) in lower case (ASCII letters folded), for the keyword lookup. */
function wordHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
  }
  return h;
}

/**
 * The roles of text[from, to), whose `wordHash` is `hash`, as a keyword (lower case or capitalised
 * alike); 0 for any other word.
 */
function keywordRole(text: string, from: number, to: number, hash: number): number {
  for (let slot = hash & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const word = slotWord[slot] as string;
    if (word === '') return 0;
    if (slotHash[slot] !== hash || word.length !== to - from) continue;
    let same = true;
    for (let j = 0; same && j < word.length; j++) {
      const c = text.charCodeAt(from + j);
      same = (c >= 65 && c <= 90 ? c | 32 : c) === word.charCodeAt(j);
    }
    if (same) return slotRole[slot] as number;
  }
}

/** A year (1000–2099), a decade ("1990s", "1990's") or a time of day ("10:30"), from its digits. */
function isYearOrTime(text: string, from: number, length: number, digits: number, colon: boolean): boolean {
  if (colon) return (length === 4 || length === 5) && text.charCodeAt(from + length - 3) === 58;
  const century =
    text.charCodeAt(from) === 49 || (text.charCodeAt(from) === 50 && text.charCodeAt(from + 1) === 48);
  if (digits !== 4 || !century) return isOrdinal(text, from, length, digits);
  if (length === 4) return true;
  const next = text.charCodeAt(from + 4);
  return (
    (length === 5 && next === 115) ||
    (length === 6 && (next === 39 || next === 8217) && text.charCodeAt(from + 5) === 115)
  );
}

/** "19th", "3rd", "1st", "22nd": a day of a month or a century. */
function isOrdinal(text: string, from: number, length: number, digits: number): boolean {
  if (digits < 1 || digits > 2 || length !== digits + 2) return false;
  const a = text.charCodeAt(from + digits) | 32;
  const b = text.charCodeAt(from + digits + 1) | 32;
  return (
    (a === 115 && b === 116) ||
    (a === 110 && b === 100) ||
    (a === 114 && b === 100) ||
    (a === 116 && b === 104)
  );
}
